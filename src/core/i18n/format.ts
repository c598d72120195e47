import type { Lang } from './lang.js';

/** Every date and time a widget shows is London time, whatever the device is set to. */
export const TIME_ZONE = 'Europe/London';

const LOCALES: Record<Lang, string> = { en: 'en-GB', cy: 'cy-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();
const plurals = new Map<Lang, Intl.PluralRules>();

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, ...options });
    cache.set(key, format);
  }
  return format;
}

/** "07:42" */
export function formatTime(date: Date, lang: Lang): string {
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** "Friday 10 January" (cy "Dydd Gwener 10 Ionawr"); the year only when it is not this year. */
export function formatDate(date: Date, lang: Lang, now = new Date()): string {
  const sameYear = dateFormat(lang, { year: 'numeric' }).format(date) === dateFormat(lang, { year: 'numeric' }).format(now);
  return dateFormat(lang, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  })
    .format(date)
    .replace(',', '');
}

/** The London calendar day of `date` as `YYYY-MM-DD`, for comparing days. */
export function londonDay(date: Date): string {
  const parts: Record<string, string> = {};
  for (const part of dateFormat('en', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date)) {
    parts[part.type] = part.value;
  }
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** The CLDR plural category of `count` in `lang` (Welsh has all six: zero one two few many other). */
export function pluralCategory(count: number, lang: Lang): Intl.LDMLPluralRule {
  let rules = plurals.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    plurals.set(lang, rules);
  }
  return rules.select(count);
}
