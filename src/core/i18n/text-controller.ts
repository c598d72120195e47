import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { langOf, type Lang } from './lang.js';
import { pluralCategory } from './format.js';

import type { Message, PluralForms } from './message.js';

export type { Message, PluralForms } from './message.js';
/**
 * Per-instance overrides: `{ "key": "text" }` for every language, or `{ "cy": { "key": "testun" } }`
 * for one language (which wins).
 */
export type StringOverrides = Record<string, Message | Record<string, Message>>;
export type Params = Record<string, string | number>;

type TextHost = ReactiveControllerHost & HTMLElement & { strings?: StringOverrides | undefined };

const isMessage = (value: unknown): value is Message =>
  typeof value === 'string' || typeof (value as PluralForms | undefined)?.other === 'string';

/** Own properties only: an override's `{constructor}` or a key such as `__proto__` is text like any other. */
const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined => (record && Object.hasOwn(record, key) ? record[key] : undefined);

const fill = (template: string, params: Params = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(own(params, name) ?? whole));

// One MutationObserver for the whole document re-checks every connected widget when any `lang` changes.
const hosts = new Set<SimpleTextController<string>>();
let observer: MutationObserver | undefined;

/**
 * The host's strings in the language of its nearest `[lang]` (followed when it changes), with
 * per-instance overrides from the host's `strings` property. Without plurals: the share bar has
 * none, and its file is budgeted to the byte (TextController adds them).
 */
export class SimpleTextController<K extends string> implements ReactiveController {
  lang: Lang = 'en';
  readonly #host: TextHost;
  readonly #catalogues: Record<Lang, Record<K, Message>>;

  constructor(host: TextHost, catalogues: Record<Lang, Record<K, Message>>) {
    this.#host = host;
    this.#catalogues = catalogues;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    observer ??= new MutationObserver(() => hosts.forEach((c) => c.check()));
    observer.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
    this.lang = langOf(this.#host);
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  /** Re-reads the language and re-renders the host if it changed. */
  check(): void {
    const lang = langOf(this.#host);
    if (lang !== this.lang) {
      this.lang = lang;
      this.#host.requestUpdate();
    }
  }

  protected message(key: K): Message {
    const overrides = this.#host.strings;
    const forLang = own(overrides, this.lang);
    const override = forLang && typeof forLang === 'object' && !isMessage(forLang) ? own(forLang, key) : own(overrides, key);
    return isMessage(override) ? override : (own(this.#catalogues[this.lang], key) ?? this.#catalogues.en[key]);
  }

  /** The message for `key`, with `{name}` placeholders filled from `params`. */
  t(key: K, params?: Params): string {
    const message = this.message(key);
    return fill(typeof message === 'string' ? message : message.other, params);
  }

}

/** The host's strings, with CLDR plural forms (Welsh has all six). */
export class TextController<K extends string> extends SimpleTextController<K> {
  /** The plural form of `key` for `count` in the host's language; `{count}` is filled in. */
  plural(key: K, count: number, params?: Params): string {
    const message = this.message(key);
    return fill(typeof message === 'string' ? message : (message[pluralCategory(count, this.lang)] ?? message.other), { count, ...params });
  }
}
