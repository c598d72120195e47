// The script-tag build: loading it twice, or beside the npm build, neither throws nor warns.
// Needs `npm run build` first: `npm test` builds before the browser tests, and without a build this
// fails (it used to skip, so on a fresh clone it never ran).
import './setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';

/** A dynamic import the type checker does not try to resolve (these files are built, not sources). */
const load = (url: string): Promise<unknown> => import(url);

const TAGS = ['civic-alert-banner', 'civic-closure-ticker', 'civic-report-form', 'civic-share-bar'];

describe('cdn/civic-widgets.js', () => {
  before(async () => {
    const response = await fetch('/cdn/civic-widgets.js', { method: 'HEAD' });
    expect(response.ok, 'cdn/civic-widgets.js is missing: run `npm run build` first').to.equal(true);
  });
  afterEach(() => sinon.restore());

  it('registers all four tags on a page that has them, and loading it a second time (as a new copy) does not throw or warn', async () => {
    const warn = sinon.stub(console, 'warn');
    // Widgets without a feed: nothing to fetch, so each shows its fallback once defined.
    const page = document.createElement('div');
    page.innerHTML = TAGS.map((tag) => `<${tag}><a href="/fallback">Fallback</a></${tag}>`).join(''); // test markup only
    document.body.append(page);
    const errors: unknown[] = [];
    addEventListener('error', (e) => errors.push(e.error));
    await load('/cdn/civic-widgets.js');
    await Promise.all(TAGS.map((tag) => customElements.whenDefined(tag)));
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.not.equal(undefined);
    const first = customElements.get('civic-share-bar');
    await load('/cdn/civic-widgets.js?copy=2');
    await load('/cdn/civic-share-bar.js');
    await load('/dist/civic-widgets.js');
    expect(customElements.get('civic-share-bar')).to.equal(first);
    expect(errors).to.deep.equal([]);
    expect(warn.called).to.equal(false);
    page.remove();
  });
});
