/**
 * The council's feeds (alerts, closures), fetched by the relay from the addresses in its config and
 * served to widgets on other origins at `/feeds/{id}`: with CORS for the configured origins, an ETag,
 * and `Cache-Control` from the feed's TTL. Only configured addresses are ever fetched. The same limits
 * as the widgets apply (2 MB, 10 s, a feed's content type, never an HTML page), the upstream is asked
 * "changed?" with its own ETag or Last-Modified, and when it fails the last good copy is served with
 * its age (stale-if-error), also after a restart, since it is kept in the store.
 */
import { createHash } from 'node:crypto';
import type { FeedConfig } from './config.js';
import type { Store } from './store/store.js';
import { readCapped } from './upstream.js';

/** The widgets' limits (src/core/http.ts, src/core/feed/input.ts). */
export const MAX_FEED_BYTES = 2 * 1024 * 1024;
const FEED_TYPES = /json|xml|csv|rss|atom|cap|text\/plain|octet-stream/;
const HTML_START = /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
/** A failing source is asked again after this long, not on every request. */
const RETRY_MS = 5000;

export interface FeedCopy {
  /** The source's bytes, base64: served as they came, with the source's content type and charset. */
  body: string;
  contentType: string;
  /** Our own strong validator: a hash of the body. */
  etag: string;
  /** When this body was first fetched (epoch ms). */
  fetchedAt: number;
  /** When the source last confirmed it (a 200 or a 304). */
  checkedAt: number;
  upstreamEtag?: string | undefined;
  lastModified?: string | undefined;
}

export type FeedFailure = 'timeout' | 'network' | 'status' | 'too-large' | 'content-type' | 'empty';

export interface FeedAnswer {
  copy: FeedCopy;
  /** Set when the source failed and this is the last good copy. */
  stale: FeedFailure | undefined;
}

export class FeedCache {
  #copy: FeedCopy | undefined;
  #loaded = false;
  #failedAt: number | undefined;
  #failure: FeedFailure | undefined;
  #inFlight: Promise<void> | undefined;

  constructor(
    readonly feed: FeedConfig,
    readonly store: Store,
    readonly now: () => number = Date.now,
  ) {}

  /** The current copy (fetching it first when older than the TTL), or a failure when there never was one. */
  async get(): Promise<FeedAnswer | { failure: FeedFailure }> {
    if (!this.#loaded) await this.#fromStore();
    const now = this.now();
    const fresh = this.#copy && !this.#failure && now - this.#copy.checkedAt < this.feed.ttlSeconds * 1000;
    const resting = this.#failedAt !== undefined && now - this.#failedAt < RETRY_MS;
    if (!fresh && !resting) {
      this.#inFlight ??= this.#refresh().finally(() => (this.#inFlight = undefined));
      await this.#inFlight;
    }
    if (!this.#copy) return { failure: this.#failure ?? 'network' };
    return { copy: this.#copy, stale: this.#failure };
  }

  async #refresh(): Promise<void> {
    const held = this.#copy;
    const headers: Record<string, string> = { accept: 'application/json, application/xml, text/xml, application/rss+xml, application/atom+xml, text/csv;q=0.9, */*;q=0.1', 'user-agent': 'civic-relay' };
    if (held?.upstreamEtag) headers['if-none-match'] = held.upstreamEtag;
    if (held?.lastModified) headers['if-modified-since'] = held.lastModified;
    let response: Response;
    let bytes: Buffer | undefined;
    try {
      response = await fetch(this.feed.src, { headers, redirect: 'error', signal: AbortSignal.timeout(this.feed.timeoutMs) });
      bytes = await readCapped(response, MAX_FEED_BYTES);
    } catch (error) {
      const name = (error as Error).name;
      return this.#failed(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network');
    }
    const now = this.now();
    if (response.status === 304 && held) return this.#keep({ ...held, checkedAt: now });
    if (response.status !== 200) return this.#failed('status');
    if (bytes === undefined) return this.#failed('too-large');
    const contentType = response.headers.get('content-type') ?? '';
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    const start = bytes.subarray(0, 512).toString('latin1').replace(/^(\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/, '').replace(/\0/g, '').trimStart();
    if ((type && (type.includes('html') || !FEED_TYPES.test(type))) || HTML_START.test(start)) return this.#failed('content-type');
    if (!start) return this.#failed('empty');
    const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
    const unchanged = held?.etag === etag;
    return this.#keep({
      body: bytes.toString('base64'),
      contentType: contentType || 'application/octet-stream',
      etag,
      fetchedAt: unchanged ? held.fetchedAt : now,
      checkedAt: now,
      upstreamEtag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    });
  }

  #failed(failure: FeedFailure): void {
    this.#failure = failure;
    this.#failedAt = this.now();
  }

  async #keep(copy: FeedCopy): Promise<void> {
    this.#copy = copy;
    this.#failure = undefined;
    this.#failedAt = undefined;
    try {
      await this.store.setCache(`feed:${this.feed.id}`, JSON.stringify(copy), copy.checkedAt);
    } catch {
      // The copy in memory still serves; the store's trouble shows in readyz.
    }
  }

  async #fromStore(): Promise<void> {
    this.#loaded = true;
    try {
      const row = await this.store.getCache(`feed:${this.feed.id}`);
      if (row) this.#copy ??= JSON.parse(row.value) as FeedCopy;
    } catch {
      /* no copy: fetched on demand */
    }
  }
}
