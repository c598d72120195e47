// The fault corpus for both feed widgets: each fault arrives after good data, in the real browser.
// Each must leave no uncaught error (test/setup.ts fails the test on any), keep the last good data,
// report civic-error, and recover on the next good answer. Timeouts and backoff are covered with
// fake timers in test/core/feed-controller.test.ts.
import { worker, http, HttpResponse } from '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/alert-banner/define.js';
import '../../src/closure-ticker/define.js';
import type { CivicErrorEvent } from '../../src/core/events.js';
import { halfBody, trickle } from './bodies.js';
import { collect, until } from '../helpers.js';
import { civicAlerts } from '../fixtures/alerts.js';
import { closuresJson } from '../fixtures/closures.js';

type Widget = HTMLElement & { refreshNow(): void; updateComplete: Promise<unknown> };

const FAULTS: [string, (good: string) => Response, string | null][] = [
  ['404', () => new HttpResponse('Not found', { status: 404 }), 'http'],
  ['410', () => new HttpResponse('Gone', { status: 410 }), 'http'],
  ['500', () => new HttpResponse('Error', { status: 500 }), 'http'],
  ['503 with Retry-After', () => new HttpResponse(null, { status: 503, headers: { 'retry-after': '120' } }), 'http'],
  ['429', () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '60' } }), 'http'],
  ['connection reset', () => HttpResponse.error(), 'network'],
  ['a body that stops half-way', (good) => halfBody(good), 'network'],
  ['wrong content type', (good) => new HttpResponse(good, { headers: { 'content-type': 'text/html' } }), 'content-type'],
  ['an empty body', () => new HttpResponse('', { headers: { 'content-type': 'application/json' } }), 'empty'],
  ['a 3 MB body', () => HttpResponse.json({ alerts: [], closures: [], pad: 'x'.repeat(3 * 1024 * 1024) }), 'too-large'],
  ['a slow trickle that completes', (good) => trickle(good), null],
];

const WIDGETS = [
  { tag: 'civic-alert-banner', good: JSON.stringify(civicAlerts), item: '[part~="alert"]' },
  { tag: 'civic-closure-ticker', good: JSON.stringify({ ...closuresJson, closures: closuresJson.closures.map((c) => ({ ...c, date: undefined, until: undefined })) }), item: '[part="track"] [part="list"] .school' },
];

describe('fault corpus', () => {
  afterEach(() => sinon.restore());

  for (const { tag, good, item } of WIDGETS) {
    describe(`<${tag}>`, () => {
      for (const [name, fault, reason] of FAULTS) {
        it(`keeps its last good data through ${name}, says why, and recovers`, async () => {
          let answer: () => Response = () => new HttpResponse(good, { headers: { 'content-type': 'application/json' } });
          const path = `/faults/${tag}/${encodeURIComponent(name)}`;
          worker.use(http.get(path, () => answer()));
          const errors = collect<CivicErrorEvent>(document, 'civic-error');
          const wrapper = await fixture(html`<div></div>`);
          wrapper.innerHTML = `<${tag} src="${path}" refresh="0"><a href="/fallback">Fallback</a></${tag}>`; // test markup only
          const el = wrapper.firstElementChild as Widget;
          await until(() => (el.shadowRoot?.querySelectorAll(item).length ?? 0) > 0, 'good data');
          const count = el.shadowRoot!.querySelectorAll(item).length;
          const before = errors.length;

          answer = () => fault(good);
          el.refreshNow();
          if (reason) {
            await until(() => errors.length > before, 'civic-error');
            expect(errors.at(-1)!.detail.reason, name).to.equal(reason);
          } else {
            await new Promise((r) => setTimeout(r, 400));
            expect(errors.length, name).to.equal(before);
          }
          await el.updateComplete;
          expect(el.shadowRoot!.querySelectorAll(item).length, `${name}: last good data kept`).to.equal(count);

          answer = () => new HttpResponse(good.replace(/"Snow"|"Heating failure"/, '"Recovered"').replace('"Hill Top Primary School"', '"Hill Top Primary School (Recovered)"').replace('Flooding of homes', 'Recovered: flooding of homes'), { headers: { 'content-type': 'application/json' } });
          el.refreshNow();
          await until(() => (el.shadowRoot!.textContent ?? '').includes('Recovered'), `${name}: recovery`);
        });
      }

      it('shows nothing dated in the future, and the rest, when the feed’s clock is ahead', async () => {
        const future = new Date(Date.now() + 86_400_000 * 3).toISOString();
        const skewed =
          tag === 'civic-alert-banner'
            ? { alerts: [{ id: 'f', title: 'From the future', start: future }, { id: 'n', title: 'Now' }] }
            : { closures: [{ school: 'Future School', status: 'closed', date: future.slice(0, 10) }, { school: 'Now School', status: 'closed' }] };
        worker.use(http.get(`/faults/${tag}/skew`, () => HttpResponse.json(skewed)));
        const wrapper = await fixture(html`<div></div>`);
        wrapper.innerHTML = `<${tag} src="/faults/${tag}/skew" refresh="0"></${tag}>`; // test markup only
        const el = wrapper.firstElementChild as Widget;
        await until(() => (el.shadowRoot?.querySelectorAll(item).length ?? 0) > 0, 'data');
        expect(el.shadowRoot!.textContent).to.not.contain('uture');
      });

      it('trusts no stored copy of the wrong shape (another version, or tampering), showing only its good items', async () => {
        const url = new URL(`/faults/${tag}/stored`, location.href).href;
        const kind = tag === 'civic-alert-banner' ? 'alerts' : 'closures';
        const junk = [null, 7, 'x', { id: 1 }, { id: 'a', title: null }, { id: 'b', school: 5, status: 'closed' }, { id: 'c', school: 'X', status: 'exploded' }, { id: 'd', title: 'T', message: 'M', severity: 'major', translations: { cy: 5 } }, { id: 'e', school: 'Y', status: 'closed', affected: 'all' }];
        const good = kind === 'alerts' ? { id: 'ok', title: 'Stored alert', message: 'Kept', severity: 'major' } : { id: 'ok', school: 'Stored School', status: 'closed' };
        localStorage.setItem(`civic-widgets:feed:${kind}:${url}`, JSON.stringify({ v: 1, t: Date.now() - 60_000, d: { [kind]: [...junk, good], skipped: 'many' } }));
        worker.use(http.get(`/faults/${tag}/stored`, () => new HttpResponse(null, { status: 503 })));
        const wrapper = await fixture(html`<div></div>`);
        wrapper.innerHTML = `<${tag} src="/faults/${tag}/stored" refresh="0"></${tag}>`; // test markup only
        const el = wrapper.firstElementChild as Widget;
        await until(() => (el.shadowRoot?.querySelectorAll(item).length ?? 0) > 0, 'the stored copy');
        expect(el.shadowRoot!.querySelectorAll(item)).to.have.length(1);
        expect(el.shadowRoot!.textContent).to.contain(kind === 'alerts' ? 'Stored alert' : 'Stored School');
        localStorage.clear();
      });

      it('works with localStorage full, and with it disabled (Safari private mode)', async () => {
        sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
        worker.use(http.get(`/faults/${tag}/storage`, () => new HttpResponse(good, { headers: { 'content-type': 'application/json' } })));
        const wrapper = await fixture(html`<div></div>`);
        wrapper.innerHTML = `<${tag} src="/faults/${tag}/storage" refresh="0"></${tag}>`; // test markup only
        const el = wrapper.firstElementChild as Widget;
        await until(() => (el.shadowRoot?.querySelectorAll(item).length ?? 0) > 0, 'data with storage full');
        sinon.restore();
        sinon.stub(window, 'localStorage').get(() => {
          throw new DOMException('denied', 'SecurityError');
        });
        const wrapper2 = await fixture(html`<div></div>`);
        wrapper2.innerHTML = `<${tag} src="/faults/${tag}/storage" refresh="0"></${tag}>`; // test markup only
        const el2 = wrapper2.firstElementChild as Widget;
        await until(() => (el2.shadowRoot?.querySelectorAll(item).length ?? 0) > 0, 'data with storage disabled');
      });
    });
  }
});
