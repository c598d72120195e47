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
import * as core from '../core/i18n/messages.js';
import { escapeHtml, fragmentMarker, placeholder, translator, type Translator } from '../core/i18n/translator.js';
import { safeUrl } from '../core/safe-url.js';
import { currentAlerts, severityRank } from './current.js';
import { ICON_PATHS } from './icons.js';
import { cy, en } from './messages.js';
import type { Alert, AlertFeed } from './types.js';

export { escapeHtml };

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
type Text = Translator<Key>;

const DISMISSABLE = new Set(['announcement', 'minor']);

/** One alert, in the widget's own structure and classes (so the widget's styles size it the same). */
function alertHtml(alert: Alert, text: Text, level: number, base: string): string {
  const { t } = text;
  const words = alert.translations?.[text.lang] ?? alert;
  const url = safeUrl(words.url, base);
  const time = alert.updated ?? alert.start;
  const when = time === undefined ? '' : updatedText(text, new Date(time));
  const severity = alert.test ? t('testAlert') : alert.eaLevel ? t(`ea.${alert.eaLevel}` as Key) : t(`severity.${alert.severity}` as Key);
  const meta = [words.area ? t('area', { area: words.area }) : '', when].filter(Boolean).join(' · ');
  const attribution = alert.source === 'ea' ? t('eaAttribution') : alert.source === 'met-office' ? t('metAttribution') : '';
  const path = ICON_PATHS[alert.severity];
  return [
    `<li class="alert ${alert.severity}" data-id="${escapeHtml(alert.id)}" data-rank="${severityRank(alert.severity)}">`,
    path ? `<svg class="icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><path d="${path}"></path></svg>` : '',
    '<div class="body">',
    `<p class="severity${alert.severity === 'notable-death' ? ' visually-hidden' : ''}">${escapeHtml(severity)}</p>`,
    `<h${level} class="heading">${escapeHtml(words.title)}</h${level}>`,
    alert.eaLevel ? `<p class="meaning">${escapeHtml(t(`eaMeaning.${alert.eaLevel}` as Key))}</p>` : '',
    words.message ? `<p class="message">${escapeHtml(words.message)}</p>` : '',
    url
      ? `<a class="link" href="${escapeHtml(url)}">${escapeHtml(words.linkText || t('moreInformation'))}</a>`
      : words.linkText
        ? `<span class="link">${escapeHtml(words.linkText)}</span>`
        : '',
    meta ? `<p class="meta">${escapeHtml(meta)}</p>` : '',
    attribution ? `<p class="attribution">${escapeHtml(attribution)}</p>` : '',
    '</div>',
    DISMISSABLE.has(alert.severity) ? placeholder('hide', t('hide')) : '',
    '</li>',
  ].join('');
}

/** The fragment for `feed`'s current alerts ('' inside the marker when none is current). */
export function alertsFragment(feed: AlertFeed, options: FragmentOptions): string {
  const text: Text = translator(options.lang, { en: { ...core.en, ...en }, cy: { ...core.cy, ...cy } });
  const now = options.now ?? Date.now();
  const current = currentAlerts(feed.alerts, { area: options.area, now });
  const max = Math.max(1, Math.trunc(options.max ?? 3) || 1);
  const level = Math.min(6, Math.max(2, Math.trunc(options.headingLevel ?? 2) || 2));
  const shown = current.slice(0, max);
  const more = current.length - shown.length;
  const moreUrl = safeUrl(options.moreUrl, options.base);
  const updated = freshnessText(text, feed.updated, feed.alerts.map((a) => a.updated ?? a.start), new Date(options.fetchedAt));
  const marker = fragmentMarker(options.version, options.fetchedAt, options.lang);
  if (!current.length) return `${marker}</div>`;
  return [
    marker,
    `<section class="civic-alerts" aria-label="${escapeHtml(options.label?.trim() || text.t('region'))}">`,
    // The rest are behind "Show N more": listed empty and hidden, so the widget knows they were there
    // (it announces only alerts the page did not have).
    `<ul role="list">${shown.map((a) => alertHtml(a, text, level, options.base)).join('')}${current
      .slice(max)
      .map((a) => `<li hidden data-id="${escapeHtml(a.id)}" data-rank="${severityRank(a.severity)}"></li>`)
      .join('')}</ul>`,
    '<div class="controls">',
    // The widget's "Show 2 more alerts" button: here a link to every alert, or only its room.
    more ? (moreUrl ? `<a class="more" href="${escapeHtml(moreUrl)}">${escapeHtml(text.plural('showMore', more))}</a>` : placeholder('more', text.plural('showMore', more))) : '',
    updated ? `<p class="updated">${escapeHtml(updated)}</p>` : '',
    '</div></section></div>',
  ].join('');
}
