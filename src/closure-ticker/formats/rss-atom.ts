import type { FeedInput } from '../../core/feed/input.js';
import { mapItems } from '../../core/formats/items.js';
import { parseSyndication } from '../../core/formats/syndication.js';
import { fromLondon, londonDate, londonDay } from '../../core/i18n/format.js';
import type { ClosureFeed, Status } from '../types.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// "Example Primary School closed, 9 January (heating failure)" and the like.
const TITLE = /^(.+)\s*(?:[-–:,]\s*|\bis\s+)?\b(partially open|partly open|closed|closing early|early clos(?:e|ure)|late start|opening late|open)\b[\s,:–-]*(.*)$/i;
const WORDS: Record<string, Status> = {
  'partially open': 'partially-open',
  'partly open': 'partially-open',
  closed: 'closed',
  'closing early': 'early-close',
  'early close': 'early-close',
  'early closure': 'early-close',
  'late start': 'late-start',
  'opening late': 'late-start',
  open: 'open',
};

/** "9 January" or "Friday 9 Jan" in a title → YYYY-MM-DD in the feed's year (the item's date, else now). */
function dayIn(text: string, updated: number | undefined): string | undefined {
  const match = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\b/i.exec(text);
  const month = match ? MONTHS.indexOf(match[2]!.toLowerCase()) : -1;
  if (!match || month < 0) return undefined;
  const year = londonDate(new Date(updated ?? Date.now())).year;
  return londonDay(new Date(fromLondon(year, month + 1, Number(match[1]), 12)));
}

/** RSS or Atom items in the council pattern; items whose title names no status are skipped. */
export function parseClosureEntries(input: FeedInput): ClosureFeed {
  const { items, skipped } = mapItems(parseSyndication(input.xml(), input.url), (entry) => {
    const match = TITLE.exec(entry.title);
    if (!match) return undefined;
    const rest = match[3] ?? '';
    return {
      id: entry.id,
      school: match[1]!.replace(/[\s,:–-]+$/, ''),
      status: WORDS[match[2]!.toLowerCase()]!,
      reason: /\(([^)]+)\)/.exec(rest)?.[1] ?? (entry.summary || undefined),
      date: dayIn(rest, entry.updated),
      url: entry.link,
      updated: entry.updated,
    };
  });
  return { closures: items, skipped };
}
