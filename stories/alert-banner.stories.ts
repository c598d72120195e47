import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { http, HttpResponse } from 'msw';
import { alertsFragment } from '../src/alert-banner/fragment.js';
import { adapters } from '../src/alert-banner/formats/index.js';
import type { AlertFeed } from '../src/alert-banner/types.js';
import { parseFeed } from '../src/core/feed/parse.js';
import { alertHandlers } from '../test/mocks/alerts.js';
import { bilingualCap, civicAlerts } from '../test/fixtures/alerts.js';
import { storyUrl } from '../.storybook/isolate.js';

interface Args {
  src: string;
  format: string;
  refresh: number;
  max: number;
  'heading-level': number;
  area: string;
  'show-test': boolean;
  'empty-text': string;
  lang: string;
}

const one = (severity: string, title: string, message: string) =>
  http.get(`/feeds/${severity}.json`, () => HttpResponse.json({ alerts: [{ id: severity, title, message, severity, url: '/more' }] }));

const meta: Meta<Args> = {
  title: 'Widgets/Alert banner',
  component: 'civic-alert-banner',
  tags: ['autodocs'],
  parameters: { msw: alertHandlers },
  args: { src: '/feeds/alerts.json', format: 'auto', refresh: 300, max: 3, 'heading-level': 2, area: '', 'show-test': false, 'empty-text': '', lang: 'en' },
  argTypes: {
    format: { control: 'select', options: ['auto', 'json', 'rss', 'atom', 'cap', 'ea-floods', 'met-office'] },
    lang: { control: 'inline-radio', options: ['en', 'cy'] },
  },
  render: (args) => html`<div lang=${args.lang}>
    <civic-alert-banner
      src=${args.src}
      format=${args.format}
      refresh=${args.refresh}
      max=${args.max}
      heading-level=${args['heading-level']}
      area=${args.area || undefined}
      ?show-test=${args['show-test']}
      empty-text=${args['empty-text'] || undefined}
    >
      <a href="/service-alerts">See current service alerts</a>
    </civic-alert-banner>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const SeveralAlerts: Story = {};
export const Major: Story = {
  args: { src: '/feeds/major.json' },
  parameters: { msw: [one('major', 'Flood warning: River Avon at Bathford', 'Flooding of homes and roads is expected.')] },
};
export const Minor: Story = {
  args: { src: '/feeds/minor.json' },
  parameters: { msw: [one('minor', 'Bins not collected in Northgate', 'We will collect on Saturday.')] },
};
export const Announcement: Story = {
  args: { src: '/feeds/announcement.json' },
  parameters: { msw: [one('announcement', 'Leisure centre pool closed', 'The pool is closed for repairs until Monday.')] },
};
export const NotableDeath: Story = {
  args: { src: '/feeds/notable-death.json' },
  parameters: { msw: [one('notable-death', 'Death of a public figure', 'Books of condolence are open at the Town Hall.')] },
};
export const HiddenAndRestore: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('civic-alert-banner')!;
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('[part="hide-button"]'); i++) await new Promise((r) => setTimeout(r, 50));
    el.shadowRoot?.querySelector<HTMLButtonElement>('[part="hide-button"]')?.click();
  },
};
export const Stale: Story = {
  args: { src: '/feeds/stale.json' },
  parameters: { msw: [http.get('/feeds/stale.json', () => new HttpResponse(null, { status: 503 }))] },
  loaders: [
    ({ id }) => {
      // A copy kept on the device from yesterday, and a feed that now fails.
      const key = `civic-widgets:feed:alerts:${new URL(storyUrl(id, '/feeds/stale.json'), location.href).href}`;
      localStorage.setItem(key, JSON.stringify({ v: 1, t: Date.now() - 86_400_000, d: { alerts: [{ id: 's', title: 'Gritting tonight', message: 'Gritters go out at 6pm.', severity: 'announcement' }], skipped: 0 } }));
      return {};
    },
  ],
};
export const ErrorWithFallback: Story = { args: { src: '/feeds/broken.json' } };
export const Loading: Story = {
  args: { src: '/feeds/slow.json' },
  parameters: { msw: [http.get('/feeds/slow.json', () => new Promise<Response>(() => undefined))] },
};
export const EmptyWithText: Story = {
  args: { src: '/feeds/none.json', 'empty-text': 'There are no service alerts at the moment.' },
  parameters: { msw: [http.get('/feeds/none.json', () => HttpResponse.json({ alerts: [] }))] },
};
export const Welsh: Story = { args: { lang: 'cy' } };
export const RssFeed: Story = { args: { src: '/feeds/alerts.rss', format: 'rss' } };
export const AtomFeed: Story = { args: { src: '/feeds/alerts.atom', format: 'atom' } };
// The fixture's alert expired in January 2026: stories show it as current, whatever the date.
const current = (xml: string) => xml.replace(/<expires>[^<]*<\/expires>/g, `<expires>${new Date(Date.now() + 86_400_000).toISOString()}</expires>`);
const capNow = http.get('/feeds/alerts.cap', () => HttpResponse.xml(current(bilingualCap()), { headers: { 'content-type': 'application/cap+xml' } }));
export const CapFeed: Story = { args: { src: '/feeds/alerts.cap', format: 'cap' }, parameters: { msw: [capNow] } };
export const CapInWelsh: Story = { args: { src: '/feeds/alerts.cap', format: 'cap', lang: 'cy' }, parameters: { msw: [capNow] } };
export const CapTestMessage: Story = {
  args: { src: '/feeds/test.cap', format: 'cap', 'show-test': true },
  parameters: { msw: [http.get('/feeds/test.cap', () => HttpResponse.xml(current(bilingualCap('Test'))))] },
};
export const EnvironmentAgencyFloods: Story = {
  args: { src: '/feeds/floods.json', format: 'ea-floods', max: 5 },
  parameters: {
    msw: [
      http.get('/feeds/floods.json', () =>
        HttpResponse.json({
          items: [
            { floodAreaID: '031WAF214', description: 'River Severn at Tewkesbury', message: 'Flooding is expected. Act now.', severityLevel: 2, timeRaised: '2026-01-09T06:00:00', county: 'Gloucestershire' },
            { floodAreaID: '031WAF212', description: 'River Avon in Worcestershire', message: 'Flooding is possible. Be prepared.', severityLevel: 3, timeRaised: '2026-01-09T05:00:00', county: 'Worcestershire' },
          ],
        }),
      ),
    ],
  },
};
export const Themed: Story = {
  render: (args) => html`<div
    lang=${args.lang}
    style="--civic-color-brand:#00703c;--civic-font-family:Georgia,serif;--civic-alert-banner-announcement-background:#e6f2ec;--civic-radius:6px"
  >
    <civic-alert-banner src=${args.src} max="5"><a href="/service-alerts">See current service alerts</a></civic-alert-banner>
  </div>`,
};
export const ManyAlerts: Story = {
  args: { src: '/feeds/many.json', max: 3 },
  parameters: {
    msw: [
      http.get('/feeds/many.json', () =>
        HttpResponse.json({ alerts: [...civicAlerts.alerts, ...Array.from({ length: 6 }, (_, i) => ({ id: `extra-${i}`, title: `Road closure ${i + 1}`, severity: 'minor' }))] }),
      ),
    ],
  },
};

/** In a council's dark site header: the strip under the alerts follows the header through two tokens. */
export const OnDarkHeader: Story = { args: { src: '/feeds/many.json', max: 2 }, parameters: { ...ManyAlerts.parameters, backdrop: 'dark-header' } };
export const OnDarkHeaderWelsh: Story = { ...OnDarkHeader, args: { ...OnDarkHeader.args, lang: 'cy' } };
/** On a branded council page, its colour and font through the tokens. */
export const BrandedCouncil: Story = { args: { src: '/feeds/many.json', max: 2 }, parameters: { ...ManyAlerts.parameters, backdrop: 'branded' } };
/** Two banners on one page, each its own landmark. */
export const TwoBannersNamed: Story = {
  render: (args) => html`<div lang=${args.lang}>
    <civic-alert-banner src=${args.src} label="Service alerts"><a href="/service-alerts">See current service alerts</a></civic-alert-banner>
    <civic-alert-banner src=${isolatedFloods(args.src)} format="ea-floods" label="Flood warnings"><a href="https://check-for-flooding.service.gov.uk/">Check for flooding</a></civic-alert-banner>
  </div>`,
  parameters: { msw: [...alertHandlers, ...(EnvironmentAgencyFloods.parameters?.['msw'] as [])] },
};
/** The floods feed at the same story prefix as `src` (the decorator prefixes `src` only). */
function isolatedFloods(src: string): string {
  return src.replace(/\/feeds\/[^/]+$/, '/feeds/floods.json');
}
export const EnvironmentAgencyFloodsWelsh: Story = { ...EnvironmentAgencyFloods, args: { ...EnvironmentAgencyFloods.args, lang: 'cy' } };
/** A compact share bar (icons) on each alert. */
export const WithShareBars: Story = {
  render: (args) => html`<div lang=${args.lang}>
    <civic-alert-banner src=${args.src} share><a href="/service-alerts">See current service alerts</a></civic-alert-banner>
  </div>`,
};
export const WithShareBarsWelsh: Story = { ...WithShareBars, args: { lang: 'cy' } };

// The Met Office's weather-warnings RSS (format met-office), shaped as the real feed is (see
// test/fixtures/real/met-office/), with warnings valid today and tomorrow.
const metOfficeFeed = (): string => {
  const parts = (date: Date) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
  const words = (date: Date) => {
    const p = parts(date);
    return `${p['hour']}${p['minute']} ${p['weekday']} ${p['day']} ${p['month']}`;
  };
  // From midnight today to the end of tomorrow (UTC): the same words in every preview of the day.
  const from = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
  const to = new Date(from.getTime() + 2 * 86_400_000 - 60_000);
  const link = `https://www.metoffice.gov.uk/weather/warnings-and-advice/uk-warnings#?date=${from.toISOString().slice(0, 10)}&amp;id=story&amp;referrer=rss`;
  const item = (colour: string, kind: string) => `<item>
    <title>${colour} warning of ${kind} affecting Wales</title>
    <link>${link}</link>
    <description>${colour} warning of ${kind} affecting Wales: Ceredigion, Gwynedd, Powys valid from ${words(from)} to ${words(to)}</description>
    <guid isPermaLink="false">${link}&amp;kind=${kind}</guid>
  </item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Met Office warnings for Wales</title><link>https://www.metoffice.gov.uk/weather/warnings-and-advice/uk-warnings</link><description>Weather warnings of severe and extreme weather from the Met Office</description>${item('Amber', 'snow')}${item('Yellow', 'ice')}</channel></rss>`;
};
const metOffice = http.get('/feeds/met-office.xml', () => HttpResponse.xml(metOfficeFeed(), { headers: { 'content-type': 'application/rss+xml' } }));
export const MetOfficeWarnings: Story = { args: { src: '/feeds/met-office.xml', format: 'met-office' }, parameters: { msw: [metOffice] } };
export const MetOfficeWarningsWelsh: Story = { args: { src: '/feeds/met-office.xml', format: 'met-office', lang: 'cy' }, parameters: { msw: [metOffice] } };

// The relay's server-rendered fragment (civic-relay /fragments) inside the tag, styled by
// cdn/civic-widgets.css: what a resident sees before the script runs, without JavaScript, or (as
// here) while the feed cannot be reached. The widget keeps it and draws the same alerts in the same
// boxes once it has data.
const withFragment: Story['loaders'] = [
  async ({ args }) => {
    const url = new URL('/feeds/alerts.json', location.href).href;
    const { data } = await parseFeed<AlertFeed>({ status: 200, contentType: 'application/json', text: JSON.stringify(civicAlerts) }, url, 'json', adapters);
    return { fragment: alertsFragment(data, { lang: (args).lang === 'cy' ? 'cy' : 'en', base: url, version: '"story"', fetchedAt: Date.now(), max: 3, moreUrl: '/service-alerts' }) };
  },
];
export const ServerRenderedFragment: Story = {
  args: { src: '/feeds/unreachable.json' },
  parameters: { msw: [http.get('/feeds/unreachable.json', () => HttpResponse.error())] },
  loaders: withFragment,
  render: (args, { loaded }) => html`<link rel="stylesheet" href="./cdn/civic-widgets.css" />
    <div lang=${args.lang}>
      <civic-alert-banner src=${args.src} max="3">${unsafeHTML((loaded as { fragment: string }).fragment)}</civic-alert-banner>
    </div>`,
};
export const ServerRenderedFragmentWelsh: Story = { ...ServerRenderedFragment, args: { ...ServerRenderedFragment.args, lang: 'cy' } };
