import { worker, http, HttpResponse, hang } from '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '../harness/engine.js';
import sinon from 'sinon';
import '../../src/alert-banner/define.js';
import '../../src/share-bar/define.js';
import type { CivicAlertBanner } from '../../src/alert-banner/alert-banner.js';
import type { CivicDismissEvent, CivicErrorEvent, CivicLoadEvent } from '../../src/core/events.js';
import { requestsInFlight } from '../../src/core/feed/source.js';
import { expectAccessible } from '../a11y.js';
import { advanceClock, clearAnnouncements, collect, settled, until } from '../helpers.js';
import { alertHandlers } from '../mocks/alerts.js';
import { bilingualCap, civicAlerts } from '../fixtures/alerts.js';

const NOW = new Date('2026-01-09T07:42:00Z');
type Banner = CivicAlertBanner;

const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const titles = (el: Banner) => $$(el, '[part="heading"]').map((h) => h.textContent);
const polite = () => document.querySelector('[data-civic-live="polite"]')?.textContent ?? '';
const assertive = () => document.querySelector('[data-civic-live="assertive"]')?.textContent ?? '';

async function mount(attrs = 'src="/feeds/alerts.json"', lang = 'en'): Promise<Banner> {
  const wrapper = await fixture(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<civic-alert-banner ${attrs}><a href="/service-alerts">See current service alerts</a></civic-alert-banner>`; // test markup only
  const el = wrapper.querySelector<Banner>('civic-alert-banner')!;
  await el.updateComplete;
  return el;
}

async function ready(el: Banner): Promise<void> {
  await until(() => !!$(el, 'section') || el.hasAttribute('empty'), 'alerts');
  await el.updateComplete;
}

describe('<civic-alert-banner>', () => {
  let clock: sinon.SinonFakeTimers;

  beforeEach(function () {
    localStorage.clear();
    clearAnnouncements();
    worker.use(...alertHandlers);
    // axe schedules its own work with setTimeout: its tests fake only the date.
    const axe = /axe/.test(this.currentTest?.title ?? '');
    clock = sinon.useFakeTimers({ now: NOW, toFake: axe ? ['Date'] : ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  const advance = (ms: number) => advanceClock(clock, ms, requestsInFlight);

  describe('civic JSON', () => {
    it('shows current alerts by severity then newest, each with its severity in words, icon, heading, message, link and time', async () => {
      const el = await mount('src="/feeds/alerts.json" max="10"');
      await ready(el);
      expect(titles(el)).to.deep.equal([
        'Flood warning: River Avon at Bathford',
        'Bins not collected in Northgate',
        'Anyshire Leisure Centre pool closed',
        'Library opening hours change',
      ]);
      const [major, minor, , unknown] = $$(el, '[part~="alert"]');
      expect(major!.querySelector('[part="severity"]')!.textContent.trim()).to.equal('Major alert');
      expect(minor!.querySelector('[part="severity"]')!.textContent.trim()).to.equal('Minor alert');
      expect(unknown!.querySelector('[part="severity"]')!.textContent.trim()).to.equal('Announcement');
      expect(major!.querySelector('svg[aria-hidden="true"]')).to.exist;
      const heading = major!.querySelector('[part="heading"]')!;
      expect([heading.getAttribute('role'), heading.getAttribute('aria-level')]).to.deep.equal(['heading', '2']);
      const message = minor!.querySelector('[part="message"]')!;
      expect(message.textContent).to.equal('Our crews could not reach some streets because of ice.\nWe will collect on Saturday.');
      expect(getComputedStyle(message).whiteSpace).to.equal('pre-line');
      const link = minor!.querySelector('a')!;
      expect(link.href).to.equal(new URL('/bins/missed', location.href).href);
      expect(link.textContent).to.equal('Check your collection day');
      expect(major!.querySelector('a')!.textContent).to.equal('More information');
      expect(minor!.querySelector('[part="meta"]')!.textContent).to.equal('Area: Northgate · Updated 06:30');
      expect($$(el, '[part="meta"]')[2]!.textContent).to.equal('Updated Thursday 8 January at 12:00');
      expect($(el, 'section')!.getAttribute('aria-label')).to.equal('Service alerts');
      expect($(el, '[part="updated"]')!.textContent, 'the newest alert’s time, not the page’s').to.equal('Last changed at 06:30');
    });

    it('reports the malformed items it skipped, and gives a stable id to an alert without one', async () => {
      const errors = collect<CivicErrorEvent>(document, 'civic-error');
      const loads = collect<CivicLoadEvent>(document, 'civic-load');
      const el = await mount();
      await ready(el);
      await until(() => errors.length === 1 && loads.length === 1, 'events');
      expect(errors[0]!.detail).to.include({ reason: 'shape', skipped: 2 });
      const ids = (loads[0]!.detail.items as { id: string }[]).map((a) => a.id);
      expect(ids).to.have.length(6);
      expect(ids[5]).to.match(/^[0-9a-z]+$/);
    });

    it('shows an alert only between start and end, re-checking every minute without refetching', async () => {
      let requests = 0;
      worker.use(http.get('/feeds/alerts.json', () => (requests++, HttpResponse.json(civicAlerts))));
      const el = await mount('src="/feeds/alerts.json" max="10" refresh="0"');
      await ready(el);
      expect(titles(el)).to.not.include('Gritting tonight');
      expect(titles(el)).to.not.include('Roadworks on the High Street');
      // No request can start (refresh="0"), so time jumps in one go: stepping through 620 minutes one
      // timer at a time took over 10 s on a busy CI machine.
      await clock.tickAsync((18 * 60 - (7 * 60 + 42)) * 60_000 + 60_000); // until 18:01
      await el.updateComplete;
      expect(titles(el)).to.include('Gritting tonight');
      expect(requests).to.equal(1);
    });

    it('shows `max` alerts, and the rest behind "Show N more alerts", moving focus to the first revealed', async () => {
      const el = await mount('src="/feeds/alerts.json" max="2"');
      await ready(el);
      expect(titles(el)).to.have.length(2);
      const more = $(el, '[part="more-button"]') as HTMLButtonElement;
      expect(more.textContent.trim()).to.equal('Show 2 more alerts');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      more.click();
      await until(() => titles(el).length === 4, 'all alerts');
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Anyshire Leisure Centre pool closed');
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(more.textContent.trim()).to.equal('Show fewer alerts');
    });

    it('filters by area, case-insensitively, always keeping alerts without an area', async () => {
      const el = await mount('src="/feeds/alerts.json" max="10" area="SOUTHGATE"');
      await ready(el);
      expect(titles(el)).to.not.include('Bins not collected in Northgate');
      expect(titles(el)).to.include('Flood warning: River Avon at Bathford');
      el.area = 'northgate';
      await el.updateComplete;
      expect(titles(el)).to.include('Bins not collected in Northgate');
    });

    it('adds a share bar to each alert with the share attribute, sharing its link and title', async () => {
      const el = await mount('src="/feeds/alerts.json" share');
      await ready(el);
      const bars = $$(el, 'civic-share-bar');
      expect(bars).to.have.length(3);
      expect(bars[0]!.getAttribute('text')).to.equal('Flood warning: River Avon at Bathford');
      expect(bars[0]!.getAttribute('url')).to.equal('https://check-for-flooding.service.gov.uk/');
      // Compact: icons, not five full buttons per alert; one row each on a 320 px phone.
      expect(bars.map((bar) => bar.getAttribute('variant'))).to.deep.equal(['icons', 'icons', 'icons']);
      await setViewport({ width: 320, height: 640 });
      try {
        await until(() => bars.every((bar) => !!bar.shadowRoot?.querySelector('a')), 'the share bars');
        for (const bar of bars) expect(bar.getBoundingClientRect().height, 'one row of icons').to.be.at.most(60);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
      const plain = await mount('src="/feeds/alerts.json"');
      await ready(plain);
      expect($$(plain, 'civic-share-bar')).to.have.length(0);
    });

    it('clamps heading-level to 2–6', async () => {
      const el = await mount('src="/feeds/alerts.json" heading-level="4"');
      await ready(el);
      expect($(el, '[part="heading"]')!.getAttribute('aria-level')).to.equal('4');
      el.headingLevel = 9;
      await el.updateComplete;
      expect($(el, '[part="heading"]')!.getAttribute('aria-level')).to.equal('6');
    });
  });

  describe('hiding alerts', () => {
    it('lets residents hide announcements and minor alerts (not major ones), remembers it, and focuses the restore button', async () => {
      const el = await mount('src="/feeds/alerts.json" max="10"');
      await ready(el);
      const hideButtons = $$(el, '[part="hide-button"]');
      expect(hideButtons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        'Hide alert: Bins not collected in Northgate',
        'Hide alert: Anyshire Leisure Centre pool closed',
        'Hide alert: Library opening hours change',
      ]);
      const dismissed = collect<CivicDismissEvent>(document, 'civic-dismiss');
      hideButtons[0]!.click();
      await until(() => !titles(el).includes('Bins not collected in Northgate'), 'hidden');
      expect(dismissed[0]!.detail).to.deep.equal({ id: 'bins-northgate', title: 'Bins not collected in Northgate', severity: 'minor' });
      const restore = $(el, '[part="restore-button"]')!;
      expect(restore.textContent.trim()).to.equal('Show 1 hidden alert');
      expect(el.shadowRoot!.activeElement).to.equal(restore);

      // Still hidden on the next visit.
      const again = await mount('src="/feeds/alerts.json" max="10"');
      await ready(again);
      expect(titles(again)).to.not.include('Bins not collected in Northgate');

      clearAnnouncements();
      restore.click();
      await until(() => titles(el).includes('Bins not collected in Northgate'), 'restored');
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Bins not collected in Northgate');
      await el.updateComplete;
      // Focus makes a screen reader read it: an announcement as well would say it twice.
      expect([polite(), assertive()]).to.deep.equal(['', '']);
    });

    it('moves focus to the restore button even when clicking Hide did not focus it (Safari does not focus buttons on click)', async () => {
      const el = await mount('src="/feeds/alerts.json" max="10"');
      await ready(el);
      const hide = $$(el, '[part="hide-button"]')[0]!;
      (document.activeElement as HTMLElement | null)?.blur();
      hide.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })); // a click that focuses nothing
      await until(() => !!$(el, '[part="restore-button"]'), 'the restore button');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="restore-button"]'));
    });

    it('shows a hidden alert again when its content changes', async () => {
      const feed = structuredClone(civicAlerts);
      worker.use(http.get('/feeds/edited.json', () => HttpResponse.json(feed)));
      const el = await mount('src="/feeds/edited.json" max="10" refresh="30"');
      await ready(el);
      $$(el, '[part="hide-button"]')[0]!.click();
      await until(() => !titles(el).includes('Bins not collected in Northgate'), 'hidden');
      (feed.alerts[0] as { message: string }).message = 'Collections resume on Monday instead.';
      await advance(30_000);
      await until(() => titles(el).includes('Bins not collected in Northgate'), 'shown again');
    });

    it('keeps the alert when a listener cancels civic-dismiss', async () => {
      const el = await mount('src="/feeds/alerts.json" max="10"');
      await ready(el);
      el.addEventListener('civic-dismiss', (event) => event.preventDefault());
      $$(el, '[part="hide-button"]')[0]!.click();
      await el.updateComplete;
      expect(titles(el)).to.include('Bins not collected in Northgate');
      expect($(el, '[part="restore-button"]')).to.equal(null);
    });

    it('works by keyboard alone: Tab to Hide, Enter, then Enter on the restore button', async () => {
      worker.use(http.get('/feeds/one.json', () => HttpResponse.json({ alerts: [{ id: 'a', title: 'Pool closed', severity: 'announcement' }] })));
      const el = await mount('src="/feeds/one.json"');
      await ready(el);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('hide-button');
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'restore-button', 'focus on restore');
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.activeElement?.textContent === 'Pool closed', 'focus on the alert');
    });
  });

  describe('freshness and states', () => {
    it('renders nothing and takes no space with no current alerts, unless empty-text is set', async () => {
      worker.use(http.get('/feeds/none.json', () => HttpResponse.json({ alerts: [] })));
      const el = await mount('src="/feeds/none.json"');
      await ready(el);
      expect(el.hasAttribute('empty')).to.equal(true);
      expect(el.getBoundingClientRect().height).to.equal(0);
      const withText = await mount('src="/feeds/none.json" empty-text="No service alerts today"');
      await until(() => !!$(withText, '.empty'), 'empty text');
      expect($(withText, '.empty')!.textContent).to.equal('No service alerts today');
      expect(withText.hasAttribute('empty')).to.equal(false);
    });

    it('keeps the fallback while loading and when the feed cannot be read', async () => {
      const el = await mount('src="/feeds/broken.json"');
      expect($(el, 'slot')).to.exist;
      await until(() => el.shadowRoot!.querySelector('slot') !== null, 'fallback');
      const slot = $(el, 'slot') as HTMLSlotElement;
      expect(slot.assignedElements()[0]!.textContent).to.equal('See current service alerts');
    });

    it('keeps the last good alerts when the feed breaks, and says they may be out of date after twice the refresh time', async () => {
      let broken = false;
      worker.use(http.get('/feeds/flaky.json', () => (broken ? HttpResponse.html('<!DOCTYPE html><p>Maintenance</p>') : HttpResponse.json(civicAlerts))));
      sinon.stub(Math, 'random').returns(0.5);
      const el = await mount('src="/feeds/flaky.json" refresh="60"');
      await ready(el);
      broken = true;
      await advance(60_000);
      await el.updateComplete;
      expect(titles(el)).to.have.length(3);
      expect($(el, '[part="stale"]')).to.equal(null);
      await advance(60_000); // 120 s of failure: not yet over twice the refresh
      await advance(60_000);
      await el.updateComplete;
      expect($(el, '[part="stale"]')!.textContent).to.equal('These alerts may be out of date. We will keep trying to update them.');
      broken = false;
      await advance(240_000);
      await until(() => $(el, '[part="stale"]') === null, 'recovered');
    });

    it('paints cached alerts in the first render for a returning visitor', async () => {
      const first = await mount();
      await ready(first);
      worker.use(http.get('/feeds/alerts.json', () => hang()));
      const el = await mount();
      expect(titles(el)).to.have.length(3);
    });
  });

  describe('announcements', () => {
    it('announces nothing on load, then new alerts politely and major or escalated ones assertively, without moving focus', async () => {
      const feed = { alerts: [{ id: 'a', title: 'Pool closed', severity: 'announcement' }] };
      worker.use(http.get('/feeds/live.json', () => HttpResponse.json(feed)));
      const button = await fixture<HTMLButtonElement>(html`<button>Elsewhere</button>`);
      button.focus();
      const el = await mount('src="/feeds/live.json" refresh="30"');
      await ready(el);
      await settled(el);
      expect(polite()).to.equal('');
      feed.alerts.push({ id: 'b', title: 'Bins delayed', severity: 'minor' });
      await advance(30_000);
      await until(() => polite() === 'Minor alert: Bins delayed', 'polite announcement');
      feed.alerts[0]!.severity = 'major';
      await advance(30_000);
      await until(() => assertive() === 'Major alert: Pool closed', 'assertive announcement');
      expect(document.activeElement).to.equal(button);
    });
  });

  describe('other formats', () => {
    it('reads RSS: HTML descriptions become text, categories set severity, links resolve against the feed', async () => {
      const el = await mount('src="/feeds/alerts.rss"');
      await ready(el);
      expect(titles(el)).to.deep.equal(['Garden waste collections suspended', 'Council tax direct debits']);
      const first = $$(el, '[part~="alert"]')[0]!;
      expect(first.querySelector('[part="severity"]')!.textContent.trim()).to.equal('Minor alert');
      expect(first.querySelector('[part="message"]')!.textContent).to.equal(
        'Because of the snow, garden waste will not be collected this week.\n\nBlack bins & recycling are still collected.\nThank you.',
      );
      expect(first.querySelector('a')!.href).to.equal(new URL('/waste/garden', location.href).href);
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    });

    it('reads Atom', async () => {
      const el = await mount('src="/feeds/alerts.atom" format="atom"');
      await ready(el);
      expect(titles(el)).to.deep.equal(['Road closed: A38 at Hill Top']);
      expect($(el, '[part="severity"]')!.textContent.trim()).to.equal('Major alert');
    });

    it('reads CAP in the page language, Welsh or English', async () => {
      const en = await mount('src="/feeds/alerts.cap"');
      await ready(en);
      expect(titles(en)).to.deep.equal(['No water supply in Llanfair']);
      expect($(en, '[part="message"]')!.textContent).to.equal('A burst main has cut the water supply.\n\nBottled water is available at the village hall.');
      const cy = await mount('src="/feeds/alerts.cap"', 'cy');
      await ready(cy);
      expect(titles(cy)).to.deep.equal(['Dim cyflenwad dŵr yn Llanfair']);
      expect(($(cy, 'a') as HTMLAnchorElement).href).to.equal('https://www.anyshire.gov.uk/cy/dwr');
      expect($(cy, '[part="severity"]')!.textContent.trim()).to.equal('Rhybudd mawr');
    });

    it('shows CAP Test and Exercise messages only with show-test, and never System or Draft', async () => {
      for (const [status, shown, withFlag] of [['Test', 0, 1], ['Exercise', 0, 1], ['System', 0, 0], ['Draft', 0, 0]] as const) {
        worker.use(http.get(`/feeds/${status}.cap`, () => HttpResponse.xml(bilingualCap(status))));
        const el = await mount(`src="/feeds/${status}.cap"`);
        await ready(el);
        expect(titles(el), status).to.have.length(shown);
        const preview = await mount(`src="/feeds/${status}.cap" show-test`);
        await ready(preview);
        expect(titles(preview), `${status} with show-test`).to.have.length(withFlag);
        if (withFlag) expect($(preview, '[part="severity"]')!.textContent.trim()).to.equal('Test alert');
      }
    });

    it('applies CAP Cancel and Update messages to the alerts they reference (real Environment Agency messages)', async () => {
      clock.setSystemTime(new Date('2020-02-16T23:05:00Z'));
      const read = async (name: string) =>
        (await (await fetch(`/test/fixtures/real/cap/${name}`)).text()).replace(/<\?xml[^>]*\?>/, '');
      const warning = await read('ea-wainfleet-severe-flood-warning.xml');
      const cancel = await read('ea-wainfleet-cancel.xml');
      const feed = (...alerts: string[]) =>
        `<feed xmlns="http://www.w3.org/2005/Atom"><title>EA</title>${alerts.map((a, i) => `<entry><id>e${i}</id><title>x</title><content type="text/xml">${a}</content></entry>`).join('')}</feed>`;
      worker.use(
        http.get('/feeds/ea-warning.xml', () => HttpResponse.xml(feed(warning))),
        http.get('/feeds/ea-cancelled.xml', () => HttpResponse.xml(feed(warning, cancel))),
        http.get('/feeds/ea-update.xml', () =>
          HttpResponse.xml(feed(warning, bilingualCap('Actual', 'Update', '<references>www.gov.uk/environment-agency,50385fcb0ab7aa447bbd46d848ce8466E,2020-02-16T23:01:13-00:00</references>').replace(/2026-01-09T06:00:00/g, '2020-02-16T23:00:00').replace('<?xml version="1.0" encoding="UTF-8"?>', ''))),
        ),
      );
      const live = await mount('src="/feeds/ea-warning.xml" format="cap"');
      await ready(live);
      expect(titles(live)).to.have.length(1);
      expect(titles(live)[0]).to.contain('Severe Flood Warning');
      expect($(live, '[part="severity"]')!.textContent.trim()).to.equal('Major alert');
      const cancelled = await mount('src="/feeds/ea-cancelled.xml" format="cap"');
      await ready(cancelled);
      expect(titles(cancelled)).to.deep.equal([]);
      const updated = await mount('src="/feeds/ea-update.xml" format="cap"');
      await ready(updated);
      expect(titles(updated)).to.deep.equal(['No water supply in Llanfair']);
    });

    it('reads Environment Agency flood JSON: levels 1–2 major, 3 minor, 4 not shown, with the required attribution', async () => {
      clock.setSystemTime(new Date('2025-11-18T12:00:00Z'));
      const body = await (await fetch('/test/fixtures/real/ea-floods/floods-gloucestershire-2025-11-18.json')).text();
      worker.use(http.get('/feeds/floods.json', () => HttpResponse.text(body, { headers: { 'content-type': 'application/json' } })));
      const el = await mount('src="/feeds/floods.json" max="10"');
      await ready(el);
      expect(titles(el)).to.have.length(6);
      expect(titles(el)).to.not.include('River Thames and its small tributaries from Calcutt to Lechlade');
      // In the EA's own words, with what each level means; ordered as major (levels 1–2), then minor (3).
      const severities = $$(el, '[part="severity"]').map((s) => s.textContent.trim());
      expect(severities.filter((s) => s === 'Flood warning' || s === 'Severe flood warning')).to.have.length(2);
      expect(severities.filter((s) => s === 'Flood alert')).to.have.length(4);
      expect($$(el, '[part~="alert-major"]')).to.have.length(2);
      const alert = $$(el, '[part~="alert-minor"]')[0]!;
      expect(alert.querySelector('[part="meaning"]')!.textContent).to.equal('Flooding is possible. Be prepared.');
      expect($$(el, '[part="attribution"]')[0]!.textContent).to.equal(
        'This uses Environment Agency flood and river level data from the real-time data API (Beta).',
      );
      expect(($(el, 'a') as HTMLAnchorElement).href).to.match(/^https:\/\/check-for-flooding\.service\.gov\.uk\/target-area\//);
    });

    it('reads the Met Office’s warnings RSS (format auto): amber is major, shown before it starts, until it ends, with the Met Office’s attribution', async () => {
      const body = await (await fetch('/test/fixtures/real/met-office/london-south-east-2026-08-12.xml')).text();
      worker.use(http.get('/feeds/weather', () => HttpResponse.text(body, { headers: { 'content-type': 'application/rss+xml' } })));
      // The day before the warning starts: residents see tomorrow's warning today.
      clock.setSystemTime(new Date('2026-08-12T12:00:00Z'));
      const el = await mount('src="/feeds/weather"');
      await ready(el);
      expect(titles(el)).to.deep.equal(['Amber warning of extreme heat affecting London & South East England']);
      expect($$(el, '[part~="alert-major"]')).to.have.length(1);
      expect($(el, '[part="message"]')!.textContent).to.contain('valid from 0800 Thu 13 Aug to 2259 Thu 13 Aug');
      expect($(el, '[part="meta"]')!.textContent).to.contain('London & South East England: Bracknell Forest, Buckinghamshire');
      expect($(el, '[part="attribution"]')!.textContent).to.equal('Weather warning from the Met Office. © Crown copyright.');
      expect(($(el, 'a') as HTMLAnchorElement).href).to.match(/^https:\/\/www\.metoffice\.gov\.uk\/weather\/warnings-and-advice\/uk-warnings#\?date=2026-08-13/);
      el.remove();
      // 22:59 UK time (BST) on 13 August is 21:59 UTC: after that it is gone.
      clock.setSystemTime(new Date('2026-08-13T21:58:00Z'));
      const during = await mount('src="/feeds/weather" area="Slough"', 'cy');
      await ready(during);
      expect(titles(during), 'the area filter reads the listed areas').to.have.length(1);
      expect($(during, '[part="attribution"]')!.textContent).to.equal('Rhybudd tywydd gan y Swyddfa Dywydd. © Hawlfraint y Goron.');
      during.remove();
      clock.setSystemTime(new Date('2026-08-13T22:00:00Z'));
      const after = await mount('src="/feeds/weather"');
      await until(() => after.hasAttribute('empty'), 'no current warning');
      expect(titles(after)).to.deep.equal([]);
    });

    it('survives every real feed file, showing alerts or keeping its fallback, never throwing', async () => {
      // Every file in the folder, as the test server lists it: a new real file is tried without editing this.
      const files = (await (await fetch('/test/fixtures/real/index')).json()) as string[];
      expect(files.length, 'the real-feed folder is listed').to.be.at.least(20);
      clock.setSystemTime(new Date('2010-01-01T00:00:00Z'));
      for (const [i, file] of files.entries()) {
        const bytes = await (await fetch(`/test/fixtures/real/${file}`)).arrayBuffer();
        worker.use(http.get(`/feeds/real-${i}`, () => new HttpResponse(bytes)));
        const el = await mount(`src="/feeds/real-${i}" max="50"`);
        await until(() => !!$(el, 'section') || el.hasAttribute('empty') || el.shadowRoot!.querySelector('slot') !== null, file);
        await settled(el);
        for (const a of $$(el, 'a')) expect((a as HTMLAnchorElement).protocol, file).to.be.oneOf(['http:', 'https:', 'mailto:', 'tel:']);
      }
    });
  });

  describe('hostile feeds', () => {
    it('renders script and markup in every field of every format as text, and never links a javascript: URL', async () => {
      const payload = '<img src=x onerror="window.hacked=1"><script>window.hacked=1</script>Boil water notice';
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const bad = ['javascript:window.hacked=1', ' JaVaScRiPt:window.hacked=1', 'java\tscript:window.hacked=1', '&#106;avascript:window.hacked=1', 'data:text/html,<script>window.hacked=1</script>', 'vbscript:msgbox(1)'];
      const feeds: [string, string][] = [
        ['json', JSON.stringify({ alerts: bad.map((url, i) => ({ id: `x${i}`, title: payload, message: payload, url, linkText: payload, area: payload, severity: 'minor' })) })],
        ['rss', `<rss version="2.0"><channel>${bad.map((url) => `<item><title>${esc(payload)}</title><description>${esc(payload)}</description><link>${esc(url)}</link></item>`).join('')}</channel></rss>`],
        ['atom', `<feed xmlns="http://www.w3.org/2005/Atom">${bad.map((url, i) => `<entry><id>${i}</id><title type="html">${esc(payload)}</title><summary type="html">${esc(payload)}</summary><link href="${esc(url)}"/></entry>`).join('')}</feed>`],
        ['cap', `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><status>Actual</status><msgType>Alert</msgType><info><severity>Moderate</severity><headline>${esc(payload)}</headline><description><![CDATA[${payload}]]></description><web>${esc(bad[0]!)}</web><area><areaDesc>${esc(payload)}</areaDesc></area></info></alert>`],
        ['ea-floods', JSON.stringify({ items: [{ floodAreaID: 'javascript:alert(1)', description: payload, message: payload, severityLevel: 2, county: payload }] })],
      ];
      for (const [format, body] of feeds) {
        worker.use(http.get(`/feeds/hostile-${format}`, () => HttpResponse.text(body)));
        const el = await mount(`src="/feeds/hostile-${format}" format="${format}" max="50"`);
        await ready(el);
        expect(titles(el).length, format).to.be.greaterThan(0);
        for (const node of el.shadowRoot!.querySelectorAll('*')) {
          for (const attr of node.getAttributeNames()) expect(attr, `${format} ${node.localName}`).to.not.match(/^on/);
          expect(node.localName, format).to.not.be.oneOf(['script', 'img', 'iframe']);
        }
        for (const a of $$(el, 'a')) expect((a as HTMLAnchorElement).protocol, format).to.be.oneOf(['http:', 'https:']);
        expect(el.shadowRoot!.textContent, format).to.contain('Boil water notice');
      }
      await settled(...document.querySelectorAll('civic-alert-banner'));
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    });
  });

  describe('accessibility', () => {
    for (const lang of ['en', 'cy']) {
      it(`passes axe in every state (${lang})`, async () => {
        const states: [string, string][] = [
          ['loading / fallback', 'src="/feeds/slow.json"'],
          ['ready, several severities', 'src="/feeds/alerts.json" max="2"'],
          ['error with fallback', 'src="/feeds/broken.json"'],
          ['empty with text', 'src="/feeds/none.json" empty-text="No alerts"'],
          ['notable death', 'src="/feeds/death.json"'],
          ['CAP', 'src="/feeds/alerts.cap"'],
        ];
        worker.use(
          http.get('/feeds/slow.json', () => hang()),
          http.get('/feeds/none.json', () => HttpResponse.json({ alerts: [] })),
          http.get('/feeds/death.json', () => HttpResponse.json({ alerts: [{ id: 'd', title: 'Death of a public figure', message: 'Books of condolence are open.', severity: 'notable-death' }] })),
        );
        for (const [name, attrs] of states) {
          const el = await mount(attrs, lang);
          if (!name.startsWith('loading')) await until(() => !!$(el, 'section') || el.shadowRoot!.querySelector('slot') !== null, name);
          await settled(el);
          await expectAccessible(el.parentElement!, `${name} (${lang})`);
        }
        const el = await mount('src="/feeds/alerts.json" max="2"', lang);
        await ready(el);
        ($(el, '[part="more-button"]') as HTMLButtonElement).click();
        $$(el, '[part="hide-button"]')[0]!.click();
        await el.updateComplete;
        await expectAccessible(el.parentElement!, `expanded with a hidden alert (${lang})`);
      });
    }

    it('speaks Welsh: region, severities and the Hide button', async () => {
      const el = await mount('src="/feeds/alerts.json" max="10"', 'cy');
      await ready(el);
      expect($(el, 'section')!.getAttribute('aria-label')).to.equal('Rhybuddion gwasanaeth');
      expect($(el, '[part="hide-button"]')!.getAttribute('aria-label')).to.equal('Cuddio rhybudd: Bins not collected in Northgate');
      expect($(el, '[part="severity"]')!.textContent.trim()).to.equal('Rhybudd mawr');
      expect($(el, '[part="updated"]')!.textContent).to.equal('Newidiwyd ddiwethaf am 06:30');
    });

    it('gives notable-death alerts the black style, no icon and no Hide button', async () => {
      worker.use(http.get('/feeds/death.json', () => HttpResponse.json({ alerts: [{ id: 'd', title: 'Death of a public figure', severity: 'notable-death' }] })));
      const el = await mount('src="/feeds/death.json"');
      await ready(el);
      const alert = $(el, '[part~="alert"]')!;
      expect(getComputedStyle(alert).backgroundColor).to.equal('rgb(11, 12, 12)');
      expect(alert.querySelector('svg')).to.equal(null);
      expect(alert.querySelector('button')).to.equal(null);
    });

    it('has targets of at least 24×24 px, reflows at 320 px without horizontal scrolling, and has no motion', async () => {
      await setViewport({ width: 320, height: 640 });
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await mount('src="/feeds/alerts.json" max="2"');
        await ready(el);
        for (const button of $$(el, 'button')) {
          const box = button.getBoundingClientRect();
          expect(box.width).to.be.at.least(24);
          expect(box.height).to.be.at.least(24);
        }
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        expect(document.getAnimations()).to.have.length(0);
      } finally {
        await setViewport({ width: 800, height: 600 });
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });

  describe('landmark name', () => {
    it('names its region "Service alerts" by default, and from `label` so two banners on a page differ', async () => {
      const first = await mount('src="/feeds/alerts.json"');
      const second = await mount('src="/feeds/alerts.json" label="Flood warnings"');
      await ready(first);
      await ready(second);
      expect($(first, '[part="region"]')!.getAttribute('aria-label')).to.equal('Service alerts');
      expect($(second, '[part="region"]')!.getAttribute('aria-label')).to.equal('Flood warnings');
    });
  });

  describe('freshness: when the council last changed the alerts, never when the page loaded', () => {
    it('uses the feed’s own time first', async () => {
      worker.use(http.get('/feeds/timed.json', () => HttpResponse.json({ updated: '2026-01-08T16:05:00Z', alerts: [{ id: 'a', title: 'Gritting tonight', updated: '2026-01-08T15:00:00Z' }] })));
      const el = await mount('src="/feeds/timed.json"');
      await ready(el);
      expect($(el, '[part="updated"]')!.textContent).to.equal('Last changed on Thursday 8 January at 16:05');
    });

    it('says "Unchanged since" for a feed with no times, and keeps that time on the next visit', async () => {
      worker.use(http.get('/feeds/timeless.json', () => HttpResponse.json({ alerts: [{ id: 'a', title: 'Gritting tonight' }] })));
      const first = await mount('src="/feeds/timeless.json" refresh="0"');
      await ready(first);
      expect($(first, '[part="updated"]')!.textContent).to.equal('Unchanged since 07:42');
      first.remove();
      await clock.tickAsync(3 * 3600_000); // three hours later, the same content
      const again = await mount('src="/feeds/timeless.json" refresh="0"');
      await ready(again);
      await until(() => requestsInFlight() === 0, 'the revalidation');
      await again.updateComplete;
      expect($(again, '[part="updated"]')!.textContent, 'not the time of this visit').to.equal('Unchanged since 07:42');
    });
  });

  describe('on a dark site header', () => {
    it('writes severities in sentence case, gives a major alert no white border, and lets tokens restyle the strip under the alerts', async () => {
      const el = await mount('src="/feeds/alerts.json" max="1"');
      el.style.setProperty('--civic-alert-banner-controls-background', 'transparent');
      el.style.setProperty('--civic-alert-banner-controls-text', 'rgb(255, 255, 255)');
      await ready(el);
      const severity = $(el, '[part="severity"]')!;
      expect(getComputedStyle(severity).textTransform).to.equal('none');
      const major = $(el, '[part~="alert-major"]')!;
      expect(getComputedStyle(major).borderLeftColor).to.not.equal('rgb(255, 255, 255)');
      const controls = $(el, '[part="controls"]')!;
      expect(getComputedStyle(controls).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect(getComputedStyle(controls).color).to.equal('rgb(255, 255, 255)');
      const more = $(el, '[part="more-button"]')!;
      expect(getComputedStyle(more).color, 'the button follows the strip').to.equal('rgb(255, 255, 255)');
    });

    it('gives Hide and "Show N more" one button style', async () => {
      const el = await mount('src="/feeds/alerts.json" max="2"');
      await ready(el);
      const hide = getComputedStyle($(el, '[part="hide-button"]')!);
      const more = getComputedStyle($(el, '[part="more-button"]')!);
      for (const property of ['backgroundColor', 'borderTopWidth', 'borderTopStyle', 'borderRadius', 'paddingLeft', 'minHeight', 'fontWeight'] as const) {
        expect(hide[property], property).to.equal(more[property]);
      }
    });
  });

  describe('Welsh content', () => {
    const feed = {
      alerts: [
        { id: 'a', title: 'Gritting tonight', message: 'Gritters go out at 6pm.', severity: 'minor', url: '/roads/gritting', linkText: 'See the routes', cy: { title: 'Graeanu heno', message: 'Bydd y graeanwyr allan am 6pm.', linkText: 'Gweld y llwybrau', url: '/cy/ffyrdd/graeanu' } },
        { id: 'b', title: 'Library closed', title_cy: 'Llyfrgell ar gau', severity: 'announcement' },
        // Own keys named like built-ins (JSON.parse makes "__proto__" an own key, as a feed would).
        { id: 'c', title: 'Bins late', severity: 'announcement', cy: JSON.parse('{"constructor": "x", "__proto__": {"title": "polluted"}}') as object },
      ],
    };
    beforeEach(() => worker.use(http.get('/feeds/bilingual.json', () => HttpResponse.json(feed))));

    it('shows the feed’s Welsh words on a Welsh page (a `cy` object or `_cy` fields), English where it has none', async () => {
      const el = await mount('src="/feeds/bilingual.json" max="5"', 'cy');
      await ready(el);
      expect(titles(el)).to.deep.equal(['Graeanu heno', 'Llyfrgell ar gau', 'Bins late']);
      const first = $$(el, '[part~="alert"]')[0]!;
      expect(first.querySelector('[part="message"]')!.textContent).to.equal('Bydd y graeanwyr allan am 6pm.');
      const link = first.querySelector('a')!;
      expect([link.textContent, new URL(link.href).pathname]).to.deep.equal(['Gweld y llwybrau', '/cy/ffyrdd/graeanu']);
      expect(({} as { title?: string }).title, 'no prototype polluted').to.equal(undefined);
    });

    it('shows English on an English page', async () => {
      const el = await mount('src="/feeds/bilingual.json" max="5"', 'en');
      await ready(el);
      expect(titles(el)).to.deep.equal(['Gritting tonight', 'Library closed', 'Bins late']);
    });
  });
});

