import type { Meta, StoryObj } from '@storybook/web-components';
import { storyUrl } from '../.storybook/isolate.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { http, HttpResponse } from 'msw';
import { closuresFragment } from '../src/closure-ticker/fragment.js';
import { adapters } from '../src/closure-ticker/formats/index.js';
import type { ClosureFeed } from '../src/closure-ticker/types.js';
import { parseFeed } from '../src/core/feed/parse.js';
import { closuresCsv, closuresJson, closuresRss } from '../test/fixtures/closures.js';

interface Args {
  src: string;
  format: string;
  mode: 'ticker' | 'list';
  speed: number;
  area: string;
  cutoff: string;
  'list-url': string;
  lang: string;
}

// Stories show "today" whatever the date: closures without a date cover today.
const undated = { ...closuresJson, closures: closuresJson.closures.map((c) => ({ ...c, date: undefined, until: undefined })) };
const many = {
  closures: Array.from({ length: 300 }, (_, i) => ({
    id: `s${i}`,
    school: `${['Hill', 'Oak', 'River', 'Meadow', 'Brook'][i % 5]} ${['Primary', 'Infant', 'Junior', 'High'][i % 4]} School ${i + 1}`,
    urn: String(300000 + i),
    status: ['closed', 'partially-open', 'late-start', 'closed', 'early-close'][i % 5],
    reason: 'Snow',
  })),
};

const meta: Meta<Args> = {
  title: 'Widgets/Closure ticker',
  component: 'civic-closure-ticker',
  tags: ['autodocs'],
  parameters: {
    msw: [
      http.get('/feeds/closures.json', () => HttpResponse.json(undated)),
      http.get('/feeds/many.json', () => HttpResponse.json(many)),
      http.get('/feeds/none.json', () => HttpResponse.json({ closures: [] })),
      http.get('/feeds/closures.csv', () => HttpResponse.text(closuresCsv.replace(/2026-01-09/g, ''), { headers: { 'content-type': 'text/csv' } })),
      http.get('/feeds/closures.rss', () => HttpResponse.xml(closuresRss)),
      http.get('/feeds/down.json', () => new HttpResponse(null, { status: 503 })),
    ],
  },
  args: { src: '/feeds/closures.json', format: 'auto', mode: 'ticker', speed: 60, area: '', cutoff: '15:30', 'list-url': '/school-closures', lang: 'en' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['ticker', 'list'] },
    format: { control: 'select', options: ['auto', 'json', 'rss', 'atom', 'csv'] },
    lang: { control: 'inline-radio', options: ['en', 'cy'] },
  },
  render: (args) => html`<div lang=${args.lang}>
    <civic-closure-ticker
      src=${args.src}
      format=${args.format}
      mode=${args.mode}
      speed=${args.speed}
      area=${args.area || undefined}
      cutoff=${args.cutoff}
      list-url=${args['list-url'] || undefined}
    >
      <a href="/school-closures">School closures today</a>
    </civic-closure-ticker>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Ticker: Story = {};
export const List: Story = { args: { mode: 'list' } };
export const NoClosures: Story = { args: { src: '/feeds/none.json' } };
export const ThreeHundredClosures: Story = { args: { src: '/feeds/many.json', mode: 'list' } };
export const ThreeHundredInTheTicker: Story = { args: { src: '/feeds/many.json' } };
export const Welsh: Story = { args: { lang: 'cy' } };
export const WelshList: Story = { args: { lang: 'cy', mode: 'list' } };
export const FromCsv: Story = { args: { src: '/feeds/closures.csv', mode: 'list' } };
export const ErrorWithFallback: Story = { args: { src: '/feeds/down.json' } };
export const Stale: Story = {
  args: { src: '/feeds/down.json', mode: 'list' },
  loaders: [
    ({ id }) => {
      // Yesterday's copy kept on the device, and a feed that now fails.
      const key = `civic-widgets:feed:closures:${new URL(storyUrl(id, '/feeds/down.json'), location.href).href}`;
      localStorage.setItem(key, JSON.stringify({ v: 1, t: Date.now() - 86_400_000, d: { ...undated, skipped: 0 } }));
      return {};
    },
  ],
};

/**
 * Storybook cannot switch the operating system's "reduce motion" setting, so this story adopts the
 * widget's own still-ticker rules by hand: the first closures as a list, "Show all" for the rest, no
 * Pause button. (The tests check the real media query with emulated reduced motion.)
 */
export const ReducedMotion: Story = {
  args: { src: '/feeds/many.json' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('civic-closure-ticker')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('.track'); i++) await new Promise((r) => setTimeout(r, 30));
    // The rules the widget has without `moving` (closure-ticker.styles.ts), forced over it.
    const still = new CSSStyleSheet();
    still.replaceSync(
      '.pause,.track .copy{display:none!important}.track{width:auto!important;animation:none!important}.track ul{flex-direction:column!important;padding:0!important}' +
        '.viewport{mask-image:none!important}.show-all{display:inline-flex!important}.track .item{white-space:normal!important}.ticker:not(.expanded) .track ul>li:nth-child(n+4){display:none!important}',
    );
    if (el.shadowRoot) el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, still];
  },
};

/** On a phone: the widget is narrow, so the ticker stands still and shows the first closures. */
export const OnAPhone: Story = {
  args: { src: '/feeds/many.json' },
  render: (args) => html`<div lang=${args.lang} style="max-width: 320px">
    <civic-closure-ticker src=${args.src} list-url="/school-closures"><a href="/school-closures">School closures today</a></civic-closure-ticker>
  </div>`,
};
export const OnAPhoneWelsh: Story = { ...OnAPhone, args: { src: '/feeds/many.json', lang: 'cy' } };
export const ListOnAPhone: Story = {
  render: (args) => html`<div lang=${args.lang} style="max-width: 320px">
    <civic-closure-ticker src=${args.src} mode="list"><a href="/school-closures">School closures today</a></civic-closure-ticker>
  </div>`,
};

// The relay's server-rendered fragment (civic-relay /fragments) inside the tag, styled by
// cdn/civic-widgets.css: what a resident sees before the script runs, without JavaScript, or (as here)
// while the feed cannot be reached. Still on a phone or with Reduce Motion, one line where there is room.
const withFragment: Story['loaders'] = [
  async ({ args }) => {
    const url = new URL('/feeds/closures.json', location.href).href;
    const { data } = await parseFeed<ClosureFeed>({ status: 200, contentType: 'application/json', text: JSON.stringify(undated) }, url, 'json', adapters);
    return { fragment: closuresFragment(data, { lang: (args).lang === 'cy' ? 'cy' : 'en', base: url, version: '"story"', fetchedAt: Date.now(), moreUrl: '/school-closures' }) };
  },
];
export const ServerRenderedFragment: Story = {
  args: { src: '/feeds/unreachable.json' },
  parameters: { msw: [http.get('/feeds/unreachable.json', () => HttpResponse.error())] },
  loaders: withFragment,
  render: (args, { loaded }) => html`<link rel="stylesheet" href="./cdn/civic-widgets.css" />
    <div lang=${args.lang}>
      <civic-closure-ticker src=${args.src} list-url="/school-closures">${unsafeHTML((loaded as { fragment: string }).fragment)}</civic-closure-ticker>
    </div>`,
};
export const ServerRenderedFragmentWelsh: Story = { ...ServerRenderedFragment, args: { ...ServerRenderedFragment.args, lang: 'cy' } };
