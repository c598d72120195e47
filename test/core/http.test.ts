import { worker, http, HttpResponse, hang } from '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { fetchBody, HttpError, MAX_BYTES } from '../../src/core/http.js';
import { backoffDelay, OUTBOX, SERVICES } from '../../src/core/backoff.js';

const URL_ = 'https://council.example/api/thing';

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(HttpError);
    return error as HttpError;
  }
  throw new Error('expected an HttpError');
}

describe('fetchBody (the one HTTP layer)', () => {
  afterEach(() => sinon.restore());

  it('answers any status with its decoded body, never sending cookies', async () => {
    let credentials = '';
    worker.use(
      http.get(URL_, ({ request }) => {
        credentials = request.credentials;
        return new HttpResponse(new Uint8Array([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]), { status: 404, headers: { 'content-type': 'text/xml; charset=ISO-8859-1', 'retry-after': '60' } });
      }),
    );
    const body = await fetchBody(URL_, { timeout: 5000 });
    expect([body.status, body.ok, body.text, body.retryAfter]).to.deep.equal([404, false, '<a>é</a>', 60_000]);
    expect(credentials).to.equal('omit');
  });

  it('is "timeout" when the time runs out, "network" when the caller aborts or the network fails', async () => {
    worker.use(http.get(URL_, () => hang()));
    expect((await failure(fetchBody(URL_, { timeout: 50 }))).reason).to.equal('timeout');
    const controller = new AbortController();
    const pending = fetchBody(URL_, { timeout: 5000, signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).reason).to.equal('network');
    worker.use(http.get(URL_, () => HttpResponse.error()));
    expect((await failure(fetchBody(URL_, { timeout: 5000 }))).reason).to.equal('network');
  });

  it('combines the caller\'s signal and the timeout without AbortSignal.any too (Safari before 17.4)', async () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    delete (AbortSignal as { any?: unknown }).any;
    try {
      worker.use(http.get(URL_, () => hang()));
      expect((await failure(fetchBody(URL_, { timeout: 50, signal: new AbortController().signal }))).reason).to.equal('timeout');
      const controller = new AbortController();
      const pending = fetchBody(URL_, { timeout: 5000, signal: controller.signal });
      controller.abort();
      expect((await failure(pending)).reason).to.equal('network');
    } finally {
      if (any) Object.defineProperty(AbortSignal, 'any', any);
    }
  });

  it('refuses a body over the cap, declared or streamed, but keeps an error status whose body is too big', async () => {
    worker.use(http.get(URL_, () => new HttpResponse('x'.repeat(2000), { headers: { 'content-type': 'text/plain' } })));
    expect((await failure(fetchBody(URL_, { timeout: 5000, maxBytes: 1000 }))).reason).to.equal('too-large');
    worker.use(http.get(URL_, () => new HttpResponse(null, { headers: { 'content-length': String(MAX_BYTES + 1) } })));
    expect((await failure(fetchBody(URL_, { timeout: 5000 }))).reason).to.equal('too-large');
    worker.use(http.get(URL_, () => new HttpResponse('x'.repeat(2000), { status: 503 })));
    const body = await fetchBody(URL_, { timeout: 5000, maxBytes: 1000 });
    expect([body.status, body.text]).to.deep.equal([503, '']);
  });

  it('passes the caller\'s method, body and headers on', async () => {
    let seen = '';
    worker.use(http.post(URL_, async ({ request }) => ((seen = `${request.headers.get('x-test')} ${await request.text()}`), HttpResponse.json({ ok: true }))));
    const body = await fetchBody(URL_, { timeout: 5000, init: { method: 'POST', body: 'a=1', headers: { 'x-test': 'yes' } } });
    expect([seen, body.text]).to.deep.equal(['yes a=1', '{"ok":true}']);
  });
});

describe('backoff (the one retry policy)', () => {
  it('doubles from its base up to its cap, within its jitter, and never under Retry-After', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, SERVICES, 0, mid))).to.deep.equal([30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
    expect(backoffDelay(20, OUTBOX, 0, mid)).to.equal(30 * 60_000);
    expect(backoffDelay(1, OUTBOX, 0, () => 0)).to.equal(24_000);
    expect(backoffDelay(1, OUTBOX, 0, () => 1)).to.be.closeTo(36_000, 0.01);
    expect(backoffDelay(1, OUTBOX, 90_000, mid)).to.equal(90_000);
  });
});
