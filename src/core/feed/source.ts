import { backoffDelay } from '../backoff.js';
import { reportBug } from '../bug.js';
import { fetchFeed } from './fetch-feed.js';
import { FeedError } from './feed-error.js';
import { parseFeed, type Adapters } from './parse.js';
import { onPageShown, schedule } from '../scheduler.js';

/** Polls are never more frequent than this. */
export const MIN_REFRESH = 30_000;
/** Backoff never waits longer than this (unless refresh itself is longer). */
export const MAX_BACKOFF = 3_600_000;

/**
 * An answer, parsed once for every widget reading the same feed: the data, or why there is none.
 * The same body again (or a 304) gives the very same `data` object; a 304 before any body was
 * parsed here (the widget shows its stored copy) gives none.
 */
export type SourceResult<T = unknown> =
  | { ok: true; data: T | undefined; status: number; at: number; shortened?: number }
  | { ok: false; error: FeedError; status: number; at: number };

export interface Subscriber<T = unknown> {
  /** Poll interval in ms (0 = no polling). */
  interval: number;
  receive(result: SourceResult<T>): void;
}

/** How a widget reads a feed: its kind (`alerts`), the `format` asked for, and its adapters. */
export interface FeedReader<T> {
  kind: string;
  format: string;
  adapters: Adapters<T>;
}

const sources = new Map<string, FeedSource<unknown>>();
let onlineListening = false;
let inFlight = 0;

/**
 * The shared source for `url` read as `reader` says: one request in flight, one parse and one poll
 * schedule for every widget reading it that way.
 */
export function sourceFor<T>(url: string, timeout: number, reader: FeedReader<T>): FeedSource<T> {
  const key = `${reader.kind}\n${reader.format}\n${url}`;
  let source = sources.get(key) as FeedSource<T> | undefined;
  if (!source) {
    source = new FeedSource<T>(key, url, timeout, reader);
    sources.set(key, source);
  }
  if (!onlineListening && typeof window !== 'undefined') {
    onlineListening = true;
    // Back online: retry failing feeds now rather than at the end of their backoff.
    window.addEventListener('online', () => {
      for (const s of sources.values()) if (s.failures) s.request();
    });
  }
  return source;
}

/** How many feeds are being watched (for tests and the memory benchmark). */
export function activeSources(): number {
  return sources.size;
}

/** How many requests have not been answered and delivered yet (for tests and benchmarks). */
export function requestsInFlight(): number {
  return inFlight;
}

export class FeedSource<T> {
  readonly #subscribers = new Set<Subscriber<T>>();
  #abort: AbortController | undefined;
  #cancelTask: (() => void) | undefined;
  #stopShown: (() => void) | undefined;
  #latest: SourceResult<T> | undefined;
  /** The last body parsed well, with its data: the same bytes again are not parsed again. */
  #parsed: { text: string; contentType: string; data: T } | undefined;
  #seq = 0;
  #applied = 0;
  #retryAfter = 0;
  /** Consecutive failed requests (network, HTTP, or a body that is not the feed). */
  failures = 0;
  lastRequestAt = 0;

  constructor(
    readonly key: string,
    readonly url: string,
    readonly timeout: number,
    readonly reader: FeedReader<T>,
  ) {}

  subscribe(subscriber: Subscriber<T>): void {
    this.#subscribers.add(subscriber);
    this.#stopShown ??= onPageShown(() => {
      if (Date.now() - this.lastRequestAt >= MIN_REFRESH) this.request();
    });
    const latest = this.#latest;
    if (this.#abort) return; // the answer in flight will reach the new subscriber too
    if (latest) queueMicrotask(() => this.#subscribers.has(subscriber) && subscriber.receive(latest));
    else this.request();
    this.reschedule();
  }

  unsubscribe(subscriber: Subscriber<T>): void {
    this.#subscribers.delete(subscriber);
    if (this.#subscribers.size) return this.reschedule();
    // Nobody is reading this feed any more: stop every request and timer.
    this.#abort?.abort();
    this.#abort = undefined;
    this.#cancelTask?.();
    this.#stopShown?.();
    sources.delete(this.key);
  }

  /** Fetches now, unless a request is already in flight (which every caller then shares). */
  request(): void {
    if (this.#abort || !this.#subscribers.size) return;
    this.#cancelTask?.();
    const id = ++this.#seq;
    const abort = (this.#abort = new AbortController());
    this.lastRequestAt = Date.now();
    inFlight++;
    this.#answer(abort.signal)
      .then((result) => {
        if (abort.signal.aborted && this.#abort !== abort) return; // removed or replaced meanwhile
        this.#abort = undefined;
        // A stale answer never overwrites a newer one.
        if (id < this.#applied) return;
        this.#applied = id;
        this.#latest = result;
        this.failures = result.ok ? 0 : this.failures + 1;
        this.#retryAfter = result.ok ? 0 : (result.error.retryAfter ?? 0);
        this.reschedule();
        for (const subscriber of [...this.#subscribers]) subscriber.receive(result);
      })
      .catch(reportBug)
      .finally(() => inFlight--);
  }

  /** Fetches and parses: a body that is not the feed counts as a failure, like a failed request. */
  async #answer(signal: AbortSignal): Promise<SourceResult<T>> {
    let response;
    try {
      response = await fetchFeed(this.url, signal, this.timeout);
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      return { ok: false, error, status: error.status, at: Date.now() };
    }
    const parsed = this.#parsed;
    // Unchanged (a 304, or the same bytes from the browser cache): nothing to parse or render.
    // (The same bytes under another content type, such as an error page's text/html, are checked again.)
    if (parsed && (response.status === 304 || (response.text === parsed.text && response.contentType === parsed.contentType))) {
      return { ok: true, data: parsed.data, status: response.status, at: Date.now() };
    }
    if (response.status === 304) return { ok: true, data: undefined, status: 304, at: Date.now() };
    try {
      const { data, shortened } = await parseFeed(response, this.url, this.reader.format, this.reader.adapters);
      this.#parsed = { text: response.text, contentType: response.contentType, data };
      return { ok: true, data, status: response.status, at: Date.now(), shortened };
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      return { ok: false, error, status: response.status, at: Date.now() };
    }
  }

  /** The interval every subscriber is content with: the shortest one asked for, at least MIN_REFRESH. */
  #interval(): number {
    let interval = 0;
    for (const subscriber of this.#subscribers) {
      if (subscriber.interval > 0) interval = interval ? Math.min(interval, subscriber.interval) : subscriber.interval;
    }
    return interval && Math.max(interval, MIN_REFRESH);
  }

  /** Plans the next request: the poll interval, or exponential backoff with jitter after failures. */
  reschedule(): void {
    this.#cancelTask?.();
    this.#cancelTask = undefined;
    if (!this.#subscribers.size || this.#abort) return;
    const interval = this.#interval();
    let delay = interval;
    if (this.failures) {
      // Retry even with polling off, so the widget recovers by itself; never sooner than Retry-After.
      const base = interval || 60_000;
      delay = backoffDelay(this.failures, { base, max: Math.max(base, MAX_BACKOFF), jitter: 0.25 }, this.#retryAfter);
    }
    if (!delay) return;
    const elapsed = Date.now() - this.lastRequestAt;
    this.#cancelTask = schedule(Math.max(0, delay - elapsed), () => this.request());
  }
}
