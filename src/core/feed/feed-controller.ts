import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CivicErrorEvent, CivicLoadEvent, CivicUpdateEvent, type CivicErrorDetail } from '../events.js';
import { FeedError } from './feed-error.js';
import type { Adapters } from './parse.js';
import { sourceFor, type FeedSource, type SourceResult, type Subscriber } from './source.js';
import { readStored, writeStored } from './store.js';
import { absoluteUrl } from '../safe-url.js';
import { reportBug } from '../bug.js';

export type FeedStatus = 'loading' | 'ready' | 'stale' | 'error';

export type { FeedAdapter } from './parse.js';

/**
 * When the server-rendered fragment in `host`'s light DOM was fetched (`data-civic-fragment`,
 * `data-civic-fetched`, as civic-relay's /fragments make it), epoch ms; 0 without one.
 */
export const fragmentTime = (host: Element): number =>
  Date.parse(host.querySelector(':scope > [data-civic-fragment]')?.getAttribute('data-civic-fetched') ?? '') || 0;

/** What a widget must expose for the controller to read its feed. */
export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  src: string | null | undefined;
  format: string;
  /** Seconds between polls; 0 = never; values under 30 are raised to 30. */
  refresh: number;
}

export interface FeedControllerOptions<T> {
  /** Names this widget's stored copies (`alerts`, `closures`). */
  kind: string;
  /** Adapters by `format` name, in the order `auto` tries them. */
  adapters: Adapters<T>;
  /** Checks a stored copy before it is shown; return undefined to ignore it. */
  revive?: (data: unknown) => T | undefined;
  /** The items in the data, for `civic-load` and `civic-update`. */
  items: (data: T) => unknown[];
  /** Items the adapter dropped as malformed (reported in `civic-error`). */
  skipped?: (data: T) => number;
  /** Request timeout in ms (default 10 s). */
  timeout?: number;
}

/**
 * Reads a feed for a widget: the widget's `src`, `format` and `refresh` drive it; `status`, `data`
 * and `updatedAt` are what the widget renders. Requests are shared per URL (see FeedSource), the last
 * good data is kept on the device (see store.ts), and every failure becomes a `civic-error` event
 * while the widget keeps what it had.
 */
export class FeedController<T> implements ReactiveController, Subscriber<T> {
  status: FeedStatus = 'loading';
  data: T | undefined;
  /** When the data shown was first fetched (on this device). */
  updatedAt: Date | undefined;
  /** When the feed last answered well (or the stored copy was fetched), epoch ms. */
  checkedAt: number | undefined;
  /** True once a network answer (good or bad) has been handled since the src was set. */
  answered = false;
  error: CivicErrorDetail | undefined;
  /** Poll interval in ms, read by the shared source (the host's `refresh` is in seconds). */
  interval = 0;

  readonly #host: FeedHost;
  readonly #options: FeedControllerOptions<T>;
  #source: FeedSource<T> | undefined;
  #url = '';
  #format = '';
  /** The data object the source last gave (the same object again means nothing changed). */
  #received: T | undefined;
  #json = '';
  #loaded = false;

  constructor(host: FeedHost, options: FeedControllerOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#source?.unsubscribe(this);
    this.#source = undefined;
    this.#url = '';
  }

  /**
   * True when the data shown could not be refreshed for more than twice the refresh interval
   * (twice 5 minutes when polling is off): time to tell residents it may be out of date.
   */
  get outOfDate(): boolean {
    const limit = (this.interval || 300_000) * 2;
    return this.status === 'stale' && Date.now() - (this.checkedAt ?? 0) > limit;
  }

  /** Fetches now (shared with any request already in flight for the same URL). */
  refreshNow(): void {
    this.#source?.request();
  }

  /** Follows changes to the host's src, format and refresh. */
  #sync(): void {
    if (!this.#host.isConnected) return;
    const { src, format, refresh } = this.#host;
    const seconds = Number(refresh);
    const interval = Number.isFinite(seconds) && seconds > 0 ? Math.max(30, seconds) * 1000 : 0;
    // An unparseable or non-http(s) src behaves like no src.
    const url = absoluteUrl(src) ?? '';
    const urlChanged = url !== this.#url || format !== this.#format;
    if (!urlChanged && interval === this.interval) return;
    this.interval = interval;
    if (!urlChanged) return this.#source?.reschedule();

    this.#source?.unsubscribe(this);
    this.#source = undefined;
    this.#url = url;
    this.#format = format;
    this.#received = undefined;
    this.#json = '';
    this.error = undefined;
    this.data = undefined;
    this.updatedAt = undefined;
    this.checkedAt = undefined;
    this.answered = false;
    this.status = url ? 'loading' : 'error';
    if (!url) return;
    // A server-rendered fragment in the light DOM (see fragmentTime) stays on screen unless the stored
    // copy is newer: the older of the two is never shown.
    const stored = readStored(this.#options.kind, url);
    if (stored && stored.fetchedAt >= fragmentTime(this.#host)) {
      let data: T | undefined;
      try {
        data = this.#options.revive ? this.#options.revive(stored.data) : (stored.data as T);
      } catch (error) {
        reportBug(error); // a reviver must answer undefined for what it cannot use, not throw
        data = undefined;
      }
      if (data !== undefined) {
        this.checkedAt = stored.fetchedAt;
        this.#show(data, stored.fetchedAt, false);
      }
    }
    this.#source = sourceFor(url, this.#options.timeout ?? 10_000, { kind: this.#options.kind, format, adapters: this.#options.adapters });
    this.#source.subscribe(this);
  }

  /** Called by the shared source with every answer for this URL, parsed. */
  receive(result: SourceResult<T>): void {
    this.answered = true;
    if (!result.ok) return this.#fail(result.error, result.status);
    const { data } = result;
    if (data === undefined || data === this.#received) {
      // Unchanged (a 304, or the same body): nothing to render.
      if (this.data === undefined) return this.#fail(new FeedError('empty', result.status), result.status);
      this.checkedAt = result.at;
      return this.#recovered();
    }
    this.#received = data;
    this.checkedAt = result.at;
    this.error = undefined;
    this.#show(data, result.at, true);
    const skipped = this.#options.skipped?.(data) ?? 0;
    if (skipped) this.#host.dispatchEvent(new CivicErrorEvent({ url: this.#url, status: result.status, reason: 'shape', skipped }));
    // Texts over their limit (a title over 500 characters…) were cut: the host page is told how many.
    if (result.shortened) this.#host.dispatchEvent(new CivicErrorEvent({ url: this.#url, status: result.status, reason: 'too-long', shortened: result.shortened }));
  }

  /** Shows `data` unless it equals what is shown; keeps it on the device when it came from the network. */
  #show(data: T, at: number, fromNetwork: boolean): void {
    let json = '';
    try {
      json = JSON.stringify(data);
    } catch {
      /* not serialisable: always render, never store */
    }
    const previous = this.status;
    this.status = 'ready';
    if (json && json === this.#json && this.data !== undefined) {
      if (previous !== 'ready') this.#host.requestUpdate();
      return;
    }
    this.#json = json;
    this.data = data;
    this.updatedAt = new Date(at);
    if (fromNetwork && json) writeStored(this.#options.kind, this.#url, data, at);
    this.#host.requestUpdate();
    const detail = { items: this.#options.items(data), updatedAt: this.updatedAt };
    const event = this.#loaded ? new CivicUpdateEvent(detail) : new CivicLoadEvent(detail);
    this.#loaded = true;
    // After the render, so listeners see the new DOM.
    void this.#host.updateComplete.then(() => this.#host.dispatchEvent(event));
  }

  #recovered(): void {
    this.error = undefined;
    if (this.status !== 'ready') {
      this.status = 'ready';
      this.#host.requestUpdate();
    }
  }

  #fail(error: FeedError, status = error.status): void {
    this.error = { url: this.#url, status, reason: error.reason };
    const next = this.data === undefined ? 'error' : 'stale';
    if (next !== this.status) {
      this.status = next;
      this.#host.requestUpdate();
    }
    this.#host.dispatchEvent(new CivicErrorEvent(this.error));
  }
}
