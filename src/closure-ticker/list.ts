import { html, nothing, type TemplateResult } from 'lit';
import type { TextController } from '../core/i18n/text-controller.js';
import type { CoreMessages } from '../core/i18n/messages.js';
import type { ClosureTickerMessages } from './messages.js';
import { STATUSES, type Closure } from './types.js';

/**
 * List mode: schools grouped by status, "My schools" first, and a search box. Loaded only when a
 * ticker is in list mode, so home-page tickers do not download it.
 */
export interface ListContext {
  text: TextController<keyof ClosureTickerMessages | keyof CoreMessages>;
  closures: Closure[];
  query: string;
  mine: string[];
  item: (closure: Closure) => TemplateResult;
  onSearch: (event: Event) => void;
}

/** Accent- and case-insensitive form for searching ("Ysgol Gymraeg Bro Ddyfi", "Saint-Étienne"). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Closures whose school name or URN contains the query. */
export function matching(closures: Closure[], query: string): Closure[] {
  const q = fold(query.trim());
  return q ? closures.filter((c) => fold(c.school).includes(q) || c.urn?.includes(q)) : closures;
}

export function renderList({ text: t, closures, query, mine: starred, item, onSearch }: ListContext): TemplateResult {
  const found = matching(closures, query);
  const mine = found.filter((c) => starred.includes(c.urn ?? c.id));
  const groups = [
    ...(mine.length ? [[t.t('mySchools'), mine] as const] : []),
    ...STATUSES.map((s) => [t.t(`status.${s}`), found.filter((c) => c.status === s && !mine.includes(c))] as const),
  ].filter(([, items]) => items.length);
  return html`<label for="find">${t.t('find')}</label>
    <p id="find-hint" class="hint">${t.t('findHint')}</p>
    <input part="search" id="find" type="search" autocomplete="off" aria-describedby="find-hint" .value=${query} @input=${onSearch} />
    ${groups.map(
      ([heading, items]) => html`<h3>${heading} <span class="count">(${items.length})</span></h3>
        <ul part="list" role="list">
          ${items.map(item)}
        </ul>`,
    )}
    ${query && !found.length ? html`<p>${t.plural('found', 0)}</p>` : nothing}`;
}
