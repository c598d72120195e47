import { backoffDelay } from '../backoff.js';
import { fetchFeed, type FeedResponse } from './fetch-feed.js';
import { FeedError } from './feed-error.js';
import { onPageShown, schedule } from './scheduler.js';

/** Polls are never more frequent than this. */
export const MIN_REFRESH = 30_000;
/** Backoff never waits longer than this (unless refresh itself is longer). */
export const MAX_BACKOFF = 3_600_000;

export type SourceResult =
  | { id: number; ok: true; response: FeedResponse; at: number }
  | { id: number; ok: false; error: FeedError; at: number };

export interface Subscriber {
  /** Poll interval in ms (0 = no polling). */
  refresh: number;
  receive(result: SourceResult): void;
}

const sources = new Map<string, FeedSource>();
let onlineListening = false;
let inFlight = 0;

/** The shared source for `url`: one request in flight and one poll schedule for every widget reading it. */
export function sourceFor(url: string, timeout: number): FeedSource {
  let source = sources.get(url);
  if (!source) {
    source = new FeedSource(url, timeout);
    sources.set(url, source);
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

export class FeedSource {
  readonly #subscribers = new Set<Subscriber>();
  #abort: AbortController | undefined;
  #cancelTask: (() => void) | undefined;
  #stopShown: (() => void) | undefined;
  #latest: SourceResult | undefined;
  #seq = 0;
  #applied = 0;
  #invalid = 0;
  #failuresBeforeOk = 0;
  #retryAfter = 0;
  /** Consecutive failed requests (network, HTTP, or a body no subscriber could use). */
  failures = 0;
  lastRequestAt = 0;

  constructor(
    readonly url: string,
    readonly timeout: number,
  ) {}

  subscribe(subscriber: Subscriber): void {
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

  unsubscribe(subscriber: Subscriber): void {
    this.#subscribers.delete(subscriber);
    if (this.#subscribers.size) return this.reschedule();
    // Nobody is reading this feed any more: stop every request and timer.
    this.#abort?.abort();
    this.#abort = undefined;
    this.#cancelTask?.();
    this.#stopShown?.();
    sources.delete(this.url);
  }

  /** Fetches now, unless a request is already in flight (which every caller then shares). */
  request(): void {
    if (this.#abort || !this.#subscribers.size) return;
    this.#cancelTask?.();
    const id = ++this.#seq;
    const abort = (this.#abort = new AbortController());
    this.lastRequestAt = Date.now();
    inFlight++;
    fetchFeed(this.url, abort.signal, this.timeout).then(
      (response): SourceResult => ({ id, ok: true, response, at: Date.now() }),
      (error: unknown): SourceResult => ({
        id,
        ok: false,
        error: error instanceof FeedError ? error : new FeedError('network'),
        at: Date.now(),
      }),
    ).then((result) => {
      if (abort.signal.aborted && this.#abort !== abort) return; // removed or replaced meanwhile
      this.#abort = undefined;
      // A stale answer never overwrites a newer one.
      if (id < this.#applied) return;
      this.#applied = id;
      this.#latest = result;
      this.#failuresBeforeOk = this.failures;
      this.failures = result.ok ? 0 : this.failures + 1;
      this.#retryAfter = result.ok ? 0 : (result.error.retryAfter ?? 0);
      this.reschedule();
      for (const subscriber of [...this.#subscribers]) subscriber.receive(result);
    }).catch((error: unknown) => console.error('civic-widgets:', error))
      .finally(() => inFlight--);
  }

  /** A subscriber could not use the body of request `id` (an HTML page, a malformed feed): back off. */
  reportInvalid(id: number): void {
    if (id !== this.#applied || this.#invalid === id || this.#latest?.ok !== true) return;
    this.#invalid = id;
    // The HTTP request succeeded but the body was useless: it still counts towards the backoff.
    this.failures = this.#failuresBeforeOk + 1;
    this.reschedule();
  }

  /** The interval every subscriber is content with: the shortest one asked for, at least MIN_REFRESH. */
  #interval(): number {
    let interval = 0;
    for (const { refresh } of this.#subscribers) {
      if (refresh > 0) interval = interval ? Math.min(interval, refresh) : refresh;
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
