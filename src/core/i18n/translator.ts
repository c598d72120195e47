/**
 * A widget's catalogue for one language as a plain translator, for code without an element (the
 * server-rendered fragments): the same `t` and `plural` as the widgets' TextController, no overrides.
 */
import { pluralCategory } from './format.js';
import type { Lang } from './lang.js';
import type { Message } from './message.js';

export interface Translator<K extends string = string> {
  lang: Lang;
  t: (key: K, params?: Record<string, string | number>) => string;
  plural: (key: K, count: number) => string;
}

export function translator<K extends string>(lang: Lang, catalogues: Record<Lang, Record<K, Message>>): Translator<K> {
  const catalogue = catalogues[lang];
  const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  const message = (key: K): Message | undefined => (Object.hasOwn(catalogue, key) ? catalogue[key] : undefined);
  return {
    lang,
    t: (key, params = {}) => {
      const m = message(key);
      return fill(typeof m === 'string' ? m : (m?.other ?? key), params);
    },
    plural: (key, count) => {
      const m = message(key);
      return fill(typeof m === 'string' ? m : (m?.[pluralCategory(count, lang)] ?? m?.other ?? key), { count });
    },
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML, in content or in a quoted attribute. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * A placeholder the size of one of the widget's buttons ("Hide", "Show 2 more alerts", "Pause"):
 * invisible and silent, it keeps the room the button takes once the widget upgrades, so nothing moves.
 */
export const placeholder = (className: string, words: string): string => `<span class="${className} civic-placeholder" aria-hidden="true">${escapeHtml(words)}</span>`;

/** The fragment's outer marker: the feed's version (ETag or hash) and when it was fetched. */
export const fragmentMarker = (version: string, fetchedAt: number, lang: Lang): string =>
  `<div data-civic-fragment="${escapeHtml(version)}" data-civic-fetched="${new Date(fetchedAt).toISOString()}" lang="${lang}">`;
