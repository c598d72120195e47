// cdn/civic-widgets.js: a widget that draws another (an alert banner with `share` draws a share bar
// in its own shadow root) gets it defined too. A page of its own: nothing is defined beforehand.
import { worker, http, HttpResponse } from './setup.js';
import { expect } from '@open-wc/testing';
import { until } from './helpers.js';
import { civicAlerts } from './fixtures/alerts.js';

const load = (url: string): Promise<unknown> => import(url);

describe('cdn/civic-widgets.js: autoload inside our own widgets', () => {
  it('an alert banner with `share` gets its share bars defined and drawn', async () => {
    worker.use(http.get('https://council.example/alerts.json', () => HttpResponse.json(civicAlerts)));
    const holder = document.createElement('div');
    holder.innerHTML = '<civic-alert-banner src="https://council.example/alerts.json" share refresh="0"><a href="/alerts">Service alerts</a></civic-alert-banner>'; // test markup only
    document.body.append(holder);
    await load('/cdn/civic-widgets.js');
    await customElements.whenDefined('civic-alert-banner');
    const banner = holder.firstElementChild!;
    await until(() => (banner.shadowRoot?.querySelectorAll('civic-share-bar').length ?? 0) > 0, 'the banner draws share bars');
    await customElements.whenDefined('civic-share-bar');
    const bars = [...banner.shadowRoot!.querySelectorAll('civic-share-bar')];
    await until(() => bars.every((bar) => !!bar.shadowRoot?.querySelector('a')), 'the share bars render their links');
    expect(customElements.get('civic-report-form')).to.equal(undefined);
    holder.remove();
  });
});
