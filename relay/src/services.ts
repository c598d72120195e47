/**
 * Each upstream's services list and definitions, kept for `servicesTtlSeconds`, filtered to the
 * configured codes, and served from the last good copy (also kept in the store, so it outlives a
 * restart) while the upstream is down. One upstream call at a time per list, however many ask.
 */
import type { Upstream } from './config.js';
import { readDefinition, readServices, type AttributeRule, type Record311 } from './open311.js';
import type { Store } from './store/store.js';
import { call } from './upstream.js';

export interface Cached<T> {
  value: T;
  savedAt: number;
  /** The upstream's validator, to ask "changed?" next time. */
  etag?: string | undefined;
  /** Set when the upstream failed and this is the last good copy. */
  stale: boolean;
  /** When the upstream was last asked and failed (a failing upstream is asked again after 5 s, not on every request). */
  failedAt?: number;
}

export interface Definition {
  attributes: AttributeRule[];
  raw: Record311;
}

export class ServiceCatalogue {
  readonly #memory = new Map<string, Cached<unknown>>();
  readonly #inFlight = new Map<string, Promise<Cached<unknown> | undefined>>();

  constructor(
    readonly upstream: Upstream,
    readonly store: Store,
    readonly now: () => number = Date.now,
  ) {}

  /** The services list, or undefined when the upstream never answered one. */
  services(): Promise<Cached<Record311[]> | undefined> {
    return this.#get('services', 'services', (body) => {
      const list = readServices(body);
      const allowed = this.upstream.services;
      return list && (allowed ? list.filter((s) => allowed.includes(String(s.service_code))) : list);
    }) as Promise<Cached<Record311[]> | undefined>;
  }

  /** A listed service, by code; undefined if unknown (or not offered). */
  async service(code: string): Promise<{ service: Record311 | undefined; stale: boolean; known: boolean }> {
    const list = await this.services();
    return { service: list?.value.find((s) => s.service_code === code), stale: list?.stale ?? false, known: !!list };
  }

  /** A service's definition; call only for a code found by `service()`. */
  definition(code: string): Promise<Cached<Definition> | undefined> {
    return this.#get(`definition:${code}`, `services/${encodeURIComponent(code)}`, (body) => readDefinition(body)) as Promise<Cached<Definition> | undefined>;
  }

  async #get(key: string, path: string, read: (body: unknown) => unknown): Promise<Cached<unknown> | undefined> {
    const held = this.#memory.get(key) ?? (await this.#fromStore(key));
    const now = this.now();
    if (held && !held.stale && now - held.savedAt < this.upstream.servicesTtlSeconds * 1000) return held;
    if (held?.failedAt !== undefined && now - held.failedAt < 5000) return held;
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#refresh(key, path, read, held).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  async #refresh(key: string, path: string, read: (body: unknown) => unknown, held: Cached<unknown> | undefined): Promise<Cached<unknown> | undefined> {
    const outcome = await call(this.upstream, path, { etag: held?.etag });
    const now = this.now();
    if (outcome.kind === 'answer' && outcome.status === 304 && held) return this.#keep(key, { value: held.value, etag: held.etag, savedAt: now, stale: false });
    const value = outcome.kind === 'answer' && outcome.status < 300 ? read(outcome.body) : undefined;
    if (value !== undefined && outcome.kind === 'answer') return this.#keep(key, { value, savedAt: now, etag: outcome.etag, stale: false });
    // The upstream is down or answered nonsense: the last good copy, marked stale.
    if (!held) return undefined;
    const stale = { ...held, stale: true, failedAt: now };
    this.#memory.set(key, stale);
    return stale;
  }

  async #keep(key: string, cached: Cached<unknown>): Promise<Cached<unknown>> {
    this.#memory.set(key, cached);
    try {
      await this.store.setCache(`${this.upstream.id}:${key}`, JSON.stringify({ value: cached.value, etag: cached.etag }), cached.savedAt);
    } catch {
      // The copy in memory still serves; the store's trouble shows in readyz.
    }
    return cached;
  }

  async #fromStore(key: string): Promise<Cached<unknown> | undefined> {
    try {
      const row = await this.store.getCache(`${this.upstream.id}:${key}`);
      if (!row) return undefined;
      const { value, etag } = JSON.parse(row.value) as { value: unknown; etag?: string };
      const cached = { value, etag, savedAt: row.savedAt, stale: false };
      this.#memory.set(key, cached);
      return cached;
    } catch {
      return undefined;
    }
  }
}
