import { worker, http, HttpResponse } from '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { discard, flushOutbox, onOutbox, outboxEntries, queueReport, type OutboxNews } from '../../src/report-form/outbox.js';
import { MEDIA, OPEN311, open311Handlers, received, resetOpen311, uploads } from '../mocks/open311.js';
import { resetPageVisibility, setPageHidden, settled, until } from '../helpers.js';
import { pendingTasks } from '../../src/core/scheduler.js';
import { createStore, get, set } from 'idb-keyval';

const report = (description: string) => ({
  endpoint: OPEN311,
  options: {},
  fields: [
    ['service_code', 'GRAF'],
    ['address_string', 'Underpass'],
    ['description', description],
  ] as [string, string][],
  photos: [],
});

describe('the outbox', () => {
  let news: OutboxNews[];
  let stop: () => void;
  beforeEach(() => {
    resetOpen311();
    worker.use(...open311Handlers);
    news = [];
    stop = onOutbox((n) => news.push(n));
  });
  afterEach(async () => {
    stop();
    sinon.restore();
    for (const entry of await outboxEntries()) await discard(entry.id);
  });

  it('keeps photos as bytes and a type (Safari private browsing refuses Blobs in IndexedDB), and still reads Blobs an earlier version stored', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const entry = await queueReport({ ...report('with a photo'), photos: [new Blob([bytes], { type: 'image/jpeg' })] });
    const raw = (await get(entry.id, createStore('civic-widgets', 'outbox'))) as { photos: { type: string; bytes: ArrayBuffer }[] };
    expect(raw.photos[0]!.bytes).to.be.instanceOf(ArrayBuffer);
    expect(raw.photos[0]!.type).to.equal('image/jpeg');
    const [read] = await outboxEntries();
    expect(read!.photos[0]).to.be.instanceOf(Blob);
    expect(read!.photos[0]!.type).to.equal('image/jpeg');
    expect([...new Uint8Array(await read!.photos[0]!.arrayBuffer())]).to.deep.equal([...bytes]);
    await discard(entry.id);
    // An entry from before, holding a Blob (where the engine allowed it).
    try {
      await set('older', { ...report('older'), id: 'older', createdAt: 1, attempts: 0, photos: [new Blob([bytes], { type: 'image/png' })] }, createStore('civic-widgets', 'outbox'));
    } catch {
      return; // this engine cannot store a Blob at all: nothing older can exist here
    }
    const [older] = await outboxEntries();
    expect(older!.photos[0]!.type).to.equal('image/png');
  });

  it('sends waiting reports oldest first, each once, even when asked to flush many times at once', async () => {
    // In one millisecond, as a fast device can (the order once depended on the entries' random ids).
    sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    for (const description of ['first', 'second', 'third', 'fourth']) await queueReport(report(description));
    sinon.restore();
    await Promise.all([flushOutbox(), flushOutbox(), flushOutbox()]);
    await flushOutbox();
    expect(received.map((r) => r.get('description'))).to.deep.equal(['first', 'second', 'third', 'fourth']);
    expect(news.map((n) => n.kind)).to.deep.equal(['sent', 'sent', 'sent', 'sent']);
    expect(await outboxEntries()).to.deep.equal([]);
  });

  it('sends each report once without Web Locks (Safari before 15.4), one drain at a time in the page', async () => {
    sinon.stub(navigator, 'locks').value(undefined);
    await queueReport(report('no locks'));
    await Promise.all([flushOutbox(), flushOutbox()]);
    expect(received.map((r) => r.get('description'))).to.deep.equal(['no locks']);
    expect(await outboxEntries()).to.deep.equal([]);
  });

  it('sends to the servers that answer while one is down: one dead endpoint does not hold back the others', async () => {
    const DOWN = 'https://other-council.example/open311/v2';
    worker.use(http.post(`${DOWN}/requests.json`, () => HttpResponse.error()));
    await queueReport({ ...report('to the dead server'), endpoint: DOWN });
    await queueReport(report('to the working one'));
    await flushOutbox();
    expect(received.map((r) => r.get('description'))).to.deep.equal(['to the working one']);
    expect((await outboxEntries()).map((e) => e.endpoint)).to.deep.equal([DOWN]);
    expect(news.map((n) => n.kind).sort()).to.deep.equal(['sent', 'waiting']);
  });

  it('uploads each photo once, however often the report itself has to be retried', async () => {
    let attempts = 0;
    worker.use(http.post(`${OPEN311}/requests.json`, () => (++attempts === 1 ? new HttpResponse(null, { status: 503 }) : undefined)));
    await queueReport({ ...report('with a photo'), mediaEndpoint: MEDIA, photos: [new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' })] });
    await flushOutbox();
    expect(received, 'the first POST failed').to.have.length(0);
    expect((await outboxEntries())[0]!.mediaUrls, 'the uploaded photo is remembered').to.deep.equal([`${MEDIA}/1.jpg`]);
    await flushOutbox();
    expect(received).to.have.length(1);
    expect(received[0]!.getAll('media_url')).to.deep.equal([`${MEDIA}/1.jpg`]);
    expect(uploads, 'uploaded once').to.have.length(1);
  });

  it('backs off after a failure (30 s, then longer) and tries again by itself', async () => {
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let down = true;
    worker.use(http.post(`${OPEN311}/requests.json`, () => (down ? new HttpResponse(null, { status: 503 }) : undefined)));
    await queueReport(report('waiting'));
    await flushOutbox();
    expect(news.map((n) => n.kind)).to.deep.equal(['waiting']);
    expect((await outboxEntries())[0]!.attempts).to.equal(1);
    await clock.tickAsync(20_000); // before the earliest retry (30 s less 20% jitter)
    expect(pendingTasks(), 'the retry still waits').to.be.greaterThan(0);
    await settled();
    expect(received).to.have.length(0);
    down = false;
    await clock.tickAsync(20_000); // 40 s: past the latest first retry (30 s plus 20%)
    await until(() => news.at(-1)?.kind === 'sent', 'the retry to send it');
    expect(received).to.have.length(1);
  });

  it('does not retry while the page is hidden (the shared scheduler), and tries again when it is shown', async () => {
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let down = true;
    let posts = 0;
    worker.use(http.post(`${OPEN311}/requests.json`, () => (posts++, down ? new HttpResponse(null, { status: 503 }) : undefined)));
    await queueReport(report('hidden'));
    await flushOutbox();
    expect(posts).to.equal(1);
    setPageHidden(true);
    try {
      await clock.tickAsync(2 * 3600_000); // far past every backoff
      expect(pendingTasks(), 'the retry still waits').to.be.greaterThan(0);
      expect(posts, 'no request while hidden').to.equal(1);
      down = false;
      setPageHidden(false);
      await until(() => news.at(-1)?.kind === 'sent', 'the report to be sent once the page is shown');
      expect(posts).to.equal(2);
    } finally {
      resetPageVisibility();
    }
  });

  it('keeps a report the server refuses (4xx) with its messages, and does not send it again', async () => {
    worker.use(http.post(`${OPEN311}/requests.json`, () => HttpResponse.json([{ code: 400, description: 'Outside our area' }], { status: 400 })));
    const entry = await queueReport(report('refused'));
    await flushOutbox();
    await flushOutbox();
    expect(news).to.deep.equal([{ kind: 'refused', id: entry.id, messages: ['Outside our area'] }]);
    expect((await outboxEntries())[0]!.refused).to.deep.equal(['Outside our area']);
  });
});
