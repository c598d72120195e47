/**
 * The one HTTP layer: every request a widget makes (feeds, the Open311 calls, photo uploads, the
 * outbox, the address lookup) goes through `fetchBody`. It never sends cookies, stops at a timeout or
 * when the caller aborts, streams the body and stops at a size cap (an endless or huge answer never
 * fills memory), and decodes the bytes by the rules below. It throws only `HttpError`, for the three
 * ways a request can fail before there is an answer; any HTTP status is an answer.
 */

/** Bodies over this many bytes are refused (before download when Content-Length says so). */
export const MAX_BYTES = 2 * 1024 * 1024;
const MAX_RETRY_AFTER = 24 * 3600 * 1000;

export type HttpFailure = 'network' | 'timeout' | 'too-large';

/** No answer: `network` (offline, DNS, CORS, a connection dropped part-way, or the caller gave up), `timeout`, `too-large`. */
export class HttpError extends Error {
  constructor(
    readonly reason: HttpFailure,
    readonly status = 0,
  ) {
    super(`civic-widgets HTTP ${reason}${status ? ` (${status})` : ''}`);
  }
}

export interface HttpBody {
  status: number;
  ok: boolean;
  headers: Headers;
  contentType: string;
  /** The decoded body: '' for 304, and for an error status whose body could not be read. */
  text: string;
  /** Milliseconds the server asked us to wait (Retry-After), capped at a day. */
  retryAfter: number | undefined;
}

export interface FetchBodyOptions {
  /** The caller's own signal (a newer request, an element leaving the page). */
  signal?: AbortSignal | undefined;
  /** Milliseconds for the whole exchange, body included. */
  timeout: number;
  maxBytes?: number;
  /** Method, body, headers, cache mode… `credentials` is always `omit`. */
  init?: RequestInit;
}

/** Seconds or an HTTP date → milliseconds from now, capped at a day. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, MAX_RETRY_AFTER) : undefined;
}

function label(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new TextDecoder(value.trim()).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Decodes bytes the way an XML or JSON consumer should: a byte-order mark wins, then the HTTP
 * charset, then an XML declaration's encoding (a declared UTF-16 without a BOM is a lie some
 * servers tell: the bytes are UTF-8), then UTF-8. Legacy feeds in ISO-8859-1 decode correctly.
 */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  let encoding: string | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  encoding ??= label(/charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]);
  if (!encoding) {
    const head = String.fromCharCode(...bytes.subarray(0, 256));
    const declared = label(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]);
    if (declared && !declared.startsWith('utf-16')) encoding = declared;
  }
  const text = new TextDecoder(encoding ?? 'utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The body, streamed and cut off at `maxBytes` (HttpError 'too-large'). */
export async function readLimited(response: Response, maxBytes = MAX_BYTES): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw new HttpError('too-large', response.status);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  for (const reader = response.body.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) return new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
    chunks.push(value);
    if ((total += value.byteLength) > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new HttpError('too-large', response.status);
    }
  }
}

/** One signal for the caller's and the timeout's: `AbortSignal.any`, or the same by hand (Safari < 17.4). */
function either(signal: AbortSignal | undefined, timeout: AbortSignal): AbortSignal {
  if (!signal) return timeout;
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([signal, timeout]);
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal.aborted || timeout.aborted) abort();
  signal.addEventListener('abort', abort, { once: true });
  timeout.addEventListener('abort', abort, { once: true });
  return controller.signal;
}

/** Fetches `url` and reads its body, within `timeout` ms and `maxBytes`. See the module comment. */
export async function fetchBody(url: string | URL, { signal, timeout, maxBytes = MAX_BYTES, init = {} }: FetchBodyOptions): Promise<HttpBody> {
  // A timer rather than AbortSignal.timeout(): it counts the same time as every other timer (and a
  // test's fake clock), and it is cleared as soon as the body is read.
  const timer = new AbortController();
  const clock = setTimeout(() => timer.abort(), timeout);
  try {
    return await exchange(url, either(signal, timer.signal), maxBytes, init, () => new HttpError(timer.signal.aborted && !signal?.aborted ? 'timeout' : 'network'));
  } finally {
    clearTimeout(clock);
  }
}

async function exchange(url: string | URL, signal: AbortSignal, maxBytes: number, init: RequestInit, failure: () => HttpError): Promise<HttpBody> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', referrerPolicy: 'strict-origin-when-cross-origin', ...init, credentials: 'omit', signal });
  } catch {
    throw failure(); // fetch rejects with a TypeError or an AbortError only: no answer
  }
  const contentType = response.headers.get('content-type') ?? '';
  const answer = { status: response.status, ok: response.ok, headers: response.headers, contentType, retryAfter: parseRetryAfter(response.headers.get('retry-after')) };
  if (response.status === 304) return { ...answer, text: '' };
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(response, maxBytes);
  } catch (error) {
    // An error page that cannot be read is still its status.
    if (!response.ok) return { ...answer, text: '' };
    if (error instanceof HttpError) throw error;
    throw failure(); // the connection dropped part-way, or the time ran out
  }
  return { ...answer, text: decodeBody(bytes, contentType) };
}
