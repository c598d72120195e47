/**
 * A faithful Open311 GeoReport v2 server as msw handlers, for tests, stories and the demo.
 * JSON and XML; a service with every attribute datatype; batch servers that answer with a token;
 * 400 for missing fields, 403 for a bad api_key, 404 for unknown codes and tokens.
 */
import { http, HttpResponse } from 'msw';

export const OPEN311 = 'https://council.example/open311/v2';

type Value = {
  key: string;
  name: string;
};
interface Attr {
  variable: boolean;
  code: string;
  datatype: string;
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: Value[];
}

export const services = [
  { service_code: 'FLY', service_name: 'Fly-tipping', description: 'Rubbish dumped on public land.', metadata: true, type: 'realtime', keywords: 'rubbish,dumping', group: 'Street cleaning' },
  { service_code: 'GRAF', service_name: 'Graffiti', description: 'Graffiti on walls, signs or bus shelters.', metadata: false, type: 'realtime', keywords: '', group: 'Street cleaning' },
  { service_code: 'POT', service_name: 'Pothole', description: 'A hole or crack in a road or pavement.', metadata: true, type: 'batch', keywords: 'road', group: 'Roads' },
];

const yesNo = [
  { key: 'yes', name: 'Yes' },
  { key: 'no', name: 'No' },
];

export const definitions: Record<string, Attr[]> = {
  FLY: [
    { variable: false, code: 'NOTE', datatype: 'string', required: false, datatype_description: '', order: 1, description: 'Do not touch or move anything that could be dangerous, such as needles or chemicals.' },
    { variable: true, code: 'TYPE', datatype: 'multivaluelist', required: true, datatype_description: 'Choose all that apply.', order: 2, description: 'What has been dumped?', values: [{ key: 'bags', name: 'Black bags' }, { key: 'furniture', name: 'Furniture' }, { key: 'builders', name: 'Builders’ waste' }, { key: 'other', name: 'Something else' }] },
    { variable: true, code: 'SIZE', datatype: 'singlevaluelist', required: true, datatype_description: '', order: 3, description: 'How much is there?', values: [{ key: 'small', name: 'A few items' }, { key: 'car', name: 'A car boot load' }, { key: 'van', name: 'A van load' }] },
    { variable: true, code: 'BLOCKING', datatype: 'singlevaluelist', required: false, datatype_description: '', order: 4, description: 'Is it blocking the path?', values: yesNo },
    { variable: true, code: 'COUNT', datatype: 'number', required: false, datatype_description: 'Roughly', order: 5, description: 'How many bags?' },
    { variable: true, code: 'SEEN', datatype: 'datetime', required: false, datatype_description: '', order: 6, description: 'When did you see it being dumped?' },
    { variable: true, code: 'WHO', datatype: 'text', required: false, datatype_description: 'A vehicle registration helps.', order: 7, description: 'Anything else about who dumped it?' },
    {
      variable: true, code: 'COUNCIL', datatype: 'singlevaluelist', required: false, datatype_description: '', order: 8, description: 'Which land is it on?',
      values: Array.from({ length: 8 }, (_, i) => ({ key: `l${i}`, name: ['Road', 'Pavement', 'Park', 'Alley', 'Car park', 'Verge', 'Private land', 'Not sure'][i]! })),
    },
  ],
  POT: [
    { variable: true, code: 'DEPTH', datatype: 'singlevaluelist', required: true, datatype_description: '', order: 1, description: 'How deep is it?', values: [{ key: 'shallow', name: 'Less than 4 cm' }, { key: 'deep', name: '4 cm or more' }] },
    { variable: true, code: 'ROAD', datatype: 'string', required: false, datatype_description: '', order: 2, description: 'Road name (if you know it)' },
  ],
};

const xml = (root: string, inner: string, status = 200) =>
  new HttpResponse(`<?xml version="1.0" encoding="utf-8"?><${root}>${inner}</${root}>`, { status, headers: { 'content-type': 'text/xml; charset=utf-8' } });
const esc = (v: unknown) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const fields = (o: object) => Object.entries(o).map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('');

function errors(format: string, status: number, ...descriptions: string[]) {
  const list = descriptions.map((description) => ({ code: status, description }));
  return format === 'xml' ? xml('errors', list.map((e) => `<error>${fields(e)}</error>`).join(''), status) : HttpResponse.json(list, { status });
}

/** Reports received by the mock, in order (tests read them to prove what was sent, and how often). */
export const received: URLSearchParams[] = [];
const tokens = new Map<string, { id: string; polls: number }>();

/** Photos received by the mock media endpoint, in order. */
export const uploads: File[] = [];
export const MEDIA = 'https://council.example/media';

export function resetOpen311(): void {
  received.length = 0;
  uploads.length = 0;
  tokens.clear();
  tokenDelay = 1;
}

/** How many token lookups a batch server needs before it knows the reference. */
export let tokenDelay = 1;
export function setTokenDelay(polls: number): void {
  tokenDelay = polls;
}

export const open311Handlers = [
  // The council's photo store: multipart field `media` in, `{ url }` out.
  http.post(MEDIA, async ({ request }) => {
    const media = (await request.formData()).get('media');
    if (!(media instanceof File)) return HttpResponse.json({ error: 'media is required' }, { status: 400 });
    uploads.push(media);
    return HttpResponse.json({ url: `${MEDIA}/${uploads.length}.jpg` });
  }),
  http.get(`${OPEN311}/services.:format`, ({ params }) => {
    const format = String(params['format']);
    return format === 'xml'
      ? xml('services', services.map((s) => `<service>${fields(s)}</service>`).join(''))
      : HttpResponse.json(services);
  }),
  http.get(`${OPEN311}/services/:code.:format`, ({ params }) => {
    const format = String(params['format']);
    const code = String(params['code']);
    const attributes = definitions[code];
    if (!attributes) return errors(format, 404, `Service ${code} not found`);
    if (format !== 'xml') return HttpResponse.json({ service_code: code, attributes });
    const attrXml = attributes
      .map((a) => {
        const { values = [], ...rest } = a;
        return `<attribute>${fields(rest)}<values>${values.map((v) => `<value>${fields(v)}</value>`).join('')}</values></attribute>`;
      })
      .join('');
    return xml('service_definition', `<service_code>${code}</service_code><attributes>${attrXml}</attributes>`);
  }),
  http.post(`${OPEN311}/requests.:format`, async ({ request, params }) => {
    const format = String(params['format']);
    const body = new URLSearchParams(await request.text());
    if (body.get('api_key') === 'bad-key') return errors(format, 403, 'Invalid api_key');
    const service = services.find((s) => s.service_code === body.get('service_code'));
    const missing: string[] = [];
    if (!service) missing.push('service_code is not a known service');
    if (!(body.get('lat') && body.get('long')) && !body.get('address_string')) missing.push('A location is required: lat and long, or address_string');
    for (const a of (service && definitions[service.service_code]) ?? []) {
      if (a.variable && a.required && !body.get(`attribute[${a.code}]`) && !body.getAll(`attribute[${a.code}][]`).length) missing.push(`${a.description} is required`);
    }
    if (missing.length) return errors(format, 400, ...missing);
    received.push(body);
    const id = String(100000 + received.length);
    const notice = service!.type === 'batch' ? 'We will look at this within 5 working days.' : 'We aim to clear this within 2 working days.';
    if (service!.type === 'batch') {
      const token = `t-${id}`;
      tokens.set(token, { id, polls: 0 });
      return format === 'xml' ? xml('service_requests', `<request>${fields({ token, service_notice: notice })}</request>`) : HttpResponse.json([{ token, service_notice: notice }]);
    }
    const answer = { service_request_id: id, service_notice: notice, account_id: '' };
    return format === 'xml' ? xml('service_requests', `<request>${fields(answer)}</request>`) : HttpResponse.json([answer]);
  }),
  http.get(`${OPEN311}/tokens/:token.:format`, ({ params }) => {
    const format = String(params['format']);
    const entry = tokens.get(String(params['token']));
    if (!entry) return errors(format, 404, 'Token not found');
    entry.polls++;
    const answer = entry.polls >= tokenDelay ? { service_request_id: entry.id, token: params['token'] } : { token: params['token'] };
    return format === 'xml' ? xml('service_requests', `<request>${fields(answer)}</request>`) : HttpResponse.json([answer]);
  }),
];
