// Property tests for every feed parser: never throws (except FeedError), only safe links, plain
// text, and the same answer twice.
import '../setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FeedInput } from '../../src/core/feed/input.js';
import { FeedError } from '../../src/core/feed/feed-error.js';
import { adapters as alertAdapters } from '../../src/alert-banner/formats/index.js';
import { adapters as closureAdapters } from '../../src/closure-ticker/formats/index.js';
import { readDefinition, readErrors, readRequest, readServices } from '../../src/report-form/open311/open311.js';
import { ALL, xmlEscape as x } from './corpus.js';

const BASE = 'https://council.example/feeds/x';
const hostile = fc.oneof(fc.constantFrom(...ALL), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', ' ', '&amp;', ']]>', '__proto__'));

/** Every string anywhere in the parser's output. */
function strings(value: unknown, out: [string, string][] = [], key = ''): [string, string][] {
  if (typeof value === 'string') out.push([key, value]);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, out, k);
  return out;
}

async function run(parse: (input: FeedInput) => unknown, body: string): Promise<unknown> {
  try {
    return await parse(new FeedInput(body, '', BASE));
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return 'FeedError';
  }
}

async function property(parse: (input: FeedInput) => unknown, make: (values: string[]) => string): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(hostile, { minLength: 6, maxLength: 6 }), async (values) => {
      const body = make(values);
      const first = await run(parse, body);
      const second = await run(parse, body);
      expect(JSON.stringify(second)).to.equal(JSON.stringify(first));
      for (const [key, value] of strings(first)) {
        if (key === 'url') expect(new URL(value).protocol).to.be.oneOf(['http:', 'https:', 'mailto:', 'tel:']);
        // eslint-disable-next-line no-control-regex
        expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value), `${key} has control characters`).to.equal(false);
      }
      expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
    }),
    { numRuns: 150 },
  );
}

const json = (v: string[]) => JSON.stringify(v);

describe('parser properties', () => {
  it('civic alerts JSON', () =>
    property((input) => alertAdapters['json']!.parse(input), (v) =>
      `{"alerts":[{"id":${json([v[0]!])}[0],"title":${JSON.stringify(v[1])},"message":${JSON.stringify(v[2])},"url":${JSON.stringify(v[3])},"severity":${JSON.stringify(v[4])},"start":${JSON.stringify(v[5])},"__proto__":{"polluted":1}}]}`,
    ));
  it('RSS alerts', () =>
    property((input) => alertAdapters['rss']!.parse(input), (v) => `<rss version="2.0"><channel><item><title>${x(v[0]!)}</title><description>${x(v[1]!)}</description><link>${x(v[2]!)}</link><category>${x(v[3]!)}</category><pubDate>${x(v[4]!)}</pubDate><guid>${x(v[5]!)}</guid></item></channel></rss>`));
  it('Atom alerts', () =>
    property((input) => alertAdapters['atom']!.parse(input), (v) => `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">${x(v[0]!)}</title><summary type="html">${x(v[1]!)}</summary><link href="${x(v[2]!)}"/><id>${x(v[3]!)}</id><updated>${x(v[4]!)}</updated></entry></feed>`));
  it('CAP alerts', () =>
    property((input) => alertAdapters['cap']!.parse(input), (v) => `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${x(v[0]!)}</identifier><status>Actual</status><msgType>Alert</msgType><references>${x(v[5]!)}</references><info><language>${x(v[4]!)}</language><severity>Severe</severity><headline>${x(v[1]!)}</headline><description>${x(v[2]!)}</description><web>${x(v[3]!)}</web><area><areaDesc>${x(v[5]!)}</areaDesc></area></info></alert>`));
  it('Environment Agency flood JSON', () =>
    property((input) => alertAdapters['ea-floods']!.parse(input), (v) => JSON.stringify({ items: [{ floodAreaID: v[0], description: v[1], message: v[2], severityLevel: v[3]!.length % 5, timeRaised: v[4], county: v[5] }] })));
  it('civic closures JSON', () =>
    property((input) => closureAdapters['json']!.parse(input), (v) => JSON.stringify({ closures: [{ school: v[0], status: ['closed', 'open', v[1]][v[1]!.length % 3], reason: v[2], url: v[3], date: v[4], affected: [v[5]] }] })));
  it('closures CSV (formula injection stays text)', () =>
    property((input) => closureAdapters['csv']!.parse(input), (v) => `school,status,reason,url\n"${v[0]!.replace(/"/g, '""')}",closed,"=HYPERLINK(""${v[1]!.replace(/"/g, '""')}"")","${v[2]!.replace(/"/g, '""')}"\n`));
  it('closures RSS', () =>
    property((input) => closureAdapters['rss']!.parse(input), (v) => `<rss version="2.0"><channel><item><title>${x(`${v[0]} closed, ${v[1]} (${v[2]})`)}</title><description>${x(v[3]!)}</description><link>${x(v[4]!)}</link></item></channel></rss>`));
  it('Open311 services (JSON and XML)', async () => {
    await property(readServices, (v) => JSON.stringify([{ service_code: v[0], service_name: v[1], description: v[2], group: v[3], metadata: v[4] }, { service_code: 7, service_name: v[5] }]));
    await property(readServices, (v) => `<services><service><service_code>${x(v[0]!)}</service_code><service_name>${x(v[1]!)}</service_name><description>${x(v[2]!)}</description><group>${x(v[3]!)}</group><metadata>${x(v[4]!)}</metadata></service></services>`);
  });
  it('Open311 service definitions (JSON and XML)', async () => {
    await property(readDefinition, (v) =>
      JSON.stringify({ attributes: [{ code: v[0], datatype: v[1], description: v[2], datatype_description: v[3], order: v[4], required: v[5], values: [{ key: v[2], name: v[3] }, { key: 1, name: v[0] }] }] }),
    );
    await property(readDefinition, (v) => `<service_definition><attributes><attribute><code>${x(v[0]!)}</code><datatype>singlevaluelist</datatype><description>${x(v[2]!)}</description><values><value><key>${x(v[3]!)}</key><name>${x(v[4]!)}</name></value></values></attribute></attributes></service_definition>`);
  });
  it('Open311 request answers and errors', async () => {
    await property(readRequest, (v) => JSON.stringify([{ service_request_id: v[0], token: v[1], service_notice: v[2] }]));
    await property(readRequest, (v) => `<service_requests><request><service_request_id>${x(v[0]!)}</service_request_id><service_notice>${x(v[2]!)}</service_notice></request></service_requests>`);
    await property(readErrors, (v) => JSON.stringify([{ code: 400, description: v[0] }, { code: v[1], description: v[2] }]));
    await property(readErrors, (v) => `<errors><error><code>400</code><description>${x(v[0]!)}</description></error></errors>`);
  });
});
