/**
 * The last good copy of each feed, in localStorage, so a returning visitor sees it in the first
 * paint (no layout shift) and keeps it while the feed is down. Bounded: at most MAX_ENTRIES copies
 * of at most MAX_CHARS each; the oldest go first. Unreadable, foreign or corrupted entries are
 * ignored. Storage that is full, disabled or absent (Safari private mode, sandboxed iframes) only
 * means nothing is kept.
 */
const PREFIX = 'civic-widgets:feed:';
const VERSION = 1;
export const MAX_CHARS = 256 * 1024;
export const MAX_ENTRIES = 16;

export interface StoredCopy {
  data: unknown;
  fetchedAt: number;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const keyOf = (kind: string, url: string): string => `${PREFIX}${kind}:${url}`;

export function readStored(kind: string, url: string): StoredCopy | undefined {
  try {
    const raw = storage()?.getItem(keyOf(kind, url));
    if (!raw) return undefined;
    const entry = JSON.parse(raw) as { v?: unknown; t?: unknown; d?: unknown } | null;
    if (entry?.v === VERSION && typeof entry.t === 'number' && Number.isFinite(entry.t) && entry.d !== undefined) {
      return { data: entry.d, fetchedAt: entry.t };
    }
  } catch {
    /* corrupted: ignore */
  }
  return undefined;
}

function ourEntries(store: Storage): { key: string; t: number }[] {
  const entries: { key: string; t: number }[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    let t = 0;
    try {
      t = Number((JSON.parse(store.getItem(key) ?? '') as { t?: unknown }).t) || 0;
    } catch {
      /* corrupted entries sort first and are evicted first */
    }
    entries.push({ key, t });
  }
  return entries.sort((a, b) => a.t - b.t);
}

export function writeStored(kind: string, url: string, data: unknown, fetchedAt: number): void {
  const store = storage();
  if (!store) return;
  try {
    const key = keyOf(kind, url);
    const raw = JSON.stringify({ v: VERSION, t: fetchedAt, d: data });
    if (raw.length > MAX_CHARS) {
      store.removeItem(key);
      return;
    }
    const others = ourEntries(store).filter((entry) => entry.key !== key);
    while (others.length >= MAX_ENTRIES) store.removeItem(others.shift()!.key);
    try {
      store.setItem(key, raw);
    } catch {
      // Quota exceeded: make room by dropping our other copies, then try once more.
      for (const entry of others) store.removeItem(entry.key);
      store.setItem(key, raw);
    }
  } catch {
    /* storage full or disabled: nothing is kept, nothing breaks */
  }
}
