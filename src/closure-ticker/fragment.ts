/**
 * The closure ticker's light-DOM fallback HTML for today's closures (tomorrow's after the cutoff):
 * what `civic-relay` serves at `/fragments/{id}.html` for a closures feed. It runs the widget's own
 * rules (current.ts: the day, the area, the order, the words, Welsh) in the widget's own structure and
 * classes, so cdn/civic-widgets.css sizes it as the widget's still ticker (a phone, Reduce Motion) or
 * its moving one (room and motion welcome), and the upgrade moves nothing. Without JavaScript the
 * stylesheet lists every school. Plain HTML, every text escaped, links through safeUrl.
 */
import { formatDate, freshnessText } from '../core/i18n/format.js';
import type { Lang } from '../core/i18n/lang.js';
import * as core from '../core/i18n/messages.js';
import { escapeHtml, fragmentMarker, placeholder, translator } from '../core/i18n/translator.js';
import { safeUrl } from '../core/safe-url.js';
import { closureDay, closureSummary, closuresOn, closureWhen, type ClosureText } from './current.js';
import { cy, en } from './messages.js';
import { STATUSES, type Closure, type ClosureFeed } from './types.js';

/** Closures a still ticker shows before "Show all" (the widget's FIRST). */
const FIRST = 3;

export interface ClosureFragmentOptions {
  lang: Lang;
  area?: string | undefined;
  cutoff?: string | undefined;
  label?: string | undefined;
  /** The widget's `mode`: `ticker` (default) or `list` (grouped by status, with room for the search box). */
  mode?: 'ticker' | 'list' | undefined;
  /** The council's full closures page: "See all closures" (the widget's `list-url`), and "Show all N closures". */
  moreUrl?: string | undefined;
  /** The feed's address: relative links resolve against it. */
  base: string;
  version: string;
  fetchedAt: number;
  now?: number;
}

function itemHtml(c: Closure, when: string, t: ClosureText): string {
  const closedWhen = c.status === 'closed' && when;
  return [
    `<li class="item ${c.status}" data-id="${escapeHtml(c.id)}" data-rank="1">`,
    `<strong class="school">${escapeHtml(c.school)}</strong> `,
    `<span class="status"><span class="dot" aria-hidden="true"></span>${escapeHtml(closedWhen || t.t(`status.${c.status}`))}</span>`,
    when && !closedWhen ? ` <span class="when">${escapeHtml(when)}</span>` : '',
    '</li>',
  ].join('');
}

/** One school in list mode: the widget's row, with room kept for its "My school" button. */
function rowHtml(c: Closure, when: string, t: ClosureText, base: string): string {
  const url = safeUrl(c.url, base);
  const closedWhen = c.status === 'closed' && when;
  return [
    `<li class="item row ${c.status}" data-id="${escapeHtml(c.id)}" data-rank="1">`,
    `<div class="name"><strong class="school">${escapeHtml(c.school)}</strong>`,
    c.reason ? ` <span class="reason">${escapeHtml(c.reason)}</span>` : '',
    c.affected ? ` <span class="affected">${escapeHtml(t.t('affected', { list: c.affected.join(', ') }))}</span>` : '',
    '</div>',
    `<div class="state"><span class="status"><span class="dot" aria-hidden="true"></span>${escapeHtml(closedWhen || t.t(`status.${c.status}`))}</span>`,
    when && !closedWhen ? ` <span class="when">${escapeHtml(when)}</span>` : '',
    '</div><div class="actions">',
    url ? `<a href="${escapeHtml(url)}">${escapeHtml(t.t('moreInformation'))}<span class="visually-hidden">: ${escapeHtml(c.school)}</span></a>` : '',
    `<span class="star civic-placeholder" aria-hidden="true"><span class="star-icon">☆</span>${escapeHtml(t.t('mySchool'))}</span>`,
    '</div></li>',
  ].join('');
}

/**
 * List mode: the room of the search box (its label, hint and field, invisible until the widget
 * upgrades, gone without JavaScript), then the schools grouped by status, as the widget groups them.
 */
function listHtml(closures: Closure[], day: string, tomorrow: boolean, t: ClosureText, base: string): string {
  const search = `<div class="civic-search civic-placeholder-block" aria-hidden="true"><span class="civic-search-label">${escapeHtml(t.t('find'))}</span><p class="hint">${escapeHtml(t.t('findHint'))}</p><span class="civic-search-field"></span></div>`;
  const groups = STATUSES.map((status) => [t.t(`status.${status}`), closures.filter((c) => c.status === status)] as const).filter(([, items]) => items.length);
  return (
    search +
    groups
      .map(([heading, items]) => `<h3>${escapeHtml(heading)} <span class="count">(${items.length})</span></h3><ul role="list">${items.map((c) => rowHtml(c, closureWhen(c, day, tomorrow, t), t, base)).join('')}</ul>`)
      .join('')
  );
}

/** The fragment for `feed`'s closures on the day the ticker shows now. */
export function closuresFragment(feed: ClosureFeed, options: ClosureFragmentOptions): string {
  const t: ClosureText = translator(options.lang, { en: { ...core.en, ...en }, cy: { ...core.cy, ...cy } });
  const rules = { area: options.area, cutoff: options.cutoff, now: options.now ?? Date.now() };
  const { day, tomorrow } = closureDay(feed.closures, options.lang, rules);
  const closures = closuresOn(feed.closures, day, options.lang, rules);
  const shown = closures.filter((c) => c.status !== 'open');
  const updated = freshnessText(t, feed.updated, feed.closures.map((c) => c.updated), new Date(options.fetchedAt));
  const seeAll = safeUrl(options.moreUrl, options.base);
  const showAll = t.plural('showAll', shown.length);
  return [
    fragmentMarker(options.version, options.fetchedAt, options.lang),
    `<section class="civic-closures" aria-label="${escapeHtml(options.label?.trim() || t.t('region'))}">`,
    `<p class="summary"><strong>${escapeHtml(closureSummary(closures, t))}</strong> ${updated ? `<span class="updated">${escapeHtml(updated)}</span>` : ''}</p>`,
    tomorrow ? `<p class="tomorrow">${escapeHtml(t.t('tomorrow', { date: formatDate(new Date(`${day}T12:00:00Z`), t.lang) }))}</p>` : '',
    closures.length && options.mode === 'list'
      ? listHtml(closures, day, tomorrow, t, options.base)
      : closures.length
      ? [
          '<div class="ticker"><div class="viewport"><div class="track">',
          `<ul role="list">${shown.map((c) => itemHtml(c, closureWhen(c, day, tomorrow, t), t)).join('')}</ul>`,
          '</div></div>',
          placeholder('pause', t.t('pause')),
          // The widget's "Show all 12 closures" button: here a link to the closures page, or only its room.
          shown.length > FIRST ? (seeAll ? `<a class="show-all" href="${escapeHtml(seeAll)}">${escapeHtml(showAll)}</a>` : placeholder('show-all', showAll)) : '',
          '</div>',
        ].join('')
      : '',
    seeAll ? `<a class="see-all" href="${escapeHtml(seeAll)}">${escapeHtml(t.t('seeAll'))}</a>` : '',
    '</section></div>',
  ].join('');
}
