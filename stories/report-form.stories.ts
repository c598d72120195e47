import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { http, HttpResponse, delay, type RequestHandler } from 'msw';
import { MEDIA, newOpen311State, OPEN311, open311HandlersAt } from '../test/mocks/open311.js';
import { storyUrl } from '../.storybook/isolate.js';

interface Args {
  endpoint: string;
  'response-format': 'json' | 'xml';
  services: string;
  contact: 'required' | 'optional' | 'none';
  'max-photos': number;
  'media-endpoint': string;
  'privacy-url': string;
  'track-url': string;
  lang: string;
}

// Each story starts the journey at its step from a saved draft, as a reload would: its own draft,
// under its own endpoint (see .storybook/isolate.ts), so Docs pages show every step side by side.
const draftKey = (id: string) => `civic-widgets:report:${storyUrl(id, OPEN311)}`;
const answers = {
  service: 'FLY',
  address: 'Outside 14 High Street, by the bus stop',
  description: 'Six black bags and an old sofa, dumped overnight.',
  attributes: { TYPE: ['bags', 'furniture'], SIZE: 'van', BLOCKING: 'yes', COUNT: '6', COUNCIL: 'l1' },
  email: 'resident@example.org',
  firstName: 'Siân',
  lastName: 'Davies',
  phone: '',
};
const draftAt = (step: number, extra: object = {}) => ({ id }: { id: string }) => {
  sessionStorage.setItem(draftKey(id), JSON.stringify({ step, ...(step > 1 ? answers : {}), startedAt: Date.now() - 60_000, ...extra }));
};

/** Presses the step's button (Continue or Send report) once the form is there. */
const press =
  (selector = '[part="submit-button"]') =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('civic-report-form')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 20));
    el.shadowRoot?.querySelector<HTMLElement>(selector)?.click();
  };

/** A fresh Open311 server for each story (its own reference numbers), with `first` handlers before it. */
const server =
  (...first: RequestHandler[]) =>
  () => [...first, ...open311HandlersAt(OPEN311, MEDIA, undefined, newOpen311State())];

const meta: Meta<Args> = {
  title: 'Widgets/Report form',
  component: 'civic-report-form',
  tags: ['autodocs'],
  parameters: { msw: server() },
  loaders: [({ id }) => sessionStorage.removeItem(draftKey(id))],
  args: {
    endpoint: OPEN311,
    'response-format': 'json',
    services: '',
    contact: 'optional',
    'max-photos': 3,
    'media-endpoint': MEDIA,
    'privacy-url': '/privacy',
    'track-url': '/reports/{id}',
    lang: 'en',
  },
  argTypes: {
    'response-format': { control: 'inline-radio', options: ['json', 'xml'] },
    contact: { control: 'inline-radio', options: ['required', 'optional', 'none'] },
    lang: { control: 'inline-radio', options: ['en', 'cy'] },
  },
  render: (args) => html`<div lang=${args.lang}>
    <civic-report-form
      endpoint=${args.endpoint}
      response-format=${args['response-format']}
      services=${args.services || undefined}
      contact=${args.contact}
      max-photos=${args['max-photos']}
      media-endpoint=${args['media-endpoint'] || undefined}
      privacy-url=${args['privacy-url'] || undefined}
      track-url=${args['track-url'] || undefined}
    >
      <a href="/report-it">Report a problem on our website</a>
    </civic-report-form>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

const welsh = { args: { lang: 'cy' } } as const;

export const ChooseProblem: Story = {};
export const ChooseProblemWelsh: Story = { ...welsh };
export const ChooseProblemError: Story = { play: press() };
export const ChooseProblemErrorWelsh: Story = { ...welsh, play: press() };
export const LongListWithFilter: Story = {
  parameters: {
    msw: server(
      http.get(`${OPEN311}/services.json`, () =>
        HttpResponse.json(
          ['Abandoned vehicle', 'Blocked drain', 'Dead animal', 'Dog fouling', 'Fly-posting', 'Fly-tipping', 'Graffiti', 'Litter bin full', 'Pothole', 'Street light out', 'Overgrown hedge', 'Broken bench'].map((name, i) => ({
            service_code: `S${i}`,
            service_name: name,
            description: '',
            metadata: false,
            group: i < 6 ? 'Street cleaning' : 'Roads and lighting',
          })),
        ),
      ),
    ),
  },
};
export const XmlServer: Story = { args: { 'response-format': 'xml' } };
export const WhereIsIt: Story = { loaders: [draftAt(2, { address: '' })] };
export const WhereIsItError: Story = { loaders: [draftAt(2, { address: '' })], play: press() };
export const WhereIsItWelsh: Story = { ...welsh, loaders: [draftAt(2, { address: '' })] };
export const Details: Story = { loaders: [draftAt(3)] };
export const DetailsErrors: Story = { loaders: [draftAt(3, { description: '', attributes: { COUNT: 'lots' } })], play: press() };
export const DetailsErrorsWelsh: Story = { ...welsh, loaders: [draftAt(3, { description: '', attributes: {} })], play: press() };
export const DetailsWithoutPhotos: Story = { args: { 'media-endpoint': '' }, loaders: [draftAt(3)] };
export const ContactOptional: Story = { loaders: [draftAt(4)] };
export const ContactRequiredError: Story = { args: { contact: 'required' }, loaders: [draftAt(4, { email: 'not-an-email' })], play: press() };
export const CheckAnswers: Story = { loaders: [draftAt(5)] };
export const CheckAnswersWelsh: Story = { ...welsh, loaders: [draftAt(5)] };
export const Sending: Story = {
  loaders: [draftAt(5)],
  parameters: { msw: server(http.post(`${OPEN311}/requests.json`, () => delay('infinite'))) },
  play: press(),
};
export const ServerError: Story = {
  loaders: [draftAt(5)],
  parameters: { msw: server(http.post(`${OPEN311}/requests.json`, () => new HttpResponse(null, { status: 503 }))) },
  play: press(),
};
export const RefusedByServer: Story = {
  loaders: [draftAt(5)],
  parameters: { msw: server(http.post(`${OPEN311}/requests.json`, () => HttpResponse.json([{ code: 400, description: 'This location is outside our area.' }], { status: 400 }))) },
  play: press(),
};
export const OfflineQueued: Story = {
  loaders: [draftAt(5)],
  parameters: { msw: server(http.post(`${OPEN311}/requests.json`, () => HttpResponse.error())) },
  play: press(),
};
export const OfflineQueuedWelsh: Story = { ...OfflineQueued, ...welsh };
export const Sent: Story = { loaders: [draftAt(5)], play: press() };
export const SentWelsh: Story = { ...welsh, loaders: [draftAt(5)], play: press() };
export const ReceivedWithoutReference: Story = {
  loaders: [draftAt(5)],
  parameters: { msw: server(http.post(`${OPEN311}/requests.json`, () => HttpResponse.json([{ service_notice: 'We will look at this within 5 working days.' }]))) },
  play: press(),
};
export const Unavailable: Story = {
  parameters: { msw: [http.get(`${OPEN311}/services.json`, () => new HttpResponse(null, { status: 503 }))] },
};
export const UnavailableWelsh: Story = { ...Unavailable, ...welsh };
export const Loading: Story = {
  parameters: { msw: [http.get(`${OPEN311}/services.json`, () => delay('infinite'))] },
};
/** A council's own brand through the tokens: colours, font and the form's own button and panel colours. */
export const Themed: Story = {
  loaders: [draftAt(5)],
  play: press(),
  render: (args) => html`<div
    style="--civic-color-brand:#6f2c91;--civic-color-link:#6f2c91;--civic-report-form-button-background:#6f2c91;--civic-report-form-panel-background:#4a1d61;font-family:Georgia,serif"
  >
    <civic-report-form endpoint=${args.endpoint} track-url="/reports/{id}"><a href="/report-it">Report a problem on our website</a></civic-report-form>
  </div>`,
};
export const ThemedFirstStep: Story = { render: Themed.render };

export const DetailsWelsh: Story = { ...welsh, loaders: [draftAt(3)] };
/** "Use my location" done: the place in words, with a map link, never bare coordinates. */
export const WhereIsItLocated: Story = { loaders: [draftAt(2, { address: '', lat: '51.481600', long: '-3.179090' })] };
export const WhereIsItLocatedWelsh: Story = { ...welsh, loaders: WhereIsItLocated.loaders };

/** A report kept on this device that the council refused later: one block, its reasons, two real buttons. */
const refusedOnDevice = async ({ id }: { id: string }) => {
  const { createStore, set } = await import('idb-keyval');
  const entry = {
    id: `story-${id}`,
    endpoint: storyUrl(id, OPEN311),
    options: { format: 'json' },
    fields: [['service_code', 'FLY']],
    photos: [],
    draft: { ...answers, step: 5, startedAt: Date.now() - 60_000 },
    createdAt: Date.now() - 3_600_000,
    attempts: 1,
    refused: ['This location is outside our area.'],
  };
  await set(entry.id, entry, createStore('civic-widgets', 'outbox'));
  return {};
};
export const RefusedOnThisDevice: Story = { loaders: [refusedOnDevice] };
export const RefusedOnThisDeviceWelsh: Story = { ...welsh, loaders: [refusedOnDevice] };
