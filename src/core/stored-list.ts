/**
 * A small list of strings kept in localStorage (hidden alerts, starred schools). Storage that is
 * full, disabled or corrupted gives an empty list and keeps working in memory for this page.
 */
const PREFIX = 'civic-widgets:';

export function loadList(name: string): string[] {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(PREFIX + name) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Saves the newest `max` entries; returns false when the device would not keep them. */
export function saveList(name: string, list: readonly string[], max = 200): boolean {
  try {
    globalThis.localStorage.setItem(PREFIX + name, JSON.stringify(list.slice(-max)));
    return true;
  } catch {
    return false;
  }
}
