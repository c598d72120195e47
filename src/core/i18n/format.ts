import type { Lang } from './lang.js';
import { days as cyDays, months as cyMonths } from './cy.js';

/** Every date and time a widget shows is London time, whatever the device is set to. */
export const TIME_ZONE = 'Europe/London';

const cache = new Map<string, Intl.DateTimeFormat>();
const plurals = new Map<Lang, Intl.PluralRules>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, ...options });
    cache.set(key, format);
  }
  return format;
}

interface LondonDate {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: number; // 0 = Sunday
}

/** The calendar date in London at the instant `date`. */
export function londonDate(date: Date): LondonDate {
  const parts: Record<string, string> = {};
  for (const part of dateFormat({ year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date)) {
    parts[part.type] = part.value;
  }
  const year = Number(parts['year']);
  const month = Number(parts['month']);
  const day = Number(parts['day']);
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** The London calendar day of `date` as `YYYY-MM-DD`, for comparing days. */
export function londonDay(date: Date): string {
  const { year, month, day } = londonDate(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "07:42", 24-hour London time (the same in English and Welsh). */
export function formatTime(date: Date, _lang?: Lang): string {
  return dateFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/**
 * "Friday 9 January" or "dydd Gwener 9 Ionawr" (lower case, for use mid-sentence); the year is
 * added when it is not the current year.
 */
export function formatDate(date: Date, lang: Lang, now = new Date()): string {
  const d = londonDate(date);
  const year = d.year === londonDate(now).year ? '' : ` ${d.year}`;
  if (lang === 'cy') return `${cyDays[d.weekday]} ${d.day} ${cyMonths[d.month - 1]}${year}`;
  return `${dateFormat({ weekday: 'long' }).format(date)} ${d.day} ${dateFormat({ month: 'long' }).format(date)}${year}`;
}

/** The CLDR plural category of `count` in `lang` (Welsh has all six: zero one two few many other). */
export function pluralCategory(count: number, lang: Lang): Intl.LDMLPluralRule {
  let rules = plurals.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === 'cy' ? 'cy-GB' : 'en-GB');
    plurals.set(lang, rules);
  }
  return rules.select(count);
}
