/**
 * Calls to a configured Open311 upstream. The URL is always the upstream's own endpoint plus a path
 * the relay builds from checked parts: nothing a browser sends becomes an address (no open proxy).
 */
import type { Upstream } from './config.js';
import { readBody, type Format } from './open311.js';

export const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export type Outcome =
  | { kind: 'answer'; status: number; body: unknown; etag: string | undefined }
  /** No usable answer: the relay keeps the report and tries again. */
  | { kind: 'failed'; reason: 'timeout' | 'network' | 'server' | 'not-open311' | 'too-large'; status: number };

/** The body's bytes, or undefined past `max` (the rest is not read). Shared with the feeds. */
export async function readCapped(response: Response, max: number): Promise<Buffer | undefined> {
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value: Uint8Array };
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readLimited(response: Response): Promise<string | undefined> {
  const bytes = await readCapped(response, MAX_ANSWER_BYTES);
  return bytes && new TextDecoder().decode(bytes);
}

/** `path` is built by the relay (`services`, `services/<encoded code>`, `requests`…), without extension. */
export async function call(upstream: Upstream, path: string, init: { method?: 'GET' | 'POST'; form?: URLSearchParams; query?: URLSearchParams; etag?: string | undefined } = {}): Promise<Outcome> {
  const format: Format = upstream.format;
  const url = new URL(`${upstream.endpoint}/${path}.${format}`);
  if (url.origin !== new URL(upstream.endpoint).origin) throw new Error(`refusing to call ${url.origin}`); // cannot happen: a bug
  init.query?.forEach((value, name) => url.searchParams.append(name, value));
  if (upstream.jurisdictionId && init.method !== 'POST') url.searchParams.set('jurisdiction_id', upstream.jurisdictionId);
  const headers: Record<string, string> = { accept: format === 'json' ? 'application/json' : 'text/xml, application/xml', 'user-agent': 'civic-relay' };
  if (init.etag) headers['if-none-match'] = init.etag;
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      ...(init.form && { body: init.form }),
      redirect: 'error', // a redirect could lead anywhere
      signal: AbortSignal.timeout(upstream.timeoutMs),
    });
  } catch (error) {
    const name = (error as Error).name;
    return { kind: 'failed', reason: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', status: 0 };
  }
  let text;
  try {
    text = await readLimited(response);
  } catch (error) {
    const name = (error as Error).name;
    return { kind: 'failed', reason: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', status: response.status };
  }
  if (text === undefined) return { kind: 'failed', reason: 'too-large', status: response.status };
  const etag = response.headers.get('etag') ?? undefined;
  if (response.status === 304) return { kind: 'answer', status: 304, body: undefined, etag };
  if (response.status >= 500 || response.status === 408 || response.status === 429) return { kind: 'failed', reason: 'server', status: response.status };
  const body = readBody(text, format);
  if (body === undefined && response.status < 400) return { kind: 'failed', reason: 'not-open311', status: response.status };
  return { kind: 'answer', status: response.status, body, etag };
}
