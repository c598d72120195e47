/**
 * The last good copy of each feed, in localStorage, so a returning visitor sees it in the first
 * paint (no layout shift) and keeps it while the feed is down. Bounded: at most MAX_ENTRIES copies
 * of at most MAX_CHARS each; the oldest go first. Unreadable, foreign or corrupted entries are
 * ignored. Storage that is full, disabled or absent (Safari private mode, sandboxed iframes) only
 * means nothing is kept.
 */
import { isRecord, keysWith, PREFIX as OURS, readJson, removeKey, storageArea, writeRaw } from '../storage.js';

const PREFIX = `${OURS}feed:`;
const VERSION = 1;
export const MAX_CHARS = 256 * 1024;
export const MAX_ENTRIES = 16;

export interface StoredCopy {
  data: unknown;
  fetchedAt: number;
}

const keyOf = (kind: string, url: string): string => `${PREFIX}${kind}:${url}`;

/** A copy written by this version, with a real time and some data; anything else is ignored. */
const validCopy = (entry: unknown): StoredCopy | undefined =>
  isRecord(entry) && entry['v'] === VERSION && typeof entry['t'] === 'number' && Number.isFinite(entry['t']) && entry['d'] !== undefined
    ? { data: entry['d'], fetchedAt: entry['t'] }
    : undefined;

export function readStored(kind: string, url: string): StoredCopy | undefined {
  return readJson('local', keyOf(kind, url), validCopy);
}

/** Our copies, oldest first (corrupted ones count as oldest, so they are evicted first). */
function ourEntries(): { key: string; t: number }[] {
  return keysWith('local', PREFIX)
    .map((key) => ({ key, t: readJson('local', key, (e) => (isRecord(e) ? Number(e['t']) || 0 : 0)) ?? 0 }))
    .sort((a, b) => a.t - b.t);
}

export function writeStored(kind: string, url: string, data: unknown, fetchedAt: number): void {
  if (!storageArea('local')) return;
  const key = keyOf(kind, url);
  let raw: string;
  try {
    raw = JSON.stringify({ v: VERSION, t: fetchedAt, d: data });
  } catch {
    return; // not JSON (a cycle, a BigInt): nothing is kept
  }
  if (raw.length > MAX_CHARS) return removeKey('local', key);
  const others = ourEntries().filter((entry) => entry.key !== key);
  while (others.length >= MAX_ENTRIES) removeKey('local', others.shift()!.key);
  if (writeRaw('local', key, raw)) return;
  // Quota exceeded: make room by dropping our other copies, then try once more.
  for (const entry of others) removeKey('local', entry.key);
  writeRaw('local', key, raw);
}
