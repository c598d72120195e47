import { isText, optionalText } from '../core/formats/items.js';

/** What a school is doing today. `open` is an explicit "now open" update. */
export const STATUSES = ['closed', 'partially-open', 'late-start', 'early-close', 'open'] as const;
export type Status = (typeof STATUSES)[number];

/** One school's closure, whatever feed format it came from. All text is plain text; `url` has passed safeUrl. */
export interface Closure {
  id: string;
  school: string;
  status: Status;
  /** DfE unique reference number. */
  urn?: string | undefined;
  reason?: string | undefined;
  /** First and last day covered, `YYYY-MM-DD` (London). No `date`: today; no `until`: `date` only. */
  date?: string | undefined;
  until?: string | undefined;
  /** Opening time for a late start, closing time for an early close (`HH:MM`). */
  time?: string | undefined;
  /** Year groups or sites affected by a partial closure. */
  affected?: string[] | undefined;
  area?: string | undefined;
  url?: string | undefined;
  updated?: number | undefined;
  /** The school's name, reason and affected groups in Welsh, where the feed gives them. */
  cy?: { school?: string | undefined; reason?: string | undefined; affected?: string[] | undefined } | undefined;
}

export interface ClosureFeed {
  closures: Closure[];
  /** When the feed says it was last updated (epoch ms). */
  updated?: number | undefined;
  skipped: number;
}

/** Status words in feeds (any case, spaces or underscores) → our status. */
export function toStatus(value: unknown): Status | undefined {
  const word = typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s_]+/g, '-') : '';
  return (STATUSES as readonly string[]).includes(word) ? (word as Status) : undefined;
}


/**
 * A stored copy read back from localStorage, trusted no further than a feed: another version of the
 * library, or anything else with access to storage, may have written it. Items of the wrong shape
 * are dropped; no usable list gives undefined.
 */
export function reviveClosures(data: unknown): ClosureFeed | undefined {
  const feed = data as Partial<ClosureFeed> | null;
  if (!feed || !Array.isArray(feed.closures)) return undefined;
  const closures = feed.closures.filter(
    (c: Partial<Closure> | null) =>
      !!c &&
      isText(c.id) &&
      isText(c.school) &&
      toStatus(c.status) === c.status &&
      [c.urn, c.reason, c.date, c.until, c.time, c.area, c.url].every(optionalText) &&
      (c.affected === undefined || (Array.isArray(c.affected) && c.affected.every(isText))) &&
      (c.updated === undefined || typeof c.updated === 'number') &&
      (c.cy === undefined || (typeof c.cy === 'object' && c.cy !== null && [c.cy.school, c.cy.reason].every(optionalText) && (c.cy.affected === undefined || (Array.isArray(c.cy.affected) && c.cy.affected.every(isText))))),
  );
  return { closures, updated: typeof feed.updated === 'number' ? feed.updated : undefined, skipped: Number(feed.skipped) || 0 };
}
