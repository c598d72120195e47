import { worker, http, HttpResponse } from '../setup.js';
import { expect } from '@open-wc/testing';
import { decodeBody } from '../../src/core/http.js';
import { FeedInput } from '../../src/core/feed/input.js';
import { readDefinition, readErrors, readRequest, readServices } from '../../src/report-form/open311/open311.js';
import { getDefinition, getServices, lookupToken, Open311Error, postRequest } from '../../src/report-form/open311/client.js';

async function fixture(name: string): Promise<FeedInput> {
  const bytes = new Uint8Array(await (await fetch(`/test/fixtures/real/open311/${name}`)).arrayBuffer());
  return new FeedInput(decodeBody(bytes, ''), '', 'https://council.example/open311/v2/x');
}
const text = (body: string) => new FeedInput(body, '', 'https://council.example/open311/v2/x');

const EP = 'https://council.example/open311/v2';

describe('Open311 GeoReport v2', () => {
  describe('reading real servers’ answers', () => {
    it('reads San Francisco’s services.xml in order, with groups and descriptions trimmed', async () => {
      const services = readServices(await fixture('sf311-services.xml'));
      expect(services).to.have.length(36);
      expect(services[0]).to.deep.equal({
        code: '001',
        name: 'Cans_Left_Out_24x7',
        description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.',
        group: 'Litter Receptacles',
        metadata: false,
      });
    });

    it('reads Gießen’s one-line services.xml with German text and no groups', async () => {
      const services = readServices(await fixture('giessen-services.xml'));
      expect(services.length).to.be.greaterThan(3);
      expect(services.every((s) => s.group === '' && typeof s.code === 'string')).to.equal(true);
      expect(services.map((s) => s.name).join(' ')).to.match(/[äöüß]/);
    });

    it('reads Bloomington’s services.json, turning numeric codes into strings', async () => {
      const services = readServices(await fixture('bloomington-services.json'));
      expect(services).to.have.length(53);
      expect(services[0]!.code).to.equal('2');
      expect(services[0]!.group).to.equal('Cleanup & Sanitation');
    });

    it('reads a service definition whose attributes sit straight under <service_definition>', async () => {
      const [attribute] = readDefinition(await fixture('service-definition-no-attributes-wrapper.xml'));
      expect(attribute).to.deep.equal({
        code: 'WHISHETN',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        description: 'What is the ticket/tag/DL number?',
        hint: '',
        order: 1,
        values: [
          { key: '123', name: 'Ford' },
          { key: '124', name: 'Chrysler' },
        ],
      });
    });

    it('reads JSON definitions: "true" strings, a single value object, order, and leaves out automated attributes', () => {
      const attributes = readDefinition(
        text(
          JSON.stringify({
            service_code: 'POT',
            attributes: [
              { code: 'SIZE', datatype: 'singlevaluelist', required: 'true', order: 2, description: 'How big is it?', values: { key: 1, name: 'Small' } },
              { code: 'NOTE', datatype: 'text', variable: false, order: 1, description: 'Potholes on main roads are fixed within 24 hours.' },
              { code: 'ASSET', datatype: 'string', automated: 'hidden_field', order: 0 },
              { code: 'WEIRD', datatype: 'hologram', order: 3 },
            ],
          }),
        ),
      );
      expect(attributes.map((a) => [a.code, a.variable, a.required])).to.deep.equal([
        ['NOTE', false, false],
        ['SIZE', true, true],
      ]);
      expect(attributes[1]!.values).to.deep.equal([{ key: '1', name: 'Small' }]);
    });

    it('keeps an XML question whose <automated> is false, and leaves out one that is true', () => {
      const attribute = (code: string, automatedValue: string) =>
        `<attribute><variable>true</variable><code>${code}</code><datatype>string</datatype><required>false</required><order>1</order><description>${code}?</description><automated>${automatedValue}</automated></attribute>`;
      const attributes = readDefinition(
        new FeedInput(`<?xml version="1.0"?><service_definition><service_code>POT</service_code><attributes>${attribute('KEEP', 'false')}${attribute('DROP', 'true')}${attribute('HIDDEN', 'hidden_field')}</attributes></service_definition>`, 'text/xml', 'https://council.example/'),
      );
      expect(attributes.map((a) => a.code)).to.deep.equal(['KEEP']);
    });

    it('reads the answer to POST requests, trimming the notice', async () => {
      expect(readRequest(await fixture('post-service-request-response.xml'))).to.deep.equal({
        id: '293944',
        token: undefined,
        notice:
          'The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code',
      });
      expect(readRequest(text('[{"token":"abc123","service_notice":""}]'))).to.deep.equal({ id: undefined, token: 'abc123', notice: '' });
    });

    it('reads errors as <errors>, as a bare <error>, and as JSON', async () => {
      expect(readErrors(await fixture('error-404-not-found.xml'))).to.deep.equal(['Service request not found with id or token not-an-id']);
      const raw = await (await fetch('/test/fixtures/real/open311/error-403-raw-http.xml')).text();
      expect(readErrors(text(raw.slice(raw.indexOf('<?xml'))))).to.deep.equal(["Invalid api_key received -- can't proceed with create_request."]);
      expect(readErrors(text('[{"code":400,"description":"<b>lat</b> is required"}]'))).to.deep.equal(['<b>lat</b> is required']);
    });

    it('survives every real file with every reader: a result or a FeedError, nothing else', async () => {
      const files = [
        'bloomington-services.json', 'chicago-service-requests.json', 'koeln-service-requests.json', 'toronto-service-requests.xml',
        'sf311-services.xml', 'giessen-services.xml', 'error-404-not-found.xml', 'error-403-raw-http.xml',
        'post-service-request-response.xml', 'service-definition-no-attributes-wrapper.xml',
      ];
      for (const name of files) {
        for (const reader of [readServices, readDefinition, readRequest, readErrors]) {
          try {
            expect(reader(await fixture(name)), `${name} ${reader.name}`).to.be.an(reader === readRequest ? 'object' : 'array');
          } catch (error) {
            expect((error as Error).constructor.name, `${name} ${reader.name}`).to.equal('FeedError');
          }
        }
      }
    });

    it('never lets a hostile key reach the prototype', () => {
      const services = readServices(text('<services><service><service_code>x</service_code><__proto__><polluted>yes</polluted></__proto__></service></services>'));
      expect(services).to.have.length(1);
      expect(({} as { polluted?: string }).polluted).to.equal(undefined);
    });
  });

  describe('calling a server', () => {
    it('GETs services with jurisdiction_id, in JSON or XML, without cookies', async () => {
      const seen: Request[] = [];
      worker.use(
        http.get(`${EP}/services.json`, ({ request }) => (seen.push(request), HttpResponse.json([{ service_code: 'FLY', service_name: 'Fly-tipping', group: 'Street' }]))),
        http.get(`${EP}/services.xml`, ({ request }) => (seen.push(request), HttpResponse.xml('<services><service><service_code>GRAF</service_code><service_name>Graffiti</service_name></service></services>'))),
      );
      expect((await getServices(EP, { jurisdiction: 'anyshire.gov.uk' }))[0]!.name).to.equal('Fly-tipping');
      expect((await getServices(EP, { format: 'xml' }))[0]!.code).to.equal('GRAF');
      expect(new URL(seen[0]!.url).searchParams.get('jurisdiction_id')).to.equal('anyshire.gov.uk');
      expect(seen[0]!.credentials).to.equal('omit');
    });

    it('GETs a definition by its encoded code', async () => {
      worker.use(http.get(`${EP}/services/:code`, ({ params }) => HttpResponse.json({ service_code: params['code'], attributes: [{ code: 'Q', datatype: 'number', order: 1, description: 'How many?' }] })));
      const [q] = await getDefinition(EP, 'POT HOLE');
      expect(q!.datatype).to.equal('number');
    });

    it('POSTs a request form-encoded, repeating attribute[CODE][] for several values', async () => {
      let body = '';
      let type = '';
      worker.use(
        http.post(`${EP}/requests.json`, async ({ request }) => {
          type = request.headers.get('content-type') ?? '';
          body = await request.text();
          return HttpResponse.json([{ service_request_id: 12345, service_notice: 'We aim to clear it in 5 days.' }]);
        }),
      );
      const result = await postRequest(
        EP,
        [
          ['service_code', 'FLY'],
          ['description', 'Sofa & mattress by the bins'],
          ['attribute[TYPE][]', 'furniture'],
          ['attribute[TYPE][]', 'bags'],
          ['api_key', 'public-key'],
        ],
        { jurisdiction: 'anyshire.gov.uk' },
      );
      expect(type).to.match(/^application\/x-www-form-urlencoded/);
      const sent = new URLSearchParams(body);
      expect(sent.getAll('attribute[TYPE][]')).to.deep.equal(['furniture', 'bags']);
      expect(sent.get('description')).to.equal('Sofa & mattress by the bins');
      expect(sent.get('jurisdiction_id')).to.equal('anyshire.gov.uk');
      expect(result).to.deep.equal({ id: '12345', token: undefined, notice: 'We aim to clear it in 5 days.' });
    });

    it('looks up a token', async () => {
      worker.use(http.get(`${EP}/tokens/:token`, () => HttpResponse.json([{ service_request_id: '638344', token: '12345' }])));
      expect((await lookupToken(EP, '12345')).id).to.equal('638344');
    });

    it('turns a 403 for a bad key into the server’s own words, and other failures into clear reasons', async () => {
      worker.use(
        http.post(`${EP}/requests.json`, () => HttpResponse.json([{ code: 403, description: 'Invalid api_key' }], { status: 403 })),
        http.get(`${EP}/services.json`, () => HttpResponse.error()),
        http.get(`${EP}/services.xml`, () => HttpResponse.html('<!DOCTYPE html><p>502 Bad Gateway</p>', { status: 502 })),
      );
      const denied = await postRequest(EP, [['service_code', 'FLY']]).catch((e: unknown) => e);
      expect(denied).to.be.instanceOf(Open311Error);
      expect([(denied as Open311Error).reason, (denied as Open311Error).status, (denied as Open311Error).messages]).to.deep.equal(['http', 403, ['Invalid api_key']]);
      expect(((await getServices(EP).catch((e: unknown) => e)) as Open311Error).reason).to.equal('network');
      const gateway = (await getServices(EP, { format: 'xml' }).catch((e: unknown) => e)) as Open311Error;
      expect([gateway.reason, gateway.status, gateway.messages]).to.deep.equal(['http', 502, []]);
    });
  });
});

describe('the Open311 mock used by tests, stories and the demo', () => {
  // Imported lazily so the tests above do not depend on it.
  let mock: typeof import('../mocks/open311.js');
  before(async () => {
    mock = await import('../mocks/open311.js');
  });
  beforeEach(() => {
    worker.use(...mock.open311Handlers);
    mock.resetOpen311();
    mock.setTokenDelay(1);
  });

  for (const format of ['json', 'xml'] as const) {
    it(`serves services and a definition with every datatype, in ${format}`, async () => {
      const services = await getServices(mock.OPEN311, { format });
      expect(services.map((s) => s.code)).to.deep.equal(['FLY', 'GRAF', 'POT']);
      const fly = await getDefinition(mock.OPEN311, 'FLY', { format });
      expect(new Set(fly.map((a) => a.datatype))).to.deep.equal(new Set(['string', 'multivaluelist', 'singlevaluelist', 'number', 'datetime', 'text']));
      expect(fly[0]!.variable).to.equal(false);
      expect(fly.find((a) => a.code === 'COUNCIL')!.values).to.have.length(8);
    });

    it(`accepts a complete report, refuses a missing answer (400) and a bad key (403), in ${format}`, async () => {
      const base: [string, string][] = [['service_code', 'FLY'], ['address_string', 'Back lane behind 12 High Street'], ['attribute[TYPE][]', 'bags'], ['attribute[SIZE]', 'car']];
      expect((await postRequest(mock.OPEN311, base, { format })).id).to.equal('100001');
      const missing = (await postRequest(mock.OPEN311, base.slice(0, 2), { format }).catch((e: unknown) => e)) as Open311Error;
      expect([missing.status, missing.messages]).to.deep.equal([400, ['What has been dumped? is required', 'How much is there? is required']]);
      const denied = (await postRequest(mock.OPEN311, [...base, ['api_key', 'bad-key']], { format }).catch((e: unknown) => e)) as Open311Error;
      expect([denied.status, denied.messages]).to.deep.equal([403, ['Invalid api_key']]);
      expect(mock.received).to.have.length(1);
    });
  }

  it('answers a batch service with a token, and the reference after the set number of lookups', async () => {
    mock.setTokenDelay(2);
    const queued = await postRequest(mock.OPEN311, [['service_code', 'POT'], ['lat', '51.5'], ['long', '-0.1'], ['attribute[DEPTH]', 'deep']]);
    expect(queued.id).to.equal(undefined);
    expect(queued.token).to.equal('t-100001');
    expect((await lookupToken(mock.OPEN311, queued.token!)).id).to.equal(undefined);
    expect((await lookupToken(mock.OPEN311, queued.token!)).id).to.equal('100001');
  });
});
