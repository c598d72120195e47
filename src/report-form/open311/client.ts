/**
 * The Open311 GeoReport v2 calls the report form makes. Every call: no cookies, a timeout, the
 * server's own error descriptions kept for the resident, and nothing thrown but Open311Error.
 */
import { fetchBody, HttpError } from '../../core/http.js';
import { encode, textCuts } from '../../core/text.js';
import { FeedError } from '../../core/feed/feed-error.js';
import { FeedInput } from '../../core/feed/input.js';
import { readDefinition, readErrors, readRequest, readServices, type Attribute, type RequestResult, type Service } from './open311.js';

export interface Open311Options {
  /** `json` (default) or `xml`: the spec's two formats. */
  format?: 'json' | 'xml';
  jurisdiction?: string | undefined;
  /** Request timeout in ms (default 15 s). */
  timeout?: number;
  /** Told how many of an answer's texts were cut to their length limit (never stored: the outbox keeps options). */
  onShortened?: ((count: number) => void) | undefined;
  /** The resident's language, sent with a report as Content-Language (a CORS-safelisted header). */
  lang?: string | undefined;
}

/**
 * Servers that said they take an `Idempotency-Key` (civic-relay's `Civic-Relay: idempotency` on its
 * answers). The header is not CORS-safelisted, so to any other server on another origin it would
 * add a preflight that a plain Open311 server fails: it is sent only where it cannot break a request.
 */
const relays = new Set<string>();
const base = (endpoint: string) => new URL(endpoint, document.baseURI).href.replace(/\/+$/, '');

/** Whether a report to `endpoint` may carry an Idempotency-Key: same origin (no preflight), or a server that said so. */
export const takesIdempotencyKey = (endpoint: string): boolean => new URL(base(endpoint)).origin === location.origin || relays.has(base(endpoint));

/** Why a call failed: `network` (offline, DNS, CORS), `timeout`, `http` (with the server's messages), or `parse`. */
export class Open311Error extends Error {
  constructor(
    readonly reason: 'network' | 'timeout' | 'http' | 'parse',
    readonly status = 0,
    /** The server's own descriptions (400, 403, 404…), as plain text. */
    readonly messages: string[] = [],
  ) {
    super(`Open311 ${reason}${status ? ` ${status}` : ''}${messages.length ? `: ${messages.join('; ')}` : ''}`);
  }
}

async function call(endpoint: string, path: string, options: Open311Options, init: RequestInit = {}): Promise<FeedInput> {
  const format = options.format ?? 'json';
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/${path}.${format}`, document.baseURI);
  if (options.jurisdiction && init.method !== 'POST') url.searchParams.set('jurisdiction_id', options.jurisdiction);
  let body;
  try {
    // At most 2 MB, like every feed; an HTML page or a cut-off body is no answer.
    body = await fetchBody(url, { timeout: options.timeout ?? 15_000, init });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error; // a bug: seen, not a "network" problem
    // A body over the cap is no Open311 answer; cut off part-way, the connection dropped.
    throw new Open311Error(error.reason === 'too-large' ? 'parse' : error.reason, error.status);
  }
  if (/\bidempotency\b/i.test(body.headers.get('civic-relay') ?? '')) relays.add(base(endpoint));
  const input = feedInput(body.text, body.contentType, url.href);
  if (!body.ok) throw new Open311Error('http', body.status, input ? errorMessages(input) : []);
  if (!input) throw new Open311Error('parse', body.status);
  return input;
}

/** The body as something to read, or undefined for an HTML page or an empty body. */
function feedInput(text: string, type: string, url: string): FeedInput | undefined {
  try {
    return new FeedInput(text, type, url);
  } catch (error) {
    if (error instanceof FeedError) return undefined;
    throw error;
  }
}

/** The server's own descriptions of an error; none when it is not Open311's error format. */
function errorMessages(input: FeedInput): string[] {
  try {
    return readErrors(input);
  } catch (error) {
    if (error instanceof FeedError) return []; // the status alone
    throw error;
  }
}

/** Runs a reader, turning a malformed answer into Open311Error('parse'). */
const read = async <T>(input: Promise<FeedInput>, reader: (input: FeedInput) => T, options: Open311Options): Promise<T> => {
  const body = await input;
  try {
    // Reading is synchronous: the texts cut meanwhile are this answer's.
    const before = textCuts();
    const result = reader(body);
    const shortened = textCuts() - before;
    if (shortened) options.onShortened?.(shortened);
    return result;
  } catch (error) {
    if (error instanceof FeedError) throw new Open311Error('parse', 200);
    throw error; // a bug in a reader: seen, never "could not confirm"
  }
};

/** `GET services`: what residents can report. */
export const getServices = (endpoint: string, options: Open311Options = {}): Promise<Service[]> =>
  read(call(endpoint, 'services', options), readServices, options);

/** `GET services/{code}`: a service's questions. */
export const getDefinition = (endpoint: string, code: string, options: Open311Options = {}): Promise<Attribute[]> =>
  read(call(endpoint, `services/${encode(code)}`, options), readDefinition, options);

/**
 * `POST requests` as application/x-www-form-urlencoded. `fields` are name/value pairs in order, so
 * `attribute[CODE][]` can repeat for a multivaluelist.
 */
export const postRequest = (endpoint: string, fields: [string, string][], options: Open311Options = {}, idempotencyKey?: string): Promise<RequestResult> => {
  const body = new URLSearchParams(fields);
  if (options.jurisdiction) body.set('jurisdiction_id', options.jurisdiction);
  const headers: Record<string, string> = {};
  if (options.lang && /^[a-z]{2,3}$/.test(options.lang)) headers['Content-Language'] = options.lang;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  return read(call(endpoint, 'requests', options, { method: 'POST', body, headers }), readRequest, options);
};

/** `GET tokens/{token}`: the reference for a request the server queued. */
export const lookupToken = (endpoint: string, token: string, options: Open311Options = {}): Promise<RequestResult> =>
  read(call(endpoint, `tokens/${encode(token)}`, options), readRequest, options);
