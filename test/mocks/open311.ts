/**
 * A faithful Open311 GeoReport v2 server as msw handlers, for tests, stories and the demo.
 * JSON and XML; a service with every attribute datatype; batch servers that answer with a token;
 * 400 for missing fields, 403 for a bad api_key, 404 for unknown codes and tokens.
 */
import { http, HttpResponse } from 'msw';
import anyshire from '../fixtures/open311.json';

export const OPEN311 = 'https://council.example/open311/v2';

interface Attr {
  variable: boolean;
  code: string;
  datatype: string;
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

/** The services and their questions (one with every datatype): one file, shared with the demo server. */
export const services = anyshire.services;
export const definitions: Record<string, Attr[]> = anyshire.definitions;

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

/**
 * The server at `base`, its photo store at `media`. `photoUrl` is what the store answers for the
 * n-th photo (an absolute URL by default; some stores answer a path).
 */
/** What one server has received: tests read the shared one; each story gets its own (newOpen311State). */
export interface Open311State {
  received: URLSearchParams[];
  uploads: File[];
  tokens: Map<string, { id: string; polls: number }>;
}
export const newOpen311State = (): Open311State => ({ received: [], uploads: [], tokens: new Map() });

export const open311HandlersAt = (base: string, media: string, photoUrl = (n: number) => `${media}/${n}.jpg`, state: Open311State = { received, uploads, tokens }) => [
  // The council's photo store: multipart field `media` in, `{ url }` out.
  http.post(media, async ({ request }) => {
    const file = (await request.formData()).get('media');
    if (!(file instanceof File)) return HttpResponse.json({ error: 'media is required' }, { status: 400 });
    state.uploads.push(file);
    return HttpResponse.json({ url: photoUrl(state.uploads.length) });
  }),
  http.get(`${base}/services.:format`, ({ params }) => {
    const format = String(params['format']);
    return format === 'xml'
      ? xml('services', services.map((s) => `<service>${fields(s)}</service>`).join(''))
      : HttpResponse.json(services);
  }),
  http.get(`${base}/services/:code.:format`, ({ params }) => {
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
  http.post(`${base}/requests.:format`, async ({ request, params }) => {
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
    state.received.push(body);
    const id = String(100000 + state.received.length);
    const notice = service!.type === 'batch' ? 'We will look at this within 5 working days.' : 'We aim to clear this within 2 working days.';
    if (service!.type === 'batch') {
      const token = `t-${id}`;
      state.tokens.set(token, { id, polls: 0 });
      return format === 'xml' ? xml('service_requests', `<request>${fields({ token, service_notice: notice })}</request>`) : HttpResponse.json([{ token, service_notice: notice }]);
    }
    const answer = { service_request_id: id, service_notice: notice, account_id: '' };
    return format === 'xml' ? xml('service_requests', `<request>${fields(answer)}</request>`) : HttpResponse.json([answer]);
  }),
  http.get(`${base}/tokens/:token.:format`, ({ params }) => {
    const format = String(params['format']);
    const entry = state.tokens.get(String(params['token']));
    if (!entry) return errors(format, 404, 'Token not found');
    entry.polls++;
    const answer = entry.polls >= tokenDelay ? { service_request_id: entry.id, token: params['token'] } : { token: params['token'] };
    return format === 'xml' ? xml('service_requests', `<request>${fields(answer)}</request>`) : HttpResponse.json([answer]);
  }),
];

export const open311Handlers = open311HandlersAt(OPEN311, MEDIA);
