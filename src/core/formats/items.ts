import { reportBug } from '../bug.js';
import { wellFormed } from '../text.js';
import { FeedError } from '../feed/feed-error.js';

/**
 * Maps feed items one by one: an item that maps to undefined (or throws FeedError) is malformed,
 * dropped and counted, so one bad item never costs the rest of the feed. Anything else an item
 * throws is a bug in the mapping: reported (see bug.ts), and the item dropped.
 */
export function mapItems<I, O>(items: readonly I[], map: (item: I) => O | undefined): { items: O[]; skipped: number } {
  const out: O[] = [];
  let skipped = 0;
  for (const item of items) {
    let result: O | undefined;
    try {
      result = map(item);
    } catch (error) {
      if (!(error instanceof FeedError)) reportBug(error);
      result = undefined;
    }
    if (result === undefined) skipped++;
    else out.push(result);
  }
  return { items: out, skipped };
}

/** A JSON value that should be a list: an array as is, a single object as a one-item list. */
export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value !== null && typeof value === 'object' ? [value] : [];
}

/** A plain JSON object (not an array or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An id field as a string: feeds send ids as numbers too. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  // Ids end up in attributes and storage keys: plain text, no control characters. Well-formed, so
  // an id cut by a CMS in the middle of a character can still go in a URL.
  // eslint-disable-next-line no-control-regex
  const id = typeof value === 'string' ? wellFormed(value.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200)) : '';
  return id || undefined;
}

export const isText = (value: unknown): value is string => typeof value === 'string';
/** Absent, or a string: an optional text field read back from storage. */
export const optionalText = (value: unknown): boolean => value === undefined || isText(value);

/**
 * A field's Welsh (or other `lang`) text in a civic JSON item: `{ "cy": { "title": … } }`, else a flat
 * `title_cy` (as a CSV column would be). Own properties only: a key such as `constructor` is never
 * read from a prototype.
 */
export function translated(raw: Record<string, unknown>, lang: string, field: string): unknown {
  const block = Object.hasOwn(raw, lang) ? raw[lang] : undefined;
  if (isRecord(block) && Object.hasOwn(block, field)) return block[field];
  const flat = `${field}_${lang}`;
  return Object.hasOwn(raw, flat) ? raw[flat] : undefined;
}

