/**
 * The Open311 GeoReport v2 calls the report form makes. Every call: no cookies, a timeout, the
 * server's own error descriptions kept for the resident, and nothing thrown but Open311Error.
 */
import { decodeBody, readLimited } from '../../core/feed/fetch-feed.js';
import { FeedError } from '../../core/feed/feed-error.js';
import { FeedInput } from '../../core/feed/input.js';
import { readDefinition, readErrors, readRequest, readServices, type Attribute, type RequestResult, type Service } from './open311.js';

export interface Open311Options {
  /** `json` (default) or `xml`: the spec's two formats. */
  format?: 'json' | 'xml';
  jurisdiction?: string | undefined;
  /** Request timeout in ms (default 15 s). */
  timeout?: number;
}

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
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeout ?? 15_000);
  let response: Response;
  let input: FeedInput | undefined;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', signal: controller.signal });
  } catch {
    clearTimeout(timer);
    throw new Open311Error(timedOut ? 'timeout' : 'network');
  }
  const type = response.headers.get('content-type') ?? '';
  try {
    // At most 2 MB, like every feed; an HTML page or a cut-off body is no answer.
    input = new FeedInput(decodeBody(await readLimited(response), type), type, url.href);
  } catch (error) {
    if (timedOut) throw new Open311Error('timeout', response.status);
    // Anything but our own verdict on the body means the connection dropped part-way.
    if (!(error instanceof FeedError)) throw new Open311Error('network', response.status);
    input = undefined;
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    let messages: string[];
    try {
      messages = input ? readErrors(input) : [];
    } catch {
      messages = []; // an HTML error page: the status alone
    }
    throw new Open311Error('http', response.status, messages);
  }
  if (!input) throw new Open311Error('parse', response.status);
  return input;
}

/** Runs a reader, turning a malformed answer into Open311Error('parse'). */
const read = async <T>(input: Promise<FeedInput>, reader: (input: FeedInput) => T): Promise<T> => {
  const body = await input;
  try {
    return reader(body);
  } catch {
    throw new Open311Error('parse', 200);
  }
};

/** `GET services`: what residents can report. */
export const getServices = (endpoint: string, options: Open311Options = {}): Promise<Service[]> =>
  read(call(endpoint, 'services', options), readServices);

/** `GET services/{code}`: a service's questions. */
export const getDefinition = (endpoint: string, code: string, options: Open311Options = {}): Promise<Attribute[]> =>
  read(call(endpoint, `services/${encodeURIComponent(code)}`, options), readDefinition);

/**
 * `POST requests` as application/x-www-form-urlencoded. `fields` are name/value pairs in order, so
 * `attribute[CODE][]` can repeat for a multivaluelist.
 */
export const postRequest = (endpoint: string, fields: [string, string][], options: Open311Options = {}): Promise<RequestResult> => {
  const body = new URLSearchParams(fields);
  if (options.jurisdiction) body.set('jurisdiction_id', options.jurisdiction);
  return read(call(endpoint, 'requests', options, { method: 'POST', body }), readRequest);
};

/** `GET tokens/{token}`: the reference for a request the server queued. */
export const lookupToken = (endpoint: string, token: string, options: Open311Options = {}): Promise<RequestResult> =>
  read(call(endpoint, `tokens/${encodeURIComponent(token)}`, options), readRequest);
