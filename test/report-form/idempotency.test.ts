import { worker, http, HttpResponse } from '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/report-form/define.js';
import { outboxEntries } from '../../src/report-form/outbox.js';
import { OPEN311, open311HandlersAt, received, services } from '../mocks/open311.js';
import { until } from '../helpers.js';
import { heading, mount, next, toCheck, useJourneySetup } from './helpers.js';

/** The headers of each report POSTed to `base`, in order (the mock behind answers it). */
function postsTo(base: string): Headers[] {
  const seen: Headers[] = [];
  worker.use(
    http.post(`${base}/requests.json`, ({ request }) => {
      seen.push(request.headers);
      return undefined; // on to the mock server
    }),
  );
  return seen;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function sendReport(attrs: string, lang = 'en') {
  const el = await mount(attrs);
  await toCheck(el);
  // The page's language, switched just before sending (the form follows it).
  el.parentElement!.lang = lang;
  if (lang === 'cy') await until(() => heading(el) === 'Gwiriwch eich atebion cyn anfon eich adroddiad', 'the page in Welsh');
  sinon.clock.tick(5000);
  await next(el);
  return el;
}

describe('<civic-report-form>: one case per report, in the resident’s language', () => {
  useJourneySetup();

  it('tells the server the resident’s language with Content-Language (a header that never needs a preflight)', async () => {
    const headers = postsTo(OPEN311);
    const el = await sendReport(`endpoint="${OPEN311}"`, 'cy');
    await until(() => headers.length === 1, 'the report');
    expect(headers[0]!.get('content-language')).to.equal('cy');
    await until(() => heading(el) !== '' && received.length === 1, 'the answer');
  });

  it('sends no Idempotency-Key to a plain Open311 server on another origin (it would need a preflight that server fails)', async () => {
    const headers = postsTo(OPEN311);
    await sendReport(`endpoint="${OPEN311}"`);
    await until(() => headers.length === 1, 'the report');
    expect(headers[0]!.get('idempotency-key')).to.equal(null);
    expect(headers[0]!.get('content-language')).to.equal('en');
  });

  it('sends an Idempotency-Key to a server on its own origin, where no preflight is needed', async () => {
    const base = `${location.origin}/open311/v2`;
    worker.use(...open311HandlersAt(base, `${location.origin}/media`));
    const headers = postsTo(base);
    await sendReport(`endpoint="/open311/v2"`);
    await until(() => headers.length === 1, 'the report');
    expect(headers[0]!.get('idempotency-key')).to.match(UUID);
  });

  it('sends the same Idempotency-Key on every try to a relay that says it takes one, also from the outbox after a reload', async () => {
    const RELAY = 'https://relay.council.example/anyshire/open311/v2';
    worker.use(...open311HandlersAt(RELAY, 'https://relay.council.example/anyshire/media'));
    worker.use(http.get(`${RELAY}/services.json`, () => HttpResponse.json(services, { headers: { 'Civic-Relay': 'idempotency' } })));
    let offline = true;
    worker.use(http.post(`${RELAY}/requests.json`, () => (offline ? HttpResponse.error() : undefined)));
    const headers = postsTo(RELAY); // sees every try, the failed one too
    const first = await sendReport(`endpoint="${RELAY}"`);
    await until(() => heading(first) === 'Saved on this device', 'the queued panel');
    const [entry] = await outboxEntries();
    expect(entry!.idempotencyKey, 'kept with the report in the outbox').to.match(UUID);
    first.remove();
    offline = false;
    // The next page: a fresh form sends what the outbox holds, with the key it was made with.
    const second = await mount(`endpoint="${RELAY}"`);
    await until(() => received.length === 1, 'the queued report to be sent');
    expect(headers.map((h) => h.get('idempotency-key'))).to.deep.equal([entry!.idempotencyKey, entry!.idempotencyKey]);
    await until(() => heading(second) === 'Report sent', 'the confirmation');
  });
});
