import { LangController, type Lang } from './lang.js';
import { formatDate, formatTime, londonDay, pluralCategory } from './format.js';
import type { ReactiveControllerHost } from 'lit';

/** One form per CLDR plural category; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralForms;
export type Catalogue = Record<string, Message>;
/**
 * Per-instance overrides: `{ "key": "text" }` for every language, or `{ "cy": { "key": "testun" } }`
 * for one language (which wins).
 */
export type StringOverrides = Record<string, Message | Record<string, Message>>;
export type Params = Record<string, string | number>;

type TextHost = ReactiveControllerHost & HTMLElement & { strings?: StringOverrides | undefined };

function isMessage(value: unknown): value is Message {
  return typeof value === 'string' || (typeof value === 'object' && value !== null && typeof (value as PluralForms).other === 'string');
}

function fill(template: string, params: Params | undefined): string {
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;
}

/**
 * The host's strings in its language (see LangController), with per-instance overrides from the
 * host's `strings` property.
 */
export class TextController<K extends string> extends LangController {
  readonly #host: TextHost;
  readonly #catalogues: Record<Lang, Record<K, Message>>;

  constructor(host: TextHost, catalogues: Record<Lang, Record<K, Message>>) {
    super(host);
    this.#host = host;
    this.#catalogues = catalogues;
  }

  #message(key: K): Message {
    const overrides = this.#host.strings;
    const forLang = overrides?.[this.lang];
    const override = forLang && !isMessage(forLang) ? forLang[key] : overrides?.[key];
    if (isMessage(override)) return override;
    return this.#catalogues[this.lang][key] ?? this.#catalogues.en[key] ?? key;
  }

  /** The message for `key`, with `{name}` placeholders filled from `params`. */
  t(key: K, params?: Params): string {
    const message = this.#message(key);
    return fill(typeof message === 'string' ? message : message.other, params);
  }

  /**
   * "Updated 07:42" today, else "Updated Friday 9 January at 07:42", from the `updatedAt` and
   * `updatedOn` strings (which every catalogue that uses this must have).
   */
  updated(date: Date): string {
    const time = formatTime(date);
    return londonDay(date) === londonDay(new Date())
      ? this.t('updatedAt' as K, { time })
      : this.t('updatedOn' as K, { date: formatDate(date, this.lang), time });
  }

  /** The plural form of `key` for `count` in the host's language; `{count}` is filled in. */
  plural(key: K, count: number, params?: Params): string {
    const message = this.#message(key);
    const template = typeof message === 'string' ? message : (message[pluralCategory(count, this.lang)] ?? message.other);
    return fill(template, { count, ...params });
  }
}
