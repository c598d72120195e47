/**
 * Which closures the ticker shows, and their words: the one rule of the widget and of the
 * server-rendered fragment (fragment.ts), so both show the same schools, in the same order and words.
 * No Lit and no document here: it runs on servers too.
 */
import { formatDate, fromLondon, londonDate, londonDay } from '../core/i18n/format.js';
import type { Lang } from '../core/i18n/lang.js';
import type { CoreMessages } from '../core/i18n/messages.js';
import type { ClosureTickerMessages } from './messages.js';
import { STATUSES, type Closure } from './types.js';

export interface ClosureText {
  lang: Lang;
  t(key: keyof ClosureTickerMessages | keyof CoreMessages, params?: Record<string, string | number>): string;
  plural(key: keyof ClosureTickerMessages | keyof CoreMessages, count: number): string;
}

export interface ClosureOptions {
  /** Only closures whose area contains this text (case-insensitive); closures without an area always show. */
  area?: string | undefined;
  /** London time after which tomorrow's closures are shown, when the feed has any ("15:30"). */
  cutoff?: string | undefined;
  /** Epoch ms (default: now). */
  now?: number | undefined;
}

/** Closures covering `day` in the chosen area, most serious first, then by name, in the language. */
export function closuresOn(all: readonly Closure[], day: string, lang: Lang, { area, now = Date.now() }: ClosureOptions = {}): Closure[] {
  const wanted = area?.trim().toLowerCase();
  const today = londonDay(new Date(now));
  return all
    .filter((c) => {
      const from = c.date ?? today;
      return from <= day && day <= (c.until ?? from) && (!wanted || !c.area || c.area.toLowerCase().includes(wanted));
    })
    .map((c) => (lang === 'cy' && c.cy ? { ...c, school: c.cy.school ?? c.school, reason: c.cy.reason ?? c.reason, affected: c.cy.affected ?? c.affected } : c))
    .sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || a.school.localeCompare(b.school, lang));
}

/** The day shown: today, or tomorrow after the cutoff when the feed has closures for tomorrow. */
export function closureDay(all: readonly Closure[], lang: Lang, options: ClosureOptions = {}): { day: string; tomorrow: boolean } {
  const now = new Date(options.now ?? Date.now());
  const today = londonDay(now);
  const { year, month, day } = londonDate(now);
  const tomorrow = londonDay(new Date(fromLondon(year, month, day + 1, 12)));
  const [h, m] = (/^(\d{1,2}):(\d{2})$/.exec(options.cutoff ?? '15:30') ?? [0, 15, 30]).slice(1).map(Number) as [number, number];
  const late = now.getTime() >= fromLondon(year, month, day, h, m);
  const useTomorrow = late && closuresOn(all, tomorrow, lang, options).some((c) => c.status !== 'open');
  return { day: useTomorrow ? tomorrow : today, tomorrow: useTomorrow };
}

/** "Closed until Friday 10 January", "Opening at 10:00"… ("Closed" alone today: never said twice). */
export function closureWhen(c: Closure, day: string, tomorrow: boolean, t: ClosureText): string {
  if (c.status === 'late-start' && c.time) return t.t('openingAt', { time: c.time });
  if (c.status === 'early-close' && c.time) return t.t('closingAt', { time: c.time });
  if (c.status !== 'closed') return '';
  if (c.until && c.until > day) {
    const [y, m, d] = c.until.split('-').map(Number) as [number, number, number];
    return t.t('closedUntil', { date: formatDate(new Date(fromLondon(y, m, d, 12)), t.lang) });
  }
  return tomorrow ? t.t('closedTomorrow') : '';
}

/** "2 schools closed, 1 partially open, 1 late start": the same groups as the list. */
export function closureSummary(closures: readonly Closure[], t: ClosureText): string {
  const keys = { closed: 'closedCount', 'partially-open': 'partialCount', 'late-start': 'lateCount', 'early-close': 'earlyCount' } as const;
  const parts = (Object.keys(keys) as (keyof typeof keys)[]).flatMap((status) => {
    const count = closures.filter((c) => c.status === status).length;
    return count ? [t.plural(keys[status], count)] : [];
  });
  return parts.length ? parts.join(', ') : t.t('none');
}
