import { worker, http, HttpResponse, delay, expectingBugs, hang, hangingRequests, takeErrors, pendingRequests } from '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { collect, resetPageVisibility, setPageHidden, settled, until, watchMutations } from '../helpers.js';
import './test-feed-element.js';
import { parses, type TestFeedElement } from './test-feed-element.js';
import type { CivicErrorEvent, CivicLoadEvent } from '../../src/core/events.js';
import { pendingTasks } from '../../src/core/scheduler.js';
import { activeSources, requestsInFlight } from '../../src/core/feed/source.js';

const json = (items: unknown[]) => HttpResponse.json({ items });
const NOW = new Date('2026-01-09T07:00:00Z');

/** Serves `body()` at `path` and counts the requests. */
function serve(path: string, body: () => Response | Promise<Response>) {
  const requests: Request[] = [];
  worker.use(
    http.get(path, ({ request }) => {
      requests.push(request);
      return body();
    }),
  );
  return requests;
}

async function mount(src: string, attrs: { refresh?: number; format?: string } = {}): Promise<TestFeedElement> {
  return fixture<TestFeedElement>(
    html`<test-feed src=${src} refresh=${attrs.refresh ?? 300} format=${attrs.format ?? 'auto'}><a href="/alerts">Fallback</a></test-feed>`,
  );
}

describe('FeedController', () => {
  let clock: sinon.SinonFakeTimers | undefined;

  beforeEach(() => localStorage.clear());
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    sinon.restore();
    resetPageVisibility();
  });

  function fakeTime(): sinon.SinonFakeTimers {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    return clock;
  }

  /** Advances fake time, then lets any request it started finish its real round trip through msw. */
  async function advance(ms: number): Promise<void> {
    await clock!.tickAsync(ms);
    await until(() => requestsInFlight() === 0 && pendingRequests() <= hangingRequests(), 'requests to finish');
  }

  describe('fetching', () => {
    it('fetches without cookies, revalidating through the HTTP cache, and fires civic-load once with the items', async () => {
      const requests = serve('/feed.json', () => json(['Bins', 'Gritting']));
      const loads = collect<CivicLoadEvent>(document, 'civic-load');
      const el = await mount('/feed.json');
      await until(() => el.shown.length === 2, 'items');
      expect(el.shown).to.deep.equal(['Bins', 'Gritting']);
      expect(el.feed.status).to.equal('ready');
      expect(requests).to.have.length(1);
      expect(requests[0]!.credentials).to.equal('omit');
      expect(requests[0]!.cache).to.equal('no-cache');
      await until(() => loads.length === 1, 'civic-load');
      expect(loads[0]!.detail.items).to.deep.equal(['Bins', 'Gritting']);
      expect(loads[0]!.composed && loads[0]!.bubbles).to.equal(true);
    });

    it('picks the adapter by format, or by content type and sniffing with auto', async () => {
      serve('/feed.xml', () => HttpResponse.xml('<items><item>From XML</item></items>'));
      serve('/feed.csv', () => HttpResponse.text('name\nFrom CSV\n', { headers: { 'content-type': 'text/csv' } }));
      serve('/plain', () => HttpResponse.text('{"items":["JSON sent as text/plain"]}'));
      const xml = await mount('/feed.xml');
      const csv = await mount('/feed.csv');
      const plain = await mount('/plain');
      await until(() => xml.shown.length + csv.shown.length + plain.shown.length === 3, 'three feeds');
      expect([xml.feed.data?.format, csv.feed.data?.format, plain.feed.data?.format]).to.deep.equal(['xml', 'csv', 'json']);

      // An explicit format is used as given: XML read as JSON fails with a parse error.
      const errors = collect<CivicErrorEvent>(document, 'civic-error');
      await mount('/feed.xml', { format: 'json' });
      await until(() => errors.length === 1, 'civic-error');
      expect(errors[0]!.detail.reason).to.equal('parse');
    });

    it('shares one request in flight per URL between every instance', async () => {
      const requests = serve('/shared.json', async () => {
        await delay(50);
        return json(['One']);
      });
      const [a, b, c] = await Promise.all([mount('/shared.json'), mount('/shared.json'), mount('/shared.json')]);
      await until(() => [a, b, c].every((el) => el.shown.length === 1), 'all three');
      expect(requests).to.have.length(1);
      // A later instance gets the data already held, without a new request.
      const d = await mount('/shared.json');
      await until(() => d.shown.length === 1, 'late instance');
      expect(requests).to.have.length(1);
    });

    it('parses each body once per URL and format, however many widgets read it', async () => {
      serve('/parse-once.json', () => json(['a', 'b']));
      const before = parses.json;
      const wrapper = await fixture(html`<div>
        <test-feed src="/parse-once.json"></test-feed><test-feed src="/parse-once.json"></test-feed><test-feed src="/parse-once.json" format="json"></test-feed>
      </div>`);
      const els = [...wrapper.querySelectorAll('test-feed')];
      await until(() => els.every((el) => el.shown.length === 2), 'every reader');
      expect(parses.json - before, 'once for auto, once for json').to.equal(2);
    });

    it('treats a format that is a built-in property name (constructor, toString, __proto__) as unknown: sniffed like auto', async () => {
      serve('/names.json', () => json(['a']));
      for (const format of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        const el = await mount('/names.json', { format });
        await until(() => el.shown.length === 1, format);
        expect(el.feed.data?.format, format).to.equal('json');
        el.remove();
      }
    });

    it('reports a bug in an adapter (a TypeError) to the console and the page\'s error event, and tells the host a parse error, never thrown at it', async () => {
      serve('/buggy.json', () => json(['a']));
      const errors = collect<CivicErrorEvent>(document, 'civic-error');
      const el = await expectingBugs(async () => {
        const el = await mount('/buggy.json', { format: 'buggy' });
        await until(() => errors.length === 1, 'civic-error');
        return el;
      });
      expect(errors[0]!.detail.reason).to.equal('parse');
      expect(el.feed.status).to.equal('error');
      const reported = takeErrors();
      expect(reported, 'reported as a bug').to.have.length(1);
      expect(reported[0]).to.match(/TypeError|undefined|null/i);
    });

    it('never lets a slow answer for an old src overwrite the newer src', async () => {
      fakeTime();
      serve('/slow.json', async () => {
        await delay(5000);
        return json(['Old and slow']);
      });
      serve('/fast.json', () => json(['New']));
      // A second reader keeps the slow request alive, so its answer really does arrive.
      const keeper = await mount('/slow.json');
      const el = await mount('/slow.json');
      el.src = '/fast.json';
      await until(() => el.shown[0] === 'New', 'new src');
      await advance(5000);
      await until(() => keeper.shown.length === 1, 'slow answer');
      expect(el.shown).to.deep.equal(['New']);
      expect(keeper.shown).to.deep.equal(['Old and slow']);
    });

    it('stops requests and timers when the element is removed', async () => {
      fakeTime();
      const requests = serve('/gone.json', () => json(['x']));
      const el = await mount('/gone.json', { refresh: 60 });
      await until(() => el.shown.length === 1, 'items');
      expect(pendingTasks(), 'the poll and the minute tick').to.equal(2);
      el.remove();
      expect(pendingTasks()).to.equal(0);
      expect(activeSources()).to.equal(0);
      await advance(600_000);
      expect(requests).to.have.length(1);
    });

    it('aborts a request in flight when its last reader is removed', async () => {
      const fetchSpy = sinon.spy(window, 'fetch');
      serve('/hang.json', async () => {
        await delay(300);
        return json(['too late']);
      });
      const el = await mount('/hang.json');
      await until(() => fetchSpy.callCount === 1, 'fetch');
      const signal = fetchSpy.firstCall.args[1]!.signal!;
      expect(signal.aborted).to.equal(false);
      el.remove();
      expect(signal.aborted).to.equal(true);
      await settled(el);
      expect(el.shown).to.deep.equal([]);
    });
  });

  describe('polling', () => {
    it('polls every refresh seconds, and raises values under 30 to 30', async () => {
      fakeTime();
      const a = serve('/a.json', () => json(['a']));
      const b = serve('/b.json', () => json(['b']));
      const elA = await mount('/a.json', { refresh: 60 });
      const elB = await mount('/b.json', { refresh: 5 });
      await until(() => elA.shown.length === 1 && elB.shown.length === 1, 'first answers');
      await advance(29_000);
      expect(b).to.have.length(1);
      await advance(1_000);
      expect(b).to.have.length(2);
      expect(a).to.have.length(1);
      await advance(30_000);
      expect(a).to.have.length(2);
      expect(b).to.have.length(3);
    });

    it('does not poll with refresh 0', async () => {
      fakeTime();
      const requests = serve('/once.json', () => json(['x']));
      const el = await mount('/once.json', { refresh: 0 });
      await until(() => el.shown.length === 1, 'first answer');
      await advance(3_600_000);
      expect(requests).to.have.length(1);
    });

    it('pauses while the page is hidden and refreshes once when it is shown again', async () => {
      fakeTime();
      const requests = serve('/vis.json', () => json(['x']));
      const el = await mount('/vis.json', { refresh: 60 });
      await until(() => el.shown.length === 1, 'first answer');
      setPageHidden(true);
      await advance(10 * 60_000);
      expect(requests).to.have.length(1);
      setPageHidden(false);
      await until(() => requests.length === 2, 'refresh on show');
      // Its answer is taken (and the next poll set from it) before fake time moves on: msw has seen the
      // request a real moment before the widget gets the answer, and in WebKit under load the clock
      // used to move first, putting the next poll a minute too late.
      await until(() => requestsInFlight() === 0, 'the answer to the refresh on show');
      await advance(59_000);
      expect(requests).to.have.length(2);
      await advance(1_000);
      expect(requests).to.have.length(3);
    });

    it('backs off exponentially after failures, and resumes the normal interval after a success', async () => {
      fakeTime();
      sinon.stub(Math, 'random').returns(0.5); // jitter factor exactly 1
      let fail = true;
      const requests = serve('/flaky.json', () => (fail ? new HttpResponse(null, { status: 500 }) : json(['ok'])));
      const el = await mount('/flaky.json', { refresh: 60 });
      await until(() => el.feed.status === 'error', 'first answer');
      const times: number[] = [];
      for (const wait of [60_000, 120_000, 240_000]) {
        await advance(wait - 1_000);
        expect(requests.length, `no retry before ${wait} ms`).to.equal(times.length + 1);
        await advance(1_000);
        expect(requests.length, `retry at ${wait} ms`).to.equal(times.length + 2);
        times.push(wait);
      }
      fail = false;
      await advance(480_000);
      expect(requests).to.have.length(5);
      await advance(60_000);
      expect(requests).to.have.length(6);
    });

    it('backs off too when the server answers 200 with a body no one can use (a maintenance page)', async () => {
      fakeTime();
      sinon.stub(Math, 'random').returns(0.5);
      const requests = serve('/maintenance.json', () => HttpResponse.text('<!DOCTYPE html><p>Back soon</p>', { headers: { 'content-type': 'text/plain' } }));
      const el = await mount('/maintenance.json', { refresh: 60 });
      await until(() => el.feed.status === 'error', 'first answer');
      for (const wait of [60_000, 120_000, 240_000]) {
        const before = requests.length;
        await advance(wait - 1_000);
        expect(requests.length, `no retry before ${wait} ms`).to.equal(before);
        await advance(1_000);
        expect(requests.length, `retry after ${wait} ms`).to.equal(before + 1);
      }
    });

    it('adds jitter to the backoff so that many pages do not retry in step', async () => {
      fakeTime();
      sinon.stub(Math, 'random').returns(0); // factor 0.75
      const requests = serve('/jitter.json', () => new HttpResponse(null, { status: 500 }));
      const el = await mount('/jitter.json', { refresh: 60 });
      await until(() => el.feed.status === 'error', 'first answer');
      await advance(45_000);
      expect(requests).to.have.length(2);
    });

    for (const status of [429, 503]) {
      it(`honours Retry-After on ${status}`, async () => {
        fakeTime();
        sinon.stub(Math, 'random').returns(0.5);
        let answer = () => new HttpResponse(null, { status, headers: { 'retry-after': '600' } });
        const requests = serve(`/busy-${status}.json`, () => answer());
        const el = await mount(`/busy-${status}.json`, { refresh: 30 });
        await until(() => el.feed.status === 'error', 'first answer');
        answer = () => json(['ok']);
        await advance(599_000);
        expect(requests).to.have.length(1);
        await advance(1_000);
        expect(requests).to.have.length(2);
      });
    }
  });

  describe('unchanged feeds', () => {
    it('does not re-render for an unchanged body or a 304', async () => {
      fakeTime();
      let mode: 'same' | '304' = 'same';
      const requests = serve('/same.json', () => (mode === 'same' ? json(['Same']) : new HttpResponse(null, { status: 304 })));
      const updates = collect(document, 'civic-update');
      const el = await mount('/same.json', { refresh: 30 });
      await until(() => el.shown.length === 1, 'items');
      await el.updateComplete;
      const renders = el.renders;
      const mutations = watchMutations(el.shadowRoot!);
      for (let i = 0; i < 5; i++) await advance(30_000);
      mode = '304';
      for (let i = 0; i < 5; i++) await advance(30_000);
      expect(requests).to.have.length(11);
      expect(el.renders).to.equal(renders);
      expect(mutations.count()).to.equal(0);
      expect(updates).to.have.length(0);
      expect(el.feed.status).to.equal('ready');
    });

    it('re-renders and fires civic-update when the data changes', async () => {
      fakeTime();
      let items = ['One'];
      serve('/changing.json', () => json(items));
      const updates = collect<CivicLoadEvent>(document, 'civic-update');
      const el = await mount('/changing.json', { refresh: 30 });
      await until(() => el.shown.length === 1, 'items');
      items = ['One', 'Two'];
      await advance(30_000);
      await until(() => el.shown.length === 2, 'changed items');
      await until(() => updates.length === 1, 'civic-update');
      expect(updates[0]!.detail.items).to.deep.equal(['One', 'Two']);
    });
  });

  describe('bad feeds', () => {
    const cases: [string, () => Response | Promise<Response>, string, number][] = [
      ['an HTML page', () => HttpResponse.html('<!DOCTYPE html><html><body>Maintenance</body></html>'), 'content-type', 200],
      ['an image', () => new HttpResponse('GIF89a', { headers: { 'content-type': 'image/gif' } }), 'content-type', 200],
      ['malformed JSON', () => HttpResponse.text('{"items": [', { headers: { 'content-type': 'application/json' } }), 'parse', 200],
      ['malformed XML', () => HttpResponse.xml('<items><item>a</items>'), 'parse', 200],
      ['XML entity expansion', () => HttpResponse.xml('<!DOCTYPE items [<!ENTITY a "aaaaaaaa">]><items><item>&a;</item></items>'), 'parse', 200],
      ['a plain-text error body', () => HttpResponse.text('error code: 520'), 'parse', 200],
      ['the wrong shape', () => HttpResponse.json({ alerts: 'none' }), 'shape', 200],
      ['an empty body', () => HttpResponse.text(''), 'empty', 200],
      ['a 3 MB body', () => HttpResponse.json({ items: ['x'.repeat(3 * 1024 * 1024)] }), 'too-large', 200],
      ['a 404', () => new HttpResponse('Not found', { status: 404 }), 'http', 404],
      ['a 500', () => new HttpResponse('Oops', { status: 500 }), 'http', 500],
      ['a network failure', () => HttpResponse.error(), 'network', 0],
    ];

    for (const [name, body, reason, status] of cases) {
      it(`keeps the last good data through ${name}, reports it, and recovers on the next good poll`, async () => {
        fakeTime();
        sinon.stub(Math, 'random').returns(0.5); // the first retry comes exactly one interval later
        let answer: () => Response | Promise<Response> = () => json(['Good']);
        serve('/bad.json', () => answer());
        const errors = collect<CivicErrorEvent>(document, 'civic-error');
        const el = await mount('/bad.json', { refresh: 30 });
        await until(() => el.shown.length === 1, 'good data');

        answer = body;
        await advance(30_000);
        await until(() => errors.length === 1, 'civic-error');
        expect(errors[0]!.detail).to.deep.equal({ url: new URL('/bad.json', location.href).href, status, reason });
        expect(el.shown).to.deep.equal(['Good']);
        expect(el.feed.status).to.equal('stale');
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('stale');

        answer = () => json(['Better']);
        await advance(30_000);
        await until(() => el.shown[0] === 'Better', 'recovery');
        expect(el.feed.status).to.equal('ready');
      });
    }

    it('times out after 10 seconds', async () => {
      fakeTime();
      serve('/timeout.json', hang);
      const errors = collect<CivicErrorEvent>(document, 'civic-error');
      const el = await mount('/timeout.json');
      await until(() => pendingRequests() === 1, 'the request to reach the server');
      await clock!.tickAsync(9_900);
      expect([requestsInFlight(), pendingRequests()], 'the request still waits').to.deep.equal([1, 1]);
      expect(errors).to.have.length(0);
      await advance(200);
      await until(() => errors.length === 1, 'timeout');
      expect(errors[0]!.detail.reason).to.equal('timeout');
      expect(el.feed.status).to.equal('error');
    });

    it('shows the fallback content while it has no data, and keeps it on error', async () => {
      serve('/down.json', () => new HttpResponse(null, { status: 500 }));
      const el = await mount('/down.json');
      await until(() => el.feed.status === 'error', 'error');
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements()[0]!.textContent).to.equal('Fallback');
    });

    it('drops malformed items only, and counts them in civic-error', async () => {
      serve('/partial.json', () => json(['Good', 42, null, 'Also good', { a: 1 }]));
      const errors = collect<CivicErrorEvent>(document, 'civic-error');
      const el = await mount('/partial.json');
      await until(() => el.shown.length === 2, 'good items');
      await until(() => errors.length === 1, 'civic-error');
      expect(errors[0]!.detail.skipped).to.equal(3);
      expect(errors[0]!.detail.reason).to.equal('shape');
    });
  });

  describe('the stored copy', () => {
    it('renders the last good data from the device in the first paint, then revalidates', async () => {
      serve('/cached.json', () => json(['Cached']));
      const first = await mount('/cached.json');
      await until(() => first.shown.length === 1, 'first load');
      first.remove();

      let release!: () => void;
      const requests = serve('/cached.json', async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return json(['Fresh']);
      });
      const el = await mount('/cached.json');
      // No network answer yet: the first render already has the stored items.
      expect(el.shown).to.deep.equal(['Cached']);
      expect(el.feed.status).to.equal('ready');
      await until(() => requests.length === 1, 'revalidation');
      release();
      await until(() => el.shown[0] === 'Fresh', 'fresh data');
    });

    it('ignores corrupted and foreign entries', async () => {
      const key = `civic-widgets:feed:test:${new URL('/corrupt.json', location.href).href}`;
      for (const junk of ['{not json', '{"v":1,"t":"soon","d":{}}', '{"v":99,"t":1,"d":{"items":["x"]}}', '{"v":1,"t":1,"d":{"items":"nope"}}']) {
        localStorage.setItem(key, junk);
        serve('/corrupt.json', () => new HttpResponse(null, { status: 500 }));
        const el = await mount('/corrupt.json');
        expect(el.shown, junk).to.deep.equal([]);
        expect(el.feed.status, junk).to.equal('loading');
        await until(() => el.feed.status === 'error', 'error');
        el.remove();
      }
    });

    it('keeps working when storage is full or disabled', async () => {
      sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
      sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('denied', 'SecurityError'));
      serve('/nostore.json', () => json(['Works']));
      const el = await mount('/nostore.json');
      await until(() => el.shown.length === 1, 'items');
    });
  });
});
