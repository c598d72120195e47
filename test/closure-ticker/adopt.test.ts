// A server-rendered fragment in the ticker's light DOM (civic-relay's /fragments, styled by
// cdn/civic-widgets.css): the same schools in the same words as the widget, still on a phone or with
// Reduce Motion and one moving line where there is room, so the upgrade moves nothing; the fragment's
// schools are not announced again. Needs `npm run build` (the CSS is generated).
import { expect, fixture, html } from '@open-wc/testing';
import '../setup.js';
import { boxesIn, heldFeed as heldFeedAt, linkWidgetsCss, fragmentTestHooks, unlinkWidgetsCss } from '../fragment-helpers.js';
import { emulateMedia } from '../harness/engine.js';
import '../../src/closure-ticker/define.js';
import type { CivicClosureTicker } from '../../src/closure-ticker/closure-ticker.js';
import { closuresFragment } from '../../src/closure-ticker/fragment.js';
import { adapters } from '../../src/closure-ticker/formats/index.js';
import type { ClosureFeed } from '../../src/closure-ticker/types.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import { closuresJson } from '../fixtures/closures.js';
import { expectAccessible } from '../a11y.js';
import { realDelay, until } from '../helpers.js';

const NOW = new Date('2026-01-09T07:00:00Z'); // Friday, 07:00 in London
const FEED = '/feeds/adopt-closures.json';
const polite = () => document.querySelector('[data-civic-live="polite"]')?.textContent ?? '';
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function fragment(feed: object, lang: 'en' | 'cy', more = {}): Promise<string> {
  const url = new URL(FEED, location.href).href;
  const { data } = await parseFeed<ClosureFeed>({ status: 200, contentType: 'application/json', text: JSON.stringify(feed) }, url, 'json', adapters);
  return closuresFragment(data, { lang, base: url, version: '"c1"', fetchedAt: NOW.getTime(), ...more });
}

const heldFeed = (feed: object) => heldFeedAt(FEED, () => feed);

/** The boxes that make the ticker's height (relative to it), and each school's height. */
function boxes(host: HTMLElement, root: ParentNode): (number[] | number)[] {
  return [
    ...boxesIn(host, root, 'section, .summary, .ticker, .viewport, .see-all, h3, .row, .row .actions'),
    // The moving track slides (a transform): each school's height, not its place.
    [...root.querySelectorAll('ul[role="list"] > li')].map((li) => Math.round(li.getBoundingClientRect().height)),
  ];
}

async function mount(markup: string, lang: string, width: number, mode = 'ticker'): Promise<CivicClosureTicker> {
  const wrapper = await fixture(html`<div lang=${lang} style="width: ${width}px"></div>`);
  wrapper.innerHTML = `<civic-closure-ticker src="${FEED}" list-url="/school-closures" mode="${mode}">${markup}</civic-closure-ticker>`; // test markup only
  return wrapper.querySelector<CivicClosureTicker>('civic-closure-ticker')!;
}

describe('closure ticker with a server-rendered fragment', () => {
  const linkStyles = linkWidgetsCss;
  after(() => unlinkWidgetsCss());
  fragmentTestHooks(NOW);

  const cases: [number, 'reduce' | 'no-preference', 'en' | 'cy', 'ticker' | 'list'][] = [
    [1280, 'no-preference', 'en', 'ticker'],
    [1280, 'no-preference', 'cy', 'ticker'],
    [1280, 'reduce', 'en', 'ticker'],
    [320, 'no-preference', 'en', 'ticker'],
    [320, 'no-preference', 'cy', 'ticker'],
    [1280, 'no-preference', 'en', 'list'],
    [1280, 'no-preference', 'cy', 'list'],
    [320, 'no-preference', 'en', 'list'],
    [320, 'no-preference', 'cy', 'list'],
  ];
  for (const [width, motion, lang, mode] of cases) {
    it(`shows the same schools in the same boxes before and after the feed answers (${mode}, ${width} px, motion ${motion}, ${lang})`, async () => {
      await emulateMedia({ reducedMotion: motion });
      await linkStyles();
      try {
        const { release } = heldFeed(closuresJson);
        const el = await mount(await fragment(closuresJson, lang, { moreUrl: `${location.origin}/school-closures`, mode }), lang, width, mode);
        await el.updateComplete;
        const marker = el.querySelector<HTMLElement>('[data-civic-fragment]')!;
        expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
        const before = boxes(el, marker);
        await expectAccessible(el, 'the server-rendered fragment');
        release();
        await until(() => !!el.shadowRoot!.querySelector(mode === 'list' ? 'section input' : 'section'), 'the widget renders');
        await el.updateComplete;
        const shadow = el.shadowRoot!;
        if (mode === 'ticker') expect(shadow.querySelector('.ticker')!.classList.contains('moving'), 'the widget moves only with room and motion').to.equal(width === 1280 && motion === 'no-preference');
        expect(JSON.stringify(boxes(el, shadow))).to.equal(JSON.stringify(before));
        const words = (root: ParentNode) => [...root.querySelectorAll('ul[role="list"] > li')].map((li) => (mode === 'list' ? [li.querySelector('.name'), li.querySelector('.state')].map(text).join(' | ') : text(li)));
        expect(words(shadow)).to.deep.equal(words(marker));
        expect(text(shadow.querySelector('.summary'))).to.equal(text(marker.querySelector('.summary')));
        await realDelay(50);
        expect(polite(), 'the fragment’s schools are not announced again').to.equal('');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  }

  it('announces a school the network adds beyond the fragment', async () => {
    const more = { ...closuresJson, closures: [...closuresJson.closures, { id: 'new', school: 'Oak Hill Nursery', status: 'closed', date: '2026-01-09' }] };
    await linkStyles();
    const { release } = heldFeed(more);
    await mount(await fragment(closuresJson, 'en'), 'en', 800);
    release();
    await until(() => polite() === '1 more school closed', 'the new closure is announced');
  });

  it('is plain HTML with the widget’s words, every school listed, links through the safe-link rule', async () => {
    const hostile = { closures: [{ id: '"><img src=x onerror=alert(1)>', school: '<script>alert(1)</script>', status: 'closed', url: 'javascript:alert(1)' }] };
    heldFeed(hostile);
    const el = await mount(await fragment(hostile, 'cy', { moreUrl: 'javascript:alert(2)' }), 'cy', 800);
    expect(el.querySelectorAll('script, img, style, a')).to.have.length(0);
    expect(text(el.querySelector('.school'))).to.equal('<script>alert(1)</script>');
    expect(text(el.querySelector('.summary strong'))).to.equal('1 ysgol ar gau');
    for (const node of el.querySelectorAll('*')) for (const attr of node.attributes) expect(attr.name).to.not.match(/^on|^style$/);
  });
});
