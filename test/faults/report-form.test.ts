// The fault corpus for <civic-report-form>: the services list and the report itself meet every
// fault. Each must leave no uncaught error (test/setup.ts fails the test on any), tell the resident
// clearly, lose no report (draft kept or queued) and send none twice.
import { worker, http, HttpResponse, hang, pendingRequests } from '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/report-form/define.js';
import type { CivicErrorEvent } from '../../src/core/events.js';
import { flushOutbox, outboxEntries } from '../../src/report-form/outbox.js';
import type { CivicReportForm } from '../../src/report-form/report-form.js';
import { OPEN311, received } from '../mocks/open311.js';
import { halfBody, trickle } from './bodies.js';
import { collect, settled, until } from '../helpers.js';
import { $, heading, mount, next, ready, summary, textOf, toDetails, type, useJourneySetup } from '../report-form/helpers.js';

const services = JSON.stringify([{ service_code: 'GRAF', service_name: 'Graffiti', metadata: false }]);
const DRAFT = `civic-widgets:report:${OPEN311}`;

type Outcome = 'refused' | 'server' | 'unconfirmed' | 'queued';
const FAULTS: [string, () => Response | Promise<Response>, Outcome][] = [
  ['404', () => new HttpResponse('Not found', { status: 404 }), 'refused'],
  ['410', () => new HttpResponse('Gone', { status: 410 }), 'refused'],
  ['500', () => new HttpResponse('Error', { status: 500 }), 'server'],
  ['503 with Retry-After', () => new HttpResponse(null, { status: 503, headers: { 'retry-after': '120' } }), 'server'],
  ['429', () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '60' } }), 'server'],
  ['connection reset', () => HttpResponse.error(), 'queued'],
  ['a body that stops half-way', () => halfBody(JSON.stringify([{ service_request_id: '1' }])), 'queued'],
  ['a 200 HTML page (a captive portal)', () => new HttpResponse('<html><body>Log in to the Wi-Fi</body></html>', { headers: { 'content-type': 'text/html' } }), 'unconfirmed'],
  ['an empty 200', () => new HttpResponse('', { headers: { 'content-type': 'application/json' } }), 'unconfirmed'],
  ['a 3 MB 200', () => HttpResponse.json([{ service_request_id: '1', pad: 'x'.repeat(3 * 1024 * 1024) }]), 'unconfirmed'],
];

async function toCheck(el: CivicReportForm): Promise<void> {
  await toDetails(el, 'service-1', 'Underpass'); // graffiti
  await type(el, 'description', 'Tags');
  await next(el);
  await next(el); // contact: optional, left empty
  expect(heading(el)).to.equal('Check your answers before sending your report');
}

describe('fault corpus: <civic-report-form>', () => {
  useJourneySetup();

  describe('loading the services', () => {
    const loadFaults: [string, () => Response | Promise<Response>][] = [
      ...FAULTS.filter(([name]) => !name.startsWith('a 200')).map(([name, answer]) => [name, answer] as [string, () => Response | Promise<Response>]),
      ['wrong content type', () => new HttpResponse(services, { headers: { 'content-type': 'text/html' } })],
      ['a feed that is not Open311', () => HttpResponse.json({ alerts: [] })],
    ];
    for (const [name, answer] of loadFaults) {
      it(`keeps the fallback through ${name}, says why, and recovers`, async () => {
        worker.use(http.get(`${OPEN311}/services.json`, answer, { once: true }));
        const errors = collect<CivicErrorEvent>(document, 'civic-error');
        const el = await mount(`endpoint="${OPEN311}"`);
        await until(() => !!$(el, '[part="message"]'), 'the unavailable message');
        expect((el.shadowRoot!.querySelector('slot:not([name])') as HTMLSlotElement).assignedElements()).to.have.length(1);
        expect(errors).to.have.length(1);
        window.dispatchEvent(new Event('online'));
        await ready(el);
        expect(heading(el)).to.equal('What is the problem?');
      });
    }

    it('waits for a slow trickle that completes, and shows the form', async () => {
      worker.use(http.get(`${OPEN311}/services.json`, () => trickle(services), { once: true }));
      const el = await mount(`endpoint="${OPEN311}"`);
      await ready(el);
      expect($(el, '[part="message"]')).to.equal(null);
    });

    it('gives up on a server that never answers after 15 s, then recovers', async () => {
      sinon.restore();
      const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
      worker.use(http.get(`${OPEN311}/services.json`, () => hang(), { once: true }));
      const errors = collect<CivicErrorEvent>(document, 'civic-error');
      const el = await mount(`endpoint="${OPEN311}"`);
      await until(() => pendingRequests() === 1, 'the services request to be under way');
      await clock.tickAsync(15_000);
      await until(() => !!$(el, '[part="message"]'), 'the unavailable message');
      expect(errors.map((e) => e.detail.reason)).to.deep.equal(['timeout']);
      await clock.tickAsync(36_000); // the first retry: 30 s, ± 20% jitter (core/backoff.ts)
      await ready(el);
    });
  });

  describe('sending the report', () => {
    for (const [name, answer, outcome] of FAULTS) {
      it(`loses nothing and sends once through ${name} (${outcome})`, async () => {
        worker.use(http.post(`${OPEN311}/requests.json`, answer, { once: true }));
        const el = await mount(`endpoint="${OPEN311}"`);
        await toCheck(el);
        sinon.clock.tick(5000);
        await next(el);
        if (outcome === 'queued') {
          await until(() => heading(el) === 'Saved on this device', 'the queued panel');
          expect(await outboxEntries()).to.have.length(1);
          window.dispatchEvent(new Event('online'));
        } else {
          await until(() => summary(el).length > 0, 'the error summary');
          const expected = { refused: 'could not accept', server: 'not working', unconfirmed: 'could not confirm' }[outcome];
          expect(summary(el)[0]).to.contain(expected);
          expect(heading(el), 'answers kept on Check your answers').to.equal('Check your answers before sending your report');
          expect((JSON.parse(sessionStorage.getItem(DRAFT)!) as { description: string }).description, 'draft kept').to.equal('Tags');
          await next(el); // Try again
        }
        await until(() => heading(el) === 'Report sent', 'the confirmation');
        await settled(el);
        window.dispatchEvent(new Event('online'));
        await flushOutbox(); // joins the drain that 'online' started
        await settled(el);
        expect(received, 'sent exactly once').to.have.length(1);
        expect(await outboxEntries()).to.deep.equal([]);
      });
    }

    it('sends once through a slow trickle that completes', async () => {
      worker.use(http.post(`${OPEN311}/requests.json`, () => trickle(JSON.stringify([{ service_request_id: 'T1', service_notice: 'Slow but fine' }])), { once: true }));
      const el = await mount(`endpoint="${OPEN311}"`);
      await toCheck(el);
      sinon.clock.tick(5000);
      await next(el);
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(textOf($(el, '[part="reference"]'))).to.equal('T1');
    });

    it('sends once when the server flips between failing and working', async () => {
      let calls = 0;
      worker.use(http.post(`${OPEN311}/requests.json`, () => (calls++ % 2 === 0 ? new HttpResponse(null, { status: 503 }) : undefined)));
      const el = await mount(`endpoint="${OPEN311}"`);
      await toCheck(el);
      sinon.clock.tick(5000);
      await next(el);
      await until(() => summary(el).length > 0, 'the error');
      await next(el);
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(received).to.have.length(1);
    });

    it('does not take a clock set back mid-journey for a bot', async () => {
      const el = await mount(`endpoint="${OPEN311}"`);
      await toCheck(el);
      sinon.clock.setSystemTime(Date.now() - 3_600_000);
      await next(el);
      await until(() => received.length === 1, 'the report');
    });

    it('works with sessionStorage full, and with it disabled', async () => {
      sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
      const full = await mount(`endpoint="${OPEN311}"`);
      await toCheck(full);
      sinon.clock.tick(5000);
      await next(full);
      await until(() => received.length === 1, 'the report with storage full');
      full.remove();
      sinon.stub(window, 'sessionStorage').get(() => {
        throw new DOMException('denied', 'SecurityError');
      });
      const disabled = await mount(`endpoint="${OPEN311}"`);
      await toCheck(disabled);
      sinon.clock.tick(5000);
      await next(disabled);
      await until(() => received.length === 2, 'the report with storage disabled');
    });

    it('works without IndexedDB, and keeps the draft when offline then', async () => {
      sinon.stub(IDBDatabase.prototype, 'transaction').throws(new DOMException('unavailable', 'InvalidStateError'));
      worker.use(http.post(`${OPEN311}/requests.json`, () => HttpResponse.error(), { once: true }));
      const el = await mount(`endpoint="${OPEN311}"`);
      await toCheck(el);
      sinon.clock.tick(5000);
      await next(el);
      await until(() => summary(el).length > 0, 'the error');
      expect(summary(el)[0]).to.contain('this device could not keep it');
      expect((JSON.parse(sessionStorage.getItem(DRAFT)!) as { description: string }).description).to.equal('Tags');
      await next(el);
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(received).to.have.length(1);
    });
  });
});
