// Freshness, widget side: a change the feed serves is on the open page at most `refresh` seconds
// later (default 60), on the fake clock. With the relay's side (relay/test/freshness.test.mjs: at most
// ttlSeconds, default 60, after the source changes), a change is visible within 2 minutes.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { worker, http, HttpResponse } from '../setup.js';
import '../../src/alert-banner/define.js';
import type { CivicAlertBanner } from '../../src/alert-banner/alert-banner.js';
import { requestsInFlight } from '../../src/core/feed/source.js';
import { advanceClock, until } from '../helpers.js';

const NOW = new Date('2026-12-02T08:00:00Z');

describe('alert banner freshness', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    localStorage.clear();
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  for (const refresh of [undefined, 30]) {
    it(`shows a change the feed serves within refresh (${refresh ?? 'default 60'} s), not sooner than it polls`, async () => {
      let title = 'Gritting tonight';
      worker.use(http.get('/feeds/fresh.json', () => HttpResponse.json({ alerts: [{ id: 'a', severity: 'minor', title }] })));
      const wrapper = await fixture(html`<div></div>`);
      wrapper.innerHTML = `<civic-alert-banner src="/feeds/fresh.json"${refresh ? ` refresh="${refresh}"` : ''}></civic-alert-banner>`; // test markup only
      const el = wrapper.querySelector<CivicAlertBanner>('civic-alert-banner')!;
      const heading = () => el.shadowRoot?.querySelector('[part="heading"]')?.textContent ?? '';
      await until(() => heading() === 'Gritting tonight', 'the first alerts');
      await advanceClock(clock, 5_000, requestsInFlight);
      const changedAt = Date.now();
      title = 'Gritting now: roads are icy';
      let seenAfter: number | undefined;
      for (let waited = 0; waited <= 120_000; waited += 1_000) {
        await advanceClock(clock, 1_000, requestsInFlight);
        await el.updateComplete;
        if (heading() === title) {
          seenAfter = Date.now() - changedAt;
          break;
        }
      }
      const limit = (refresh ?? 60) * 1000;
      expect(seenAfter, 'the change was never shown').to.not.equal(undefined);
      expect(seenAfter).to.be.at.most(limit);
      expect(seenAfter).to.be.at.least(limit - 6_000); // it polls every `refresh`, not more often
    });
  }
});
