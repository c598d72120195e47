import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { alertHandlers } from '../test/mocks/alerts.js';

interface Args {
  url: string;
  text: string;
  networks: string;
  'mastodon-instance': string;
  utm: boolean;
  label: string;
  variant: 'buttons' | 'icons';
  'brand-colours': boolean;
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Share bar',
  component: 'civic-share-bar',
  tags: ['autodocs'],
  args: {
    url: 'https://www.anyshire.gov.uk/news/snow-closures',
    text: 'Snow: which schools are closed today',
    networks: 'native,facebook,x,whatsapp,linkedin,bluesky,email,copy',
    'mastodon-instance': '',
    utm: false,
    label: '',
    variant: 'buttons',
    'brand-colours': false,
    lang: 'en',
  },
  argTypes: {
    variant: { control: 'inline-radio', options: ['buttons', 'icons'] },
    lang: { control: 'inline-radio', options: ['en', 'cy'] },
  },
  render: (args) => html`<div lang=${args.lang}>
    <civic-share-bar
      url=${args.url}
      text=${args.text}
      networks=${args.networks}
      mastodon-instance=${args['mastodon-instance'] || undefined}
      ?utm=${args.utm}
      label=${args.label || undefined}
      variant=${args.variant}
      ?brand-colours=${args['brand-colours']}
    ></civic-share-bar>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const IconsOnly: Story = { args: { variant: 'icons' } };
export const EveryNetwork: Story = {
  args: { networks: 'native,facebook,x,linkedin,whatsapp,bluesky,mastodon,threads,reddit,telegram,nextdoor,email,sms,copy,print', 'mastodon-instance': 'mastodon.social' },
};
export const BrandColours: Story = { args: { 'brand-colours': true, variant: 'icons', networks: 'facebook,x,linkedin,whatsapp,bluesky,mastodon,reddit,telegram,nextdoor' } };
export const Welsh: Story = { args: { lang: 'cy', text: 'Eira: pa ysgolion sydd ar gau heddiw' } };
export const Themed: Story = {
  render: (args) => html`<div style="--civic-color-link:#00703c;--civic-radius:22px;--civic-share-bar-gap:0.25rem;font-family:Georgia,serif">
    <civic-share-bar url=${args.url} text=${args.text} networks="facebook,x,whatsapp,email,copy"></civic-share-bar>
  </div>`,
};
export const InsideAnAlert: Story = {
  parameters: { msw: alertHandlers },
  render: () => html`<civic-alert-banner src="/feeds/alerts.json" share>
    <a href="/service-alerts">See current service alerts</a>
  </civic-alert-banner>`,
};
