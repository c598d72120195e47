// The server-rendered fragment (what the relay serves and `civic-relay render` prints) runs the
// widget's own parsing, ordering, words and safe-link rule: the same alerts, in the same order and
// words, as the widget shows; plain HTML with every text escaped.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { worker, http, HttpResponse } from '../setup.js';
import '../../src/alert-banner/define.js';
import type { CivicAlertBanner } from '../../src/alert-banner/alert-banner.js';
import { alertsFragment } from '../../src/alert-banner/fragment.js';
import { adapters } from '../../src/alert-banner/formats/index.js';
import { ICON_PATHS } from '../../src/alert-banner/icons.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import { bilingualCap, civicAlerts, XSS } from '../fixtures/alerts.js';
import { until } from '../helpers.js';

const NOW = new Date('2026-01-09T07:42:00Z');
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function fragmentOf(body: string, type: string, lang: 'en' | 'cy', more: Partial<Parameters<typeof alertsFragment>[1]> = {}): Promise<HTMLElement> {
  const { data } = await parseFeed({ status: 200, contentType: type, text: body }, `${location.origin}/feeds/x`, 'auto', adapters);
  const markup = alertsFragment(data, { lang, base: `${location.origin}/feeds/x`, version: '"abc"', fetchedAt: NOW.getTime(), max: 10, ...more });
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  return doc.body.firstElementChild as HTMLElement;
}

async function widgetOf(body: string, type: string, lang: 'en' | 'cy'): Promise<CivicAlertBanner> {
  worker.use(http.get('/feeds/fragment-test', () => HttpResponse.text(body, { headers: { 'content-type': type } })));
  const wrapper = await fixture(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = '<civic-alert-banner src="/feeds/fragment-test" max="10"></civic-alert-banner>'; // test markup only
  const el = wrapper.querySelector<CivicAlertBanner>('civic-alert-banner')!;
  await until(() => !!el.shadowRoot?.querySelector('section'), 'alerts');
  await el.updateComplete;
  return el;
}

describe('alert fragment', () => {
  beforeEach(() => {
    localStorage.clear();
    sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => sinon.restore());

  const feeds: [string, string, string][] = [
    ['civic JSON', JSON.stringify(civicAlerts), 'application/json'],
    ['bilingual CAP', bilingualCap(), 'application/cap+xml'],
  ];
  for (const [name, body, type] of feeds) {
    for (const lang of ['en', 'cy'] as const) {
      it(`shows what the widget shows, in the same order and words (${name}, ${lang})`, async () => {
        const fragment = await fragmentOf(body, type, lang);
        const el = await widgetOf(body, type, lang);
        const shadow = el.shadowRoot!;
        const pick = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map(text);
        expect(pick(fragment, '.heading')).to.deep.equal(pick(shadow, '[part="heading"]'));
        expect(pick(fragment, '.heading').length).to.be.greaterThan(0);
        expect(pick(fragment, '.severity')).to.deep.equal(pick(shadow, '[part="severity"]'));
        expect(pick(fragment, '.message')).to.deep.equal(pick(shadow, '[part="message"]'));
        expect(pick(fragment, '.meta')).to.deep.equal(pick(shadow, '[part="meta"]'));
        expect(pick(fragment, '.updated')).to.deep.equal(pick(shadow, '[part="updated"]'));
        expect([...fragment.querySelectorAll('a')].map((a) => a.href)).to.deep.equal([...shadow.querySelectorAll('[part="link"][href]')].map((a) => (a as HTMLAnchorElement).href));
        expect(fragment.querySelector('section')!.getAttribute('aria-label')).to.equal(shadow.querySelector('section')!.getAttribute('aria-label'));
        // Real headings, marked with the feed's version and time.
        expect([...fragment.querySelectorAll('h2')].length).to.equal(pick(fragment, '.heading').length);
        expect(fragment.dataset['civicFragment']).to.equal('"abc"');
        expect(fragment.dataset['civicFetched']).to.equal(NOW.toISOString());
      });
    }
  }

  it('is plain HTML: hostile feed text stays text, links pass the safe-link rule, nothing runs or is styled inline', async () => {
    const hostile = JSON.stringify({ alerts: [{ id: XSS.text, title: XSS.text, message: XSS.text, severity: 'major', url: XSS.url, linkText: XSS.text, area: '"><svg onload=alert(1)>' }] });
    const fragment = await fragmentOf(hostile, 'application/json', 'en', { moreUrl: 'javascript:alert(2)', label: '"><b>x</b>' });
    expect(fragment.querySelectorAll('script, style, img, iframe, b')).to.have.length(0);
    // The only SVG is the severity's own icon, decorative, one path from icons.ts.
    expect([...fragment.querySelectorAll('svg')].map((s) => [s.getAttribute('class'), s.getAttribute('aria-hidden'), s.children.length, s.firstElementChild!.getAttribute('d')])).to.deep.equal([['icon', 'true', 1, ICON_PATHS.major]]);
    for (const el of fragment.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name, el.outerHTML).to.not.match(/^on|^style$/);
    }
    expect(fragment.querySelector('a'), 'a javascript: link is dropped').to.equal(null);
    expect(text(fragment.querySelector('.heading'))).to.equal(XSS.text.replace(/\s+/g, ' '));
  });

  it('shows at most max alerts, with a link to the rest, and is an empty marker when no alert is current', async () => {
    const fragment = await fragmentOf(JSON.stringify(civicAlerts), 'application/json', 'cy', { max: 1, moreUrl: '/service-alerts', headingLevel: 3 });
    expect(fragment.querySelectorAll('li.alert')).to.have.length(1);
    expect(fragment.querySelectorAll('li[hidden]:empty'), 'the rest: ids only').to.have.length(3);
    expect(fragment.querySelectorAll('h3')).to.have.length(1);
    expect(text(fragment.querySelector('a.more'))).to.equal('Dangos 3 rhybudd arall'); // four current alerts, one shown
    const none = await fragmentOf(JSON.stringify({ alerts: [] }), 'application/json', 'en');
    expect(none.children).to.have.length(0);
    expect(none.hasAttribute('data-civic-fragment')).to.equal(true);
  });
});
