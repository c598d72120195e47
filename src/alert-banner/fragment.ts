/**
 * The alert banner's light-DOM fallback HTML for the current alerts: what `civic-relay` serves at
 * `/fragments/{id}.html` and prints with `civic-relay render`, for pages that must show the alerts
 * without JavaScript and without a layout shift when the widget upgrades. It runs the widget's own
 * code (the feed's parser, `currentAlerts`, the messages and their Welsh, the time formats, safeUrl),
 * so the fragment and the widget show the same alerts in the same order and words. Plain HTML: real
 * headings and links, no script, no inline style, no event handler; every text escaped.
 */
import { freshnessText, updatedText } from '../core/i18n/format.js';
import type { Lang } from '../core/i18n/lang.js';
import type { Message } from '../core/i18n/message.js';
import * as core from '../core/i18n/messages.js';
import { pluralCategory } from '../core/i18n/format.js';
import { safeUrl } from '../core/safe-url.js';
import { currentAlerts } from './current.js';
import { cy, en } from './messages.js';
import type { Alert, AlertFeed } from './types.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface FragmentOptions {
  lang: Lang;
  /** Most alerts shown (the widget's `max`); the rest are counted in a link to `moreUrl`. */
  max?: number;
  headingLevel?: number;
  label?: string | undefined;
  area?: string | undefined;
  /** The feed's address: relative links resolve against it (the server has no document). */
  base: string;
  /** The page with every alert (the fallback link), for "See all N alerts". */
  moreUrl?: string | undefined;
  /** Marks the fragment: the feed's ETag or hash, so the widget knows which copy it holds. */
  version: string;
  /** When the feed was fetched (epoch ms). */
  fetchedAt: number;
  now?: number;
}

type Key = keyof typeof en | keyof typeof core.en;

/** The widget's catalogue for one language, as a translator. */
function translator(lang: Lang) {
  const catalogue: Record<string, Message> = lang === 'cy' ? { ...core.cy, ...cy } : { ...core.en, ...en };
  const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  const t = (key: Key, params: Record<string, string | number> = {}): string => {
    const message = catalogue[key];
    return fill(typeof message === 'string' ? message : (message?.other ?? key), params);
  };
  const plural = (key: Key, count: number): string => {
    const message = catalogue[key];
    const form = typeof message === 'string' ? message : (message?.[pluralCategory(count, lang)] ?? message?.other ?? key);
    return fill(form, { count });
  };
  return { lang, t, plural };
}

function alertHtml(alert: Alert, text: ReturnType<typeof translator>, level: number, base: string): string {
  const { t } = text;
  const words = alert.translations?.[text.lang] ?? alert;
  const url = safeUrl(words.url, base);
  const time = alert.updated ?? alert.start;
  const when = time === undefined ? '' : updatedText(text, new Date(time));
  const severity = alert.test ? t('testAlert') : alert.eaLevel ? t(`ea.${alert.eaLevel}` as Key) : t(`severity.${alert.severity}` as Key);
  const meta = [words.area ? t('area', { area: words.area }) : '', when].filter(Boolean).join(' · ');
  const attribution = alert.source === 'ea' ? t('eaAttribution') : alert.source === 'met-office' ? t('metAttribution') : '';
  return [
    `<li class="alert ${alert.severity}" data-id="${escapeHtml(alert.id)}" data-severity="${alert.severity}">`,
    `<p class="severity${alert.severity === 'notable-death' ? ' visually-hidden' : ''}">${escapeHtml(severity)}</p>`,
    `<h${level} class="heading">${escapeHtml(words.title)}</h${level}>`,
    alert.eaLevel ? `<p class="meaning">${escapeHtml(t(`eaMeaning.${alert.eaLevel}` as Key))}</p>` : '',
    words.message ? `<p class="message">${escapeHtml(words.message)}</p>` : '',
    url ? `<p class="link"><a href="${escapeHtml(url)}">${escapeHtml(words.linkText || t('moreInformation'))}</a></p>` : '',
    meta ? `<p class="meta">${escapeHtml(meta)}</p>` : '',
    attribution ? `<p class="attribution">${escapeHtml(attribution)}</p>` : '',
    '</li>',
  ].join('');
}

/** The fragment for `feed`'s current alerts ('' inside the marker when none is current). */
export function alertsFragment(feed: AlertFeed, options: FragmentOptions): string {
  const text = translator(options.lang);
  const now = options.now ?? Date.now();
  const current = currentAlerts(feed.alerts, { area: options.area, now });
  const max = Math.max(1, Math.trunc(options.max ?? 3) || 1);
  const level = Math.min(6, Math.max(2, Math.trunc(options.headingLevel ?? 2) || 2));
  const shown = current.slice(0, max);
  const more = current.length - shown.length;
  const moreUrl = safeUrl(options.moreUrl, options.base);
  const updated = freshnessText(text, feed.updated, feed.alerts.map((a) => a.updated ?? a.start), new Date(options.fetchedAt));
  const marker = `<div data-civic-fragment="${escapeHtml(options.version)}" data-civic-fetched="${new Date(options.fetchedAt).toISOString()}" lang="${options.lang}">`;
  if (!current.length) return `${marker}</div>`;
  return [
    marker,
    `<section class="civic-alerts" aria-label="${escapeHtml(options.label?.trim() || text.t('region'))}">`,
    `<ul role="list">${shown.map((a) => alertHtml(a, text, level, options.base)).join('')}</ul>`,
    '<div class="controls">',
    more && moreUrl ? `<a class="more" href="${escapeHtml(moreUrl)}">${escapeHtml(text.plural('showMore', more))}</a>` : '',
    updated ? `<p class="updated">${escapeHtml(updated)}</p>` : '',
    '</div></section></div>',
  ].join('');
}
