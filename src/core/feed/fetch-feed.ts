import { FeedError } from './feed-error.js';

/** Bodies over this many bytes are refused (before download when Content-Length says so). */
export const MAX_BYTES = 2 * 1024 * 1024;
const MAX_RETRY_AFTER = 24 * 3600 * 1000;

export interface FeedResponse {
  /** 200…299, or 304 when a proxy or service worker answered a revalidation itself. */
  status: number;
  contentType: string;
  /** The decoded body ('' for 304). */
  text: string;
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

/** The body, streamed and cut off at MAX_BYTES (FeedError 'too-large'). */
export async function readLimited(response: Response): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length')) > MAX_BYTES) throw new FeedError('too-large', response.status);
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Streamed, so an endless or huge body is cut off at the limit instead of filling memory.
  if (!response.body) return new Uint8Array();
  for (const reader = response.body.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) return new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
    chunks.push(value);
    if ((total += value.byteLength) > MAX_BYTES) {
      void reader.cancel().catch(() => undefined);
      throw new FeedError('too-large', response.status);
    }
  }
}

/**
 * Fetches a feed with no cookies (`credentials: 'omit'`), revalidating through the browser's HTTP
 * cache (`cache: 'no-cache'` sends If-None-Match / If-Modified-Since for us, so an unchanged feed
 * costs a 304 and no preflight), within `timeout` milliseconds. Every failure is a FeedError.
 */
export async function fetchFeed(url: string, signal: AbortSignal, timeout: number): Promise<FeedResponse> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  signal.addEventListener('abort', abort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      cache: 'no-cache',
      redirect: 'follow',
      referrerPolicy: 'strict-origin-when-cross-origin',
      signal: controller.signal,
    });
    if (response.status === 304) return { status: 304, contentType: '', text: '' };
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new FeedError('http', response.status, parseRetryAfter(response.headers.get('retry-after')));
    }
    const contentType = response.headers.get('content-type') ?? '';
    const bytes = await readLimited(response);
    return { status: response.status, contentType, text: decodeBody(bytes, contentType) };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError(timedOut ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
