import { worker, http, HttpResponse } from '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '../harness/engine.js';
import sinon from 'sinon';
import '../../src/closure-ticker/define.js';
import '../../src/share-bar/define.js';
import type { CivicClosureTicker } from '../../src/closure-ticker/closure-ticker.js';
import type { CivicErrorEvent } from '../../src/core/events.js';
import { requestsInFlight } from '../../src/core/feed/source.js';
import { expectAccessible } from '../a11y.js';
import { advanceClock, clearAnnouncements, collect, settled, until } from '../helpers.js';
import { closuresCsv, closuresJson, closuresRss } from '../fixtures/closures.js';

type Ticker = CivicClosureTicker;
const NOW = new Date('2026-01-09T07:00:00Z'); // Friday, 07:00 in London
const $$ = (el: Element, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const $ = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const schools = (el: Ticker, scope = '[part="list"]') => $$(el, `${scope} .school`).map((s) => s.textContent);
const polite = () => document.querySelector('[data-civic-live="polite"]')?.textContent ?? '';

async function mount(attrs: string, lang = 'en'): Promise<Ticker> {
  const wrapper = await fixture(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<civic-closure-ticker ${attrs}><a href="/school-closures">School closures today</a></civic-closure-ticker>`; // test markup only
  const el = wrapper.querySelector<Ticker>('civic-closure-ticker')!;
  await el.updateComplete;
  return el;
}
const ready = async (el: Ticker) => {
  await until(() => !!$(el, 'section'), 'closures');
  await el.updateComplete;
};

describe('<civic-closure-ticker>', () => {
  let clock: sinon.SinonFakeTimers;
  const advance = (ms: number) => advanceClock(clock, ms, requestsInFlight);

  beforeEach(function () {
    localStorage.clear();
    clearAnnouncements();
    worker.use(
      http.get('/feeds/closures.json', () => HttpResponse.json(closuresJson)),
      http.get('/feeds/closures.csv', () => HttpResponse.text(closuresCsv, { headers: { 'content-type': 'text/csv; charset=utf-8' } })),
      http.get('/feeds/closures.rss', () => HttpResponse.xml(closuresRss)),
      http.get('/feeds/none.json', () => HttpResponse.json({ updated: '2026-01-09T06:00:00Z', closures: [] })),
      // A snow day: six closures, each a long name.
      http.get('/feeds/big.json', () =>
        HttpResponse.json({ closures: Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, school: `Ysgol Gynradd Gymraeg Llanfihangel-ar-Arth ${i + 1}`, status: 'closed' })) }),
      ),
    );
    const axe = /axe/.test(this.currentTest?.title ?? '');
    clock = sinon.useFakeTimers({ now: NOW, toFake: axe ? ['Date'] : ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  it('leads with a summary and the update time, then each school with its status, dates, reason and groups', async () => {
    const errors = collect<CivicErrorEvent>(document, 'civic-error');
    const el = await mount('src="/feeds/closures.json" mode="list"');
    await ready(el);
    expect(text($(el, '[part="summary"]'))).to.equal('2 schools closed, 1 partially open, 1 late start Last changed at 06:52');
    await until(() => schools(el).length > 0, 'list');
    const items = $$(el, '[part="list"] [part="item"]').map(text);
    expect(items).to.include.members([
      'Hill Top Primary School Heating failure Closed More information: Hill Top Primary School ☆My school: Hill Top Primary School',
      'Ysgol Gymraeg Bro Ddyfi Snow Closed until Monday 12 January ☆My school: Ysgol Gymraeg Bro Ddyfi',
      "St Mary's C of E Academy Icy paths Late start Opening at 10:00 ☆My school: St Mary's C of E Academy",
      'Valley High School Affected: Years 7 and 8, Sixth form Partially open ☆My school: Valley High School',
    ]);
    expect(schools(el)).to.not.include('Meadow Lane School');
    await until(() => errors.length > 0, 'civic-error');
    expect(errors[0]!.detail).to.include({ reason: 'shape', skipped: 2 });
  });

  it('says "No school closures reported" with the update time, never an empty box', async () => {
    const el = await mount('src="/feeds/none.json"');
    await ready(el);
    expect(text($(el, '[part="summary"]'))).to.equal('No school closures reported Last changed at 06:00');
  });

  it('after the cutoff shows tomorrow’s closures when the feed has any, and says so — switching on the minute, without refetching', async () => {
    let requests = 0;
    worker.use(http.get('/feeds/closures.json', () => (requests++, HttpResponse.json(closuresJson))));
    clock.setSystemTime(new Date('2026-01-09T15:28:00Z'));
    const el = await mount('src="/feeds/closures.json" mode="list" refresh="0"');
    await ready(el);
    await until(() => schools(el).length > 0, 'list');
    expect(schools(el)).to.include('Hill Top Primary School');
    await advance(3 * 60_000);
    await until(() => schools(el).includes('Meadow Lane School'), 'tomorrow');
    expect(schools(el)).to.not.include('Hill Top Primary School');
    expect(text($(el, '.tomorrow'))).to.equal('Closures for tomorrow, Saturday 10 January');
    expect(requests).to.equal(1);
  });

  describe('ticker', () => {
    it('scrolls a duplicated track that screen readers and the keyboard skip, and pauses on its button', async () => {
      const el = await mount('src="/feeds/closures.json"');
      await ready(el);
      const [list, copy] = $$(el, '[part="track"] ul');
      expect(list!.getAttribute('aria-hidden')).to.equal(null);
      expect(copy!.getAttribute('aria-hidden')).to.equal('true');
      expect(copy!.hasAttribute('inert')).to.equal(true);
      expect(list!.querySelectorAll('.school')).to.have.length(4); // open schools are not in the ticker
      const track = $(el, '[part="track"]')!;
      expect(getComputedStyle(track).animationName).to.equal('civic-scroll');
      expect(getComputedStyle(track).animationPlayState).to.equal('running');
      const pause = $(el, '[part="pause-button"]') as HTMLButtonElement;
      // One signal, not two: the label changes and there is no aria-pressed ("Play, pressed" contradicts itself).
      expect([text(pause), pause.getAttribute('aria-pressed')]).to.deep.equal(['Pause', null]);
      pause.click();
      await el.updateComplete;
      expect(getComputedStyle(track).animationPlayState).to.equal('paused');
      expect([text(pause), pause.getAttribute('aria-pressed')]).to.deep.equal(['Play', null]);
    });

    it('is a still list of the first closures in a narrow widget (a phone), with "Show all" for the rest', async () => {
      const el = await mount('src="/feeds/big.json"');
      el.parentElement!.style.width = '300px';
      await ready(el);
      await el.updateComplete;
      const track = $(el, '[part="track"]')!;
      expect(getComputedStyle(track).animationName).to.equal('none');
      expect(getComputedStyle($(el, '[part="pause-button"]')!).display, 'nothing to pause').to.equal('none');
      const visible = () => $$(el, '[part="list"] [part="item"]').filter((li) => li.getClientRects().length).map((li) => text(li.querySelector('.school')));
      expect(visible()).to.have.length(3);
      const all = $(el, '[part="show-all-button"]') as HTMLButtonElement;
      expect([text(all), all.getAttribute('aria-expanded')]).to.deep.equal(['Show all 6 closures', 'false']);
      all.click();
      await el.updateComplete;
      expect(visible()).to.have.length(6);
      expect([text(all), all.getAttribute('aria-expanded')]).to.deep.equal(['Show fewer', 'true']);
      for (const item of $$(el, '[part="list"] [part="item"]').slice(0, 3)) expect(item.getBoundingClientRect().right, 'nothing cut off').to.be.at.most(el.getBoundingClientRect().right);
    });

    it('does not move at all with reduced motion: a static wrapping list and no pause button', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await mount('src="/feeds/closures.json"');
        await ready(el);
        expect(getComputedStyle($(el, '[part="track"]')!).animationName).to.equal('none');
        expect(getComputedStyle($(el, '[part="pause-button"]')!).display).to.equal('none');
        expect(getComputedStyle($$(el, '[part="track"] ul')[1]!).display).to.equal('none');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('stops while the page is hidden', async () => {
      const el = await mount('src="/feeds/closures.json"');
      await ready(el);
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
      await el.updateComplete;
      expect(getComputedStyle($(el, '[part="track"]')!).animationPlayState).to.equal('paused');
      delete (document as { hidden?: boolean }).hidden;
    });
  });

  describe('list', () => {
    it('finds a school by name or URN, ignoring accents and case, and announces the count politely', async () => {
      const el = await mount('src="/feeds/closures.json" mode="list"');
      await ready(el);
      await until(() => !!$(el, '[part="search"]'), 'search box');
      const input = $(el, '[part="search"]') as HTMLInputElement;
      expect(el.shadowRoot!.querySelector('label[for="find"]')!.textContent).to.equal('Find a school');
      input.value = 'BRO ddyfi';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(schools(el)).to.deep.equal(['Ysgol Gymraeg Bro Ddyfi']);
      expect(polite()).to.equal('1 school found');
      input.value = '100004';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(schools(el)).to.deep.equal(['Valley High School']);
      input.value = 'st marys'.replace('marys', "mary's");
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(schools(el)).to.deep.equal(["St Mary's C of E Academy"]);
    });

    it('lines up every school’s name, status and actions in columns, like a table', async () => {
      const el = await mount('src="/feeds/closures.json" mode="list"');
      await ready(el);
      await until(() => $$(el, '.row').length > 3, 'rows');
      const lefts = (selector: string) => new Set($$(el, `.row ${selector}`).map((cell) => Math.round(cell.getBoundingClientRect().left)));
      expect(lefts('.name').size, 'names').to.equal(1);
      expect(lefts('.state').size, 'statuses').to.equal(1);
      expect(lefts('.actions').size, 'actions').to.equal(1);
    });

    it('lists starred schools first under "My schools", open ones too, and remembers them', async () => {
      const el = await mount('src="/feeds/closures.json" mode="list"');
      await ready(el);
      await until(() => $$(el, '[part="star-button"]').length > 0, 'stars');
      const star = $$(el, '[part="star-button"]').find((b) => text(b).includes('Riverside'))!;
      expect(star.getAttribute('aria-pressed')).to.equal('false');
      expect(text(star)).to.equal('☆My school: Riverside Infant School');
      star.click();
      await el.updateComplete;
      // A toggle: a fixed, visible label with aria-pressed (never a label that changes as well).
      const pressed = $$(el, '[part="star-button"]').find((b) => text(b).includes('Riverside'))!;
      expect([text(pressed), pressed.getAttribute('aria-pressed')]).to.deep.equal(['★My school: Riverside Infant School', 'true']);
      expect(text($(el, 'h3'))).to.equal('My schools (1)');
      expect(schools(el)[0]).to.equal('Riverside Infant School');
      expect(text($$(el, '[part="status"]')[0]!)).to.equal('Open');
      expect(JSON.parse(localStorage.getItem('civic-widgets:my-schools')!)).to.deep.equal(['100005']);
      const again = await mount('src="/feeds/closures.json" mode="list"');
      await ready(again);
      await until(() => $$(again, 'h3').length > 0, 'groups');
      expect(text($(again, 'h3'))).to.equal('My schools (1)');
    });
  });

  it('announces new closures once, politely ("1 more school closed"), and highlights them', async () => {
    const feed = structuredClone(closuresJson);
    worker.use(http.get('/feeds/live.json', () => HttpResponse.json(feed)));
    const el = await mount('src="/feeds/live.json" refresh="30"');
    await ready(el);
    await settled(el);
    expect(polite()).to.equal('');
    feed.closures.push({ id: 'new', school: 'Brook Primary School', urn: '100009', status: 'closed', reason: 'Snow', area: 'East' });
    await advance(30_000);
    await until(() => polite() === '1 more school closed', 'announcement');
    await el.updateComplete;
    expect($$(el, '[part="list"] .fresh .school').map((s) => s.textContent)).to.deep.equal(['Brook Primary School']);
  });

  it('renders each change once: nothing it shows is decided after the render (no second update)', async () => {
    const warn = sinon.spy(console, 'warn');
    const feed = structuredClone(closuresJson);
    worker.use(http.get('/feeds/once.json', () => HttpResponse.json(feed)));
    const el = await mount('src="/feeds/once.json" refresh="30"');
    await ready(el);
    const renders = sinon.spy(el as unknown as { render(): unknown }, 'render');
    feed.closures.push({ id: 'new', school: 'Brook Primary School', urn: '100009', status: 'closed', reason: 'Snow', area: 'East' });
    await advance(30_000);
    await until(() => $$(el, '[part="list"] .fresh').length > 0, 'the new closure');
    await el.updateComplete;
    expect(renders.callCount, 'one render for the new data').to.equal(1);
    expect(warn.args.map((a) => String(a[0])).filter((m) => m.includes('change-in-update'))).to.deep.equal([]);
  });

  it('keeps the last good closures when the feed fails, and says they may be out of date after twice the refresh time', async () => {
    let broken = false;
    worker.use(http.get('/feeds/flaky.json', () => (broken ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(closuresJson))));
    sinon.stub(Math, 'random').returns(0.5);
    const el = await mount('src="/feeds/flaky.json" refresh="60"');
    await ready(el);
    broken = true;
    await advance(60_000);
    expect($(el, '[part="stale"]')).to.equal(null);
    await advance(120_000);
    await el.updateComplete;
    expect(text($(el, '[part="stale"]'))).to.equal('These closures may be out of date. We will keep trying to update them.');
    expect(text($(el, '[part="summary"] strong'))).to.equal('2 schools closed, 1 partially open, 1 late start');
  });

  it('adds a share bar to each school in list mode with the share attribute', async () => {
    const el = await mount('src="/feeds/closures.json" mode="list" share');
    await ready(el);
    await until(() => $$(el, 'civic-share-bar').length === 5, 'share bars');
    const first = $$(el, 'civic-share-bar')[0]!;
    expect(first.getAttribute('text')).to.equal('Hill Top Primary School: Closed');
    expect(first.getAttribute('url')).to.equal(new URL('/schools/hill-top', location.href).href);
  });

  it('reads CSV with quoted commas and line breaks, a BOM and any header case, skipping bad rows', async () => {
    const errors = collect<CivicErrorEvent>(document, 'civic-error');
    const el = await mount('src="/feeds/closures.csv" mode="list"');
    await ready(el);
    await until(() => schools(el).length === 2, 'schools');
    expect(schools(el)).to.deep.equal(['Oakfield School, Northgate', 'The "Old" School']);
    expect(text($$(el, '.reason')[0]!)).to.equal('Snow, ice and no buses');
    await until(() => errors.length > 0, 'civic-error');
    expect(errors[0]!.detail.skipped).to.equal(2);
  });

  it('reads RSS titles in the council pattern', async () => {
    const el = await mount('src="/feeds/closures.rss" mode="list"');
    await ready(el);
    await until(() => schools(el).length === 3, 'schools');
    expect(schools(el)).to.deep.equal(['Example Primary School', 'Westfield Academy', 'Council offices']);
    expect(text($$(el, '.reason')[0]!)).to.equal('heating failure');
  });

  it('shows hostile text as text and never links a javascript: URL', async () => {
    worker.use(
      http.get('/feeds/hostile.json', () =>
        HttpResponse.json({ closures: [{ school: '<img src=x onerror="window.hacked=1">Evil School', status: 'closed', reason: '<script>window.hacked=1</script>', url: 'javascript:window.hacked=1' }] }),
      ),
    );
    const el = await mount('src="/feeds/hostile.json" mode="list"');
    await ready(el);
    await until(() => schools(el).length === 1, 'school');
    expect(schools(el)[0]).to.equal('<img src=x onerror="window.hacked=1">Evil School');
    expect($$(el, 'a')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('speaks Welsh', async () => {
    const el = await mount('src="/feeds/closures.json"', 'cy');
    await ready(el);
    expect($(el, 'section')!.getAttribute('aria-label')).to.equal('Ysgolion ar gau');
    expect(text($(el, '[part="summary"] strong'))).to.equal('2 ysgol ar gau, 1 ar agor yn rhannol, 1 yn dechrau’n hwyr');
    expect(text($(el, '[part="pause-button"]'))).to.equal('Oedi');
  });

  it('shows the feed’s Welsh words on a Welsh page: a `cy` object in JSON, `_cy` columns in CSV', async () => {
    worker.use(
      http.get('/feeds/bilingual.json', () =>
        HttpResponse.json({ closures: [{ school: 'Bro Ddyfi Welsh School', status: 'closed', reason: 'Snow', cy: { school: 'Ysgol Gymraeg Bro Ddyfi', reason: 'Eira' } }, { school: 'Hill Top Primary School', status: 'closed' }] }),
      ),
      http.get('/feeds/bilingual.csv', () => HttpResponse.text('school,status,reason,school_cy,reason_cy\nBro Ddyfi Welsh School,closed,Snow,Ysgol Gymraeg Bro Ddyfi,Eira\n', { headers: { 'content-type': 'text/csv' } })),
    );
    for (const src of ['/feeds/bilingual.json', '/feeds/bilingual.csv']) {
      const welsh = await mount(`src="${src}" mode="list"`, 'cy');
      await ready(welsh);
      await until(() => schools(welsh).length > 0, 'list');
      expect(schools(welsh), src).to.include('Ysgol Gymraeg Bro Ddyfi');
      expect(text($(welsh, '.reason')), src).to.equal('Eira');
      const english = await mount(`src="${src}" mode="list"`, 'en');
      await ready(english);
      await until(() => schools(english).length > 0, 'list');
      expect(schools(english), src).to.include('Bro Ddyfi Welsh School');
      expect(schools(english), src).to.not.include('Ysgol Gymraeg Bro Ddyfi');
    }
  });

  for (const lang of ['en', 'cy']) {
    it(`passes axe in every state (${lang})`, async () => {
      for (const attrs of ['src="/feeds/closures.json"', 'src="/feeds/closures.json" mode="list" list-url="/school-closures"', 'src="/feeds/none.json"']) {
        const el = await mount(attrs, lang);
        await ready(el);
        if (attrs.includes('list')) await until(() => !!$(el, '[part="search"]'), 'list');
        await expectAccessible(el.parentElement!, `${attrs} (${lang})`);
      }
      let asked = 0;
      worker.use(http.get('/feeds/down.json', () => (asked++, new HttpResponse(null, { status: 500 }))));
      const down = await mount('src="/feeds/down.json"', lang);
      // The failed answer must arrive within this test (WebKit can deliver a request late).
      await until(() => asked > 0, 'the feed to be asked');
      await settled(down);
      await until(() => !!down.shadowRoot!.querySelector('slot'), 'fallback');
      await expectAccessible(down.parentElement!, `error with fallback (${lang})`);
    });
  }

  it('reflows at 320 px without horizontal scrolling, with targets of at least 24×24 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const mode of ['ticker', 'list']) {
        const el = await mount(`src="/feeds/closures.json" mode="${mode}"`);
        await ready(el);
        await settled(el);
        expect(document.documentElement.scrollWidth, mode).to.be.at.most(320);
        for (const b of $$(el, 'button').filter((button) => button.getClientRects().length)) {
          const box = b.getBoundingClientRect();
          expect(box.width >= 24 && box.height >= 24, mode).to.equal(true);
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('names its region "School closures" by default, and from `label`', async () => {
    const plain = await mount('src="/feeds/closures.json"');
    const named = await mount('src="/feeds/closures.json" label="Closures in Northgate"');
    await ready(plain);
    await ready(named);
    expect($(plain, '[part="region"]')!.getAttribute('aria-label')).to.equal('School closures');
    expect($(named, '[part="region"]')!.getAttribute('aria-label')).to.equal('Closures in Northgate');
  });

  it('follows the same freshness rule as the alert banner: "Unchanged since" when the feed has no times', async () => {
    worker.use(http.get('/feeds/timeless-closures.json', () => HttpResponse.json({ closures: [{ school: 'Hill Top Primary School', status: 'closed' }] })));
    const el = await mount('src="/feeds/timeless-closures.json" refresh="0"');
    await ready(el);
    expect(text($(el, '.updated'))).to.match(/^Unchanged since \d\d:\d\d$/);
  });
});

