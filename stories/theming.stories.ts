import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { alertHandlers } from '../test/mocks/alerts.js';
import { closuresJson } from '../test/fixtures/closures.js';

const undated = { ...closuresJson, closures: closuresJson.closures.map((c) => ({ ...c, date: undefined, until: undefined })) };

/** Every widget under one council's brand, set only through --civic-* custom properties. */
const page = (className: string) => html`<div class=${className}>
  <civic-alert-banner src="/feeds/alerts.json" max="2"><a href="/service-alerts">See current service alerts</a></civic-alert-banner>
  <civic-closure-ticker src="/feeds/closures.json" mode="list"><a href="/school-closures">School closures today</a></civic-closure-ticker>
  <civic-share-bar url="https://www.example.gov.uk/news" text="Snow update" networks="facebook,x,whatsapp,email,copy"></civic-share-bar>
</div>`;

const meta: Meta = {
  title: 'Theming/Council brands',
  parameters: { msw: [...alertHandlers, http.get('/feeds/closures.json', () => HttpResponse.json(undated))] },
  decorators: [
    (story) => html`<style>
        .anyshire {
          --civic-color-brand: #005ea5;
          --civic-color-link: #005ea5;
          --civic-font-family: Arial, sans-serif;
        }
        .borough {
          --civic-color-brand: #00703c;
          --civic-color-link: #005a30;
          --civic-color-link-visited: #3d2375;
          --civic-radius: 8px;
          --civic-space-3: 1.25rem;
          --civic-font-family: Georgia, serif;
          --civic-alert-banner-announcement-background: #e6f2ec;
          --civic-alert-banner-announcement-accent: #00703c;
          --civic-closure-ticker-closed: #8e1b12;
        }
      </style>
      ${story()}`,
  ],
};
export default meta;

export const AnyshireBlue: StoryObj = { render: () => page('anyshire') };
export const BoroughGreen: StoryObj = { render: () => page('borough') };
