import type { Lang } from './lang.js';

const cyDays = ['dydd Sul', 'dydd Llun', 'dydd Mawrth', 'dydd Mercher', 'dydd Iau', 'dydd Gwener', 'dydd Sadwrn'];
const cyMonths = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];

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

/** London's offset from UTC in minutes at instant `t` (0 in winter, 60 in summer). */
function londonOffset(t: number): number {
  const parts: Record<string, string> = {};
  for (const part of dateFormat({ year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }).formatToParts(t)) {
    parts[part.type] = part.value;
  }
  const local = Date.UTC(+parts['year']!, +parts['month']! - 1, +parts['day']!, +parts['hour']!, +parts['minute']!, +parts['second']!);
  return Math.round((local - Math.floor(t / 1000) * 1000) / 60_000);
}

/** The instant at which London's clocks show the given local date and time. */
export function fromLondon(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - londonOffset(guess) * 60_000;
  return guess - londonOffset(first) * 60_000;
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Reads a feed timestamp into epoch milliseconds: ISO 8601 with an offset, ISO without one (read as
 * London time, as the Environment Agency and many council systems send), a bare date (London
 * midnight), or RFC 822 (RSS). Anything unreadable gives undefined.
 */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;
  const local = ISO_LOCAL.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number);
    const t = fromLondon(y!, mo!, d!, h || 0, mi || 0, s || 0);
    return Number.isFinite(t) ? t : undefined;
  }
  const t = Date.parse(text.replace(/\s+-\s+/, ' '));
  return Number.isFinite(t) ? t : undefined;
}

/**
 * "Updated 07:42" today, else "Updated Friday 9 January at 07:42", from a catalogue's `updatedAt`
 * and `updatedOn` strings.
 */
type ChangeKey = 'changedAt' | 'changedOn' | 'unchangedAt' | 'unchangedOn';

/**
 * The one freshness rule of both feed widgets: what residents are told about how current a feed is.
 * "Updated 21:02" under the alerts used to be the time the page loaded: false reassurance. So:
 * 1. the feed's own time, else the newest time of an item in it, as "Last changed at 16:00": when the
 *    council last changed it;
 * 2. else (a feed with no times at all) "Unchanged since 21:02": the time this device first saw this
 *    content, kept with the stored copy across visits, which is all that is known.
 * A time in the future (a publisher's clock ahead of ours) is shown as now.
 */
export function freshnessText(text: { lang: Lang; t(key: ChangeKey, params: Record<string, string>): string }, feedTime: number | undefined, itemTimes: (number | undefined)[], seenSince: Date | undefined): string {
  // An item's time still to come (a scheduled alert's start) is not a change yet.
  const times = itemTimes.filter((t): t is number => typeof t === 'number' && Number.isFinite(t) && t <= Date.now());
  const changed = feedTime ?? (times.length ? Math.max(...times) : undefined);
  const at = changed !== undefined ? new Date(Math.min(changed, Date.now())) : seenSince;
  if (!at) return '';
  const time = formatTime(at);
  const today = londonDay(at) === londonDay(new Date());
  const key: ChangeKey = changed !== undefined ? (today ? 'changedAt' : 'changedOn') : today ? 'unchangedAt' : 'unchangedOn';
  return text.t(key, { time, date: formatDate(at, text.lang) });
}

export function updatedText(text: { lang: Lang; t(key: 'updatedAt' | 'updatedOn', params: Record<string, string>): string }, date: Date): string {
  const time = formatTime(date);
  return londonDay(date) === londonDay(new Date())
    ? text.t('updatedAt', { time })
    : text.t('updatedOn', { date: formatDate(date, text.lang), time });
}
