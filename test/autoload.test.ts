// cdn/civic-widgets.js, the README's one script tag: each widget's code is downloaded only when its
// tag is on the page (light DOM or an open shadow root), and a download that fails is reported once
// and tried again when the device is back online. Needs `npm run build` first (`npm test` builds).
import { worker, http, HttpResponse } from './setup.js';
import { expect } from '@open-wc/testing';
import { collect, realDelay, until } from './helpers.js';
import type { CivicErrorEvent } from '../src/core/events.js';

const load = (url: string): Promise<unknown> => import(url);

/** The cdn/ files this page has fetched so far, by name without the hash. */
function fetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/cdn/'))
    .map((path) => path.slice('/cdn/'.length).replace(/-[\w-]{8}\.js$/, '.js'))
    .filter((name, i, all) => all.indexOf(name) === i);
}

const mounted: Element[] = [];
function mount(markup: string, parent: ParentNode = document.body): Element {
  const holder = document.createElement('div');
  holder.innerHTML = markup; // test markup only
  const el = holder.firstElementChild!;
  parent.append(el);
  mounted.push(el);
  return el;
}

describe('cdn/civic-widgets.js: autoload', () => {
  before(async () => {
    const response = await fetch('/cdn/civic-widgets.js', { method: 'HEAD' });
    expect(response.ok, 'cdn/civic-widgets.js is missing: run `npm run build` first').to.equal(true);
    await load('/cdn/civic-widgets.js');
  });
  beforeEach(() => {
    worker.use(http.get('https://council.example/*', () => HttpResponse.json({ alerts: [] })));
  });
  after(() => {
    for (const el of mounted) el.remove();
  });

  // That nothing else was downloaded meanwhile is shown by the next test's exact list.
  it('defines nothing while no widget is on the page', () => {
    for (const tag of ['civic-alert-banner', 'civic-closure-ticker', 'civic-report-form', 'civic-share-bar']) expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('a share bar downloads its own code and the shared core, nothing else', async () => {
    mount('<civic-share-bar url="https://council.example/news/1" title="Gritting tonight"><a href="https://council.example/share">Share</a></civic-share-bar>');
    await customElements.whenDefined('civic-share-bar');
    expect(fetched().sort()).to.deep.equal(['chunks/civic-widgets.core.js', 'chunks/civic-widgets.share-bar.js', 'civic-widgets.js']);
    const bar = document.querySelector('civic-share-bar')!;
    await until(() => (bar.shadowRoot?.querySelectorAll('a, button').length ?? 0) > 0, 'the share bar renders');
  });

  it('finds a widget inside the open shadow root of the host page’s own component', async () => {
    const host = mount('<council-card></council-card>');
    const root = host.attachShadow({ mode: 'open' });
    await realDelay(); // the host and its empty shadow root have been seen
    // Added to the shadow root after the host was seen.
    const holder = document.createElement('div');
    holder.innerHTML = '<civic-alert-banner src="https://council.example/alerts.json"><a href="/alerts">Service alerts</a></civic-alert-banner>'; // test markup only
    root.append(holder);
    await customElements.whenDefined('civic-alert-banner');
    expect(fetched()).to.include('chunks/civic-widgets.alert-banner.js');
    expect(fetched()).to.not.include('chunks/civic-widgets.report-form.js');
  });

  it('finds a widget in the shadow root of a component the page defines later', async () => {
    const host = mount('<council-panel></council-panel>');
    expect(customElements.get('civic-closure-ticker')).to.equal(undefined);
    customElements.define(
      'council-panel',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<civic-closure-ticker src="https://council.example/closures.json"><a href="/closures">School closures</a></civic-closure-ticker>'; // test markup only
        }
      },
    );
    expect(host.shadowRoot).to.not.equal(null);
    await customElements.whenDefined('civic-closure-ticker');
    expect(fetched()).to.include('chunks/civic-widgets.closure-ticker.js');
  });

  it('a download that fails is reported once, keeps the fallback, and is tried again when back online', async () => {
    let fail = true;
    let tries = 0;
    worker.use(
      // The chunk, and then the form's own file that the retry fetches.
      http.get(/\/cdn\/(chunks\/civic-widgets\.report-form-[\w-]+|civic-report-form)\.js$/, () => {
        tries++;
        return fail ? HttpResponse.error() : undefined;
      }),
    );
    const events = collect<CivicErrorEvent>(document, 'civic-error');
    // The form, once it runs, reports its own (its services feed here is not Open311).
    const scriptErrors = (): CivicErrorEvent[] => events.filter((e) => e.detail.reason === 'script');
    const form = mount('<civic-report-form endpoint="https://council.example/open311/v2"><a href="/report">Report it online</a></civic-report-form>');
    await until(() => scriptErrors().length > 0, 'civic-error for the failed download');
    expect(scriptErrors()[0]!.target).to.equal(form);
    expect(scriptErrors()[0]!.detail.reason).to.equal('script');
    expect(scriptErrors()[0]!.detail.status).to.equal(0);
    expect(new URL(scriptErrors()[0]!.detail.url).pathname.startsWith('/cdn/')).to.equal(true);
    expect(customElements.get('civic-report-form')).to.equal(undefined);
    expect((form.querySelector('a') as HTMLElement).offsetHeight).to.be.greaterThan(0);

    // The connection comes back but drops again: the next try fails too.
    dispatchEvent(new Event('online'));
    await until(() => tries === 2, 'tried again when online');
    expect(customElements.get('civic-report-form')).to.equal(undefined);

    // The third try starts only once the second has failed, so by then a second report would be in.
    fail = false;
    await until(() => {
      dispatchEvent(new Event('online'));
      return customElements.get('civic-report-form') !== undefined;
    }, 'defined once the download succeeds');
    expect(scriptErrors().length, 'reported once').to.equal(1);
    await until(() => form.shadowRoot !== null, 'the form upgrades');
  });
});
