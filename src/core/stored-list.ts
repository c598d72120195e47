/**
 * A small list of strings kept in localStorage (hidden alerts, starred schools). Storage that is
 * full, disabled or corrupted gives an empty list and keeps working in memory for this page.
 */
import { PREFIX, readJson, writeJson } from './storage.js';

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);

export function loadList(name: string): string[] {
  return readJson('local', PREFIX + name, strings) ?? [];
}

/** Saves the newest `max` entries; returns false when the device would not keep them. */
export function saveList(name: string, list: readonly string[], max = 200): boolean {
  return writeJson('local', PREFIX + name, list.slice(-max));
}
