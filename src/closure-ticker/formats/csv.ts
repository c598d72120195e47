import { csvParse } from 'd3-dsv';
import { FeedError } from '../../core/feed/feed-error.js';
import type { FeedInput } from '../../core/feed/input.js';
import { mapItems } from '../../core/formats/items.js';
import type { ClosureFeed } from '../types.js';
import { toClosure } from './closure.js';

const FIELDS = ['id', 'school', 'urn', 'status', 'reason', 'date', 'until', 'time', 'affected', 'area', 'url', 'updated', 'school_cy', 'reason_cy', 'affected_cy'];

/**
 * CSV as an officer exports it from a spreadsheet: a header row with the JSON field names in any
 * case and order, RFC 4180 quoting (d3-dsv), UTF-8 with or without a BOM (removed when decoding).
 * `affected` lists are separated by semicolons.
 */
export function parseClosureCsv(input: FeedInput): ClosureFeed {
  const rows = csvParse(input.text.replace(/^\ufeff/, ''));
  const columns = new Map(rows.columns.map((c) => [c.trim().toLowerCase(), c]));
  if (!columns.has('school') || !columns.has('status')) throw new FeedError('shape');
  const { items, skipped } = mapItems(rows, (row) =>
    toClosure(Object.fromEntries(FIELDS.map((f) => [f, row[columns.get(f) ?? ''] || undefined])), input.url),
  );
  return { closures: items, skipped };
}
