// A server-rendered fragment in the banner's light DOM (civic-relay's /fragments, styled by
// cdn/civic-widgets.css): the widget keeps it on screen until it has data at least as new, then shows
// the same alerts in the same place, so nothing moves; a newer stored copy or network answer wins, and
// only what differs from the fragment is announced. Needs `npm run build` (the CSS is generated).
import { expect, fixture, html } from '@open-wc/testing';
import { worker, http, HttpResponse } from '../setup.js';
import { boxesIn, heldFeed as heldFeedAt, linkWidgetsCss, fragmentTestHooks, unlinkWidgetsCss } from '../fragment-helpers.js';
import '../../src/alert-banner/define.js';
import type { CivicAlertBanner } from '../../src/alert-banner/alert-banner.js';
import { alertsFragment } from '../../src/alert-banner/fragment.js';
import { adapters } from '../../src/alert-banner/formats/index.js';
import type { AlertFeed } from '../../src/alert-banner/types.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import { writeStored } from '../../src/core/feed/store.js';
import { civicAlerts } from '../fixtures/alerts.js';
import { expectAccessible } from '../a11y.js';
import { realDelay, until } from '../helpers.js';

const NOW = new Date('2026-01-09T07:42:00Z');
const FEED = '/feeds/adopt.json';
const polite = () => document.querySelector('[data-civic-live="polite"]')?.textContent ?? '';
const assertive = () => document.querySelector('[data-civic-live="assertive"]')?.textContent ?? '';

async function fragment(feed: object, lang: 'en' | 'cy', fetchedAt = NOW.getTime(), more = {}): Promise<string> {
  const url = new URL(FEED, location.href).href;
  const { data } = await parseFeed<AlertFeed>({ status: 200, contentType: 'application/json', text: JSON.stringify(feed) }, url, 'json', adapters);
  return alertsFragment(data, { lang, base: url, version: '"v1"', fetchedAt, max: 3, ...more });
}

const heldFeed = (feed: () => object) => heldFeedAt(FEED, feed);

/** Each alert's box and the banner's, relative to the banner, rounded to the pixel. */
const boxes = (host: HTMLElement, root: ParentNode) => boxesIn(host, root, 'li.alert, .controls');

async function mount(markup: string, lang: string, width: number): Promise<CivicAlertBanner> {
  const wrapper = await fixture(html`<div lang=${lang} style="width: ${width}px"></div>`);
  wrapper.innerHTML = `<civic-alert-banner src="${FEED}" max="3" refresh="60">${markup}</civic-alert-banner>`; // test markup only
  return wrapper.querySelector<CivicAlertBanner>('civic-alert-banner')!;
}

describe('alert banner with a server-rendered fragment', () => {
  let link: HTMLLinkElement;
  before(async () => (link = await linkWidgetsCss()));
  after(() => unlinkWidgetsCss());
  fragmentTestHooks(NOW);

  for (const width of [1280, 320]) {
    for (const lang of ['en', 'cy'] as const) {
      it(`shows the same alerts in the same boxes before and after the feed answers (${width} px, ${lang})`, async () => {
        const { release } = heldFeed(() => civicAlerts);
        const el = await mount(await fragment(civicAlerts, lang), lang, width);
        await el.updateComplete;
        const marker = el.querySelector<HTMLElement>('[data-civic-fragment]')!;
        expect(el.shadowRoot!.querySelector('slot'), 'the fragment stays while the feed is awaited').to.not.equal(null);
        expect(marker.querySelectorAll('li.alert')).to.have.length(3);
        const before = boxes(el, marker);
        await expectAccessible(el, 'the server-rendered fragment');
        expect(before[0]![3], 'the fragment takes room').to.be.greaterThan(100);
        release();
        await until(() => !!el.shadowRoot!.querySelector('section'), 'the widget renders');
        await el.updateComplete;
        const after = boxes(el, el.shadowRoot!);
        expect(after).to.deep.equal(before);
        // The same alerts, and nothing announced: they were on screen already.
        expect([...el.shadowRoot!.querySelectorAll('[part="heading"]')].map((h) => h.textContent)).to.deep.equal([...marker.querySelectorAll('.heading')].map((h) => h.textContent));
        await realDelay(50);
        expect(polite() + assertive()).to.equal('');
      });
    }
  }

  it('without the stylesheet a fragment is still plain, readable HTML with real headings and links', async () => {
    link.disabled = true;
    try {
      heldFeed(() => civicAlerts);
      const el = await mount(await fragment(civicAlerts, 'en'), 'en', 800);
      expect([...el.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal(['Flood warning: River Avon at Bathford', 'Bins not collected in Northgate', 'Anyshire Leisure Centre pool closed']);
      expect(el.querySelector<HTMLAnchorElement>('a.link')!.href).to.equal('https://check-for-flooding.service.gov.uk/');
    } finally {
      link.disabled = false;
    }
  });

  it('keeps the fragment over an older stored copy, and announces only what the network brings beyond it', async () => {
    const url = new URL(FEED, location.href).href;
    const old = await parseFeed<AlertFeed>({ status: 200, contentType: 'application/json', text: JSON.stringify({ alerts: [{ id: 'old', title: 'Old news', severity: 'minor' }] }) }, url, 'json', adapters);
    writeStored('alerts', url, old.data, NOW.getTime() - 3_600_000);
    const withNew = { alerts: [...civicAlerts.alerts, { id: 'new', title: 'Road closed at Ford', severity: 'major' }] };
    const { release } = heldFeed(() => withNew);
    const el = await mount(await fragment(civicAlerts, 'en'), 'en', 800);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('slot'), 'the older stored copy is not shown').to.not.equal(null);
    release();
    await until(() => assertive() === 'Major alert: Road closed at Ford', 'the new alert is announced');
    expect(polite(), 'the fragment’s alerts are not announced again').to.equal('');
  });

  it('shows a newer stored copy at once, over an older fragment', async () => {
    const stored = { alerts: [{ id: 'later', title: 'Bins collected as normal', severity: 'announcement' }] };
    const url = new URL(FEED, location.href).href;
    const { data } = await parseFeed<AlertFeed>({ status: 200, contentType: 'application/json', text: JSON.stringify(stored) }, url, 'json', adapters);
    writeStored('alerts', url, data, NOW.getTime());
    heldFeed(() => stored);
    const el = await mount(await fragment(civicAlerts, 'en', NOW.getTime() - 600_000), 'en', 800);
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('[part="heading"]')].map((h) => h.textContent)).to.deep.equal(['Bins collected as normal']);
  });

  it('keeps the fragment when the feed cannot be reached', async () => {
    worker.use(http.get(FEED, () => HttpResponse.error()));
    const errors: Event[] = [];
    const el = await mount(await fragment(civicAlerts, 'en'), 'en', 800);
    el.addEventListener('civic-error', (e) => errors.push(e));
    await until(() => errors.length > 0, 'civic-error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
    expect(el.querySelectorAll('[data-civic-fragment] li.alert')).to.have.length(3);
    expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
  });
});
