/**
 * The one way the widgets keep JSON in Web Storage (hidden alerts and starred schools, the last good
 * copy of each feed, the report form's draft). Every read goes through a `validate` function, so a
 * value that another script, an older version or a corrupted disk left behind is never trusted.
 * Storage that is absent, disabled (Safari private mode, sandboxed iframes, blocked cookies), full
 * or corrupted only means nothing is kept: nothing throws.
 */
export type Area = 'local' | 'session';
/** Checks a parsed value and returns it, typed, or `undefined` when it cannot be used. */
export type Validate<T> = (value: unknown) => T | undefined;

export const PREFIX = 'civic-widgets:';

/** The storage area, or undefined where touching it throws (blocked cookies) or it does not exist. */
export function storageArea(area: Area): Storage | undefined {
  try {
    return (area === 'local' ? globalThis.localStorage : globalThis.sessionStorage) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The parsed value under `key`, if there is one and `validate` accepts it. */
export function readJson<T>(area: Area, key: string, validate: Validate<T>): T | undefined {
  let raw: string | null | undefined;
  try {
    raw = storageArea(area)?.getItem(key);
  } catch {
    return undefined; // disabled between the two calls
  }
  if (raw == null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined; // corrupted
  }
  return validate(value);
}

/** Stores `value` as JSON; false when the device would not keep it (full, disabled, absent). */
export function writeJson(area: Area, key: string, value: unknown): boolean {
  return writeRaw(area, key, JSON.stringify(value));
}

export function writeRaw(area: Area, key: string, raw: string): boolean {
  try {
    const store = storageArea(area);
    if (!store) return false;
    store.setItem(key, raw);
    return true;
  } catch {
    return false;
  }
}

export function removeKey(area: Area, key: string): void {
  try {
    storageArea(area)?.removeItem(key);
  } catch {
    /* disabled */
  }
}

/** Every key starting with `prefix` (ours only: other scripts' keys are never touched). */
export function keysWith(area: Area, prefix: string): string[] {
  const keys: string[] = [];
  try {
    const store = storageArea(area);
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    /* disabled */
  }
  return keys;
}

/** A validator for objects (not arrays, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
