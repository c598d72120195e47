/**
 * Reports that could not be sent (offline, DNS, timeout) wait in IndexedDB, photos included, and are
 * sent when the device is back online, when the page becomes visible again, with backoff, and when
 * any page with a report form loads.
 *
 * Sent at most once after a confirmed success: an entry is deleted as soon as the server accepts it,
 * and one drain runs at a time, in this page (a shared promise) and across tabs (a Web Lock).
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { backoffDelay, OUTBOX } from '../core/backoff.js';
import { schedule } from '../core/scheduler.js';
import { fetchBody, HttpError } from '../core/http.js';
import { isRecord } from '../core/storage.js';
import { absoluteUrl, safeUrl } from '../core/safe-url.js';
import { Open311Error, postRequest, type Open311Options } from './open311/client.js';
import type { Draft } from './draft.js';
import type { RequestResult } from './open311/open311.js';

export interface Report {
  /** Absolute (see absoluteUrl): the report may be sent from another page, with another base. */
  endpoint: string;
  options: Open311Options;
  /** Where photos go first (multipart field `media`), answering `{ "url": … }`. Absolute. */
  mediaEndpoint?: string | undefined;
  /** The POST fields, in order (everything but `media_url`). */
  fields: [string, string][];
  photos: Blob[];
  /** The photo store's address for each photo already uploaded, first first: a retry uploads only the rest. */
  mediaUrls?: string[] | undefined;
  /** The journey's answers, so that a refused report can be changed and sent again. */
  draft?: Draft | undefined;
  /** Made once per report and sent on every try, so a server that takes it makes one case (see takesIdempotencyKey). */
  idempotencyKey?: string | undefined;
}

export interface OutboxEntry extends Report {
  id: string;
  createdAt: number;
  attempts: number;
  /** The server refused it (4xx): its messages. Not retried. */
  refused?: string[];
  /** Sent, but could not be deleted: deleted at the next drain, never sent again. */
  sent?: boolean;
}

export type OutboxNews =
  | { kind: 'sent'; id: string; result: RequestResult }
  | { kind: 'refused'; id: string; messages: string[] }
  | { kind: 'waiting'; id: string };

let store: UseStore | undefined;
const db = (): UseStore => (store ??= createStore('civic-widgets', 'outbox'));

/**
 * Photos are kept as bytes and a type, not as Blobs: Safari's private browsing (and WebKit under
 * automation) refuses to store a Blob in IndexedDB, so an offline photo report could not be kept.
 * Entries stored as Blobs by an earlier version are still read.
 */
type StoredPhoto = { type: string; bytes: ArrayBuffer } | Blob;
type StoredEntry = Omit<OutboxEntry, 'photos'> & { photos: StoredPhoto[] };

async function save(entry: OutboxEntry): Promise<void> {
  const photos = await Promise.all(entry.photos.map(async (blob) => ({ type: blob.type, bytes: await blob.arrayBuffer() })));
  await set(entry.id, { ...entry, photos } satisfies StoredEntry, db());
}

function revive(stored: StoredEntry): OutboxEntry {
  const photos = (Array.isArray(stored.photos) ? stored.photos : []).flatMap((p) =>
    p instanceof Blob ? [p] : p && p.bytes instanceof ArrayBuffer ? [new Blob([p.bytes], { type: typeof p.type === 'string' ? p.type : 'image/jpeg' })] : [],
  );
  const mediaUrls = Array.isArray(stored.mediaUrls) ? stored.mediaUrls.filter((u): u is string => typeof u === 'string' && /^https?:/.test(u)) : undefined;
  const idempotencyKey = typeof stored.idempotencyKey === 'string' ? stored.idempotencyKey : undefined;
  return { ...stored, photos, mediaUrls, idempotencyKey };
}

/** Posts one photo to the media endpoint; its answer's `url` must be http(s). */
async function uploadPhoto(mediaEndpoint: string, blob: Blob, index: number, timeout = 30_000): Promise<string> {
  const body = new FormData();
  body.append('media', blob, `photo-${index + 1}.jpg`);
  let answer;
  try {
    answer = await fetchBody(mediaEndpoint, { timeout, maxBytes: 64 * 1024, init: { method: 'POST', body } });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    throw new Open311Error(error.reason === 'too-large' ? 'http' : error.reason, error.reason === 'too-large' ? 502 : 0);
  }
  if (!answer.ok) throw new Open311Error('http', answer.status);
  let url: string | null = null;
  try {
    // A relative answer ("/media/1.jpg") is the photo store's own address: resolve it against the
    // store's absolute URL (a relative base would throw, and the report would never be sent).
    const json: unknown = JSON.parse(answer.text);
    url = safeUrl(isRecord(json) ? json['url'] : undefined, absoluteUrl(mediaEndpoint));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error; // not JSON: no address (below)
  }
  // No usable address for the photo: the photo store is failing, and nothing has been sent yet.
  if (!url?.startsWith('http')) throw new Open311Error('http', 502);
  return url;
}

/**
 * Uploads the photos, then POSTs the report. Every photo's URL is sent as `media_url`, the first
 * first: the spec has one `media_url`, so a server that keeps only one value keeps a photo.
 */
export async function sendReport(report: Report, onUploaded?: (urls: string[]) => Promise<void>): Promise<RequestResult> {
  const fields = [...report.fields];
  if (report.mediaEndpoint) {
    // Each photo is uploaded once: its address is kept on the report (and, from the outbox, stored),
    // so a POST that fails after the uploads does not upload them again on every retry.
    const urls = (report.mediaUrls ??= []);
    for (const [index, photo] of report.photos.entries()) {
      if (urls[index]) continue;
      urls[index] = await uploadPhoto(report.mediaEndpoint, photo, index);
      await onUploaded?.(urls).catch(() => undefined);
    }
    for (const url of urls.slice(0, report.photos.length)) fields.push(['media_url', url]);
  }
  return postRequest(report.endpoint, fields, report.options, report.idempotencyKey);
}

/** A network failure: worth keeping the report on the device and trying later. */
export const isOffline = (error: unknown): boolean => error instanceof Open311Error && (error.reason === 'network' || error.reason === 'timeout');

let lastCreated = 0;
/** When a report was queued: strictly increasing, so two queued in one millisecond still go oldest first. */
const createdNow = (): number => (lastCreated = Math.max(Date.now(), lastCreated + 1));

/** Saves a report that could not be sent. Rejects when the device will not keep it (no IndexedDB, full). */
export async function queueReport(report: Report): Promise<OutboxEntry> {
  const entry: OutboxEntry = { ...report, id: crypto.randomUUID(), createdAt: createdNow(), attempts: 0 };
  await save(entry);
  ensureWatching();
  return entry;
}

/** Every entry, oldest first; empty when IndexedDB is unavailable. */
export async function outboxEntries(): Promise<OutboxEntry[]> {
  try {
    return (await entries<string, StoredEntry>(db())).map(([, entry]) => revive(entry)).sort((a, b) => a.createdAt - b.createdAt);
  } catch {
    return [];
  }
}

const listeners = new Set<(news: OutboxNews) => void>();
/** Hears what happens to queued reports; returns the unsubscribe function. */
export function onOutbox(listener: (news: OutboxNews) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const tell = (news: OutboxNews) => listeners.forEach((listener) => listener(news));

let draining: Promise<void> | undefined;
let cancelRetry: (() => void) | undefined;
let failures = 0;

/** Sends what is waiting. Safe to call often: one drain at a time, the others join it. */
export function flushOutbox(): Promise<void> {
  draining ??= lockAndDrain().finally(() => (draining = undefined));
  return draining;
}

async function lockAndDrain(): Promise<void> {
  const locks = globalThis.navigator?.locks;
  // ifAvailable: another tab draining now will send everything; this one need not wait for it.
  if (locks) await locks.request('civic-widgets:outbox', { ifAvailable: true }, async (lock) => (lock ? drain() : undefined));
  else await drain();
}

/** Reports this page has sent: never sent again, even if deleting them from IndexedDB failed. */
const sent = new Set<string>();

async function drain(): Promise<void> {
  // One server that is down must not hold back reports to the others: its later reports wait, the
  // rest are sent.
  const down = new Set<string>();
  let waiting = false;
  for (const entry of await outboxEntries()) {
    if (entry.refused || down.has(entry.endpoint)) continue;
    if (sent.has(entry.id) || entry.sent) {
      await del(entry.id, db()).catch(() => undefined);
      continue;
    }
    try {
      // An unreadable 2xx confirms nothing: the report stays and is tried again (a duplicate is better than a loss).
      const result = await sendReport(entry, (mediaUrls) => save({ ...entry, mediaUrls }));
      sent.add(entry.id);
      // Deleted, or at least marked sent, so no later visit sends it again.
      await del(entry.id, db()).catch(() => save({ ...entry, sent: true }).catch(() => undefined));
      tell({ kind: 'sent', id: entry.id, result });
    } catch (error) {
      const server = error instanceof Open311Error && error.reason === 'http' ? error.status : 0;
      if (server >= 400 && server < 500 && server !== 408 && server !== 429) {
        await save({ ...entry, refused: (error as Open311Error).messages }).catch(() => undefined);
        tell({ kind: 'refused', id: entry.id, messages: (error as Open311Error).messages });
        continue;
      }
      // Offline, a timeout or a server in trouble: this server's reports wait, with backoff.
      await save({ ...entry, attempts: entry.attempts + 1 }).catch(() => undefined);
      tell({ kind: 'waiting', id: entry.id });
      down.add(entry.endpoint);
      waiting = true;
    }
  }
  if (waiting) retryLater();
  else failures = 0;
}

/** The outbox's backoff (core/backoff.ts), on the shared scheduler: nothing is retried while the page is hidden. */
function retryLater(): void {
  cancelRetry?.();
  cancelRetry = schedule(backoffDelay(++failures, OUTBOX), () => void flushOutbox());
}

let watching = false;
/** Listens for the moments worth retrying: back online, and the page shown again. */
export function ensureWatching(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener('online', () => void flushOutbox());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushOutbox();
  });
}

/** Forgets a refused report (the resident has chosen to change or drop it). */
export const discard = (id: string): Promise<void> => del(id, db()).catch(() => undefined);
