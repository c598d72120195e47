import { adoptStyles, type CSSResult } from '@lit/reactive-element/css-tag.js';
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { render } from 'lit/html.js';
import { defineElement } from './define.js';
import { jsonObjectConverter } from './json-attribute.js';
import type { StringOverrides } from './i18n/text-controller.js';
import { VERSION } from './version.js';

/** An attribute-backed property: a string (with a default) or a boolean (present or not). Its attribute is its name in kebab-case. */
export interface LiteProperty {
  type?: 'boolean';
  default?: string;
}

/**
 * The base of the share bar, the one widget whose own file must stay smaller than shareon's.
 *
 * Why it exists: `cdn/civic-share-bar.js` is the file a news page loads next to shareon or Shariff,
 * and LitElement with ReactiveElement costs about 2 KB brotli of its 8 KB budget. This class is the
 * part of that contract the share bar uses, on lit-html alone: guarded `define()`, `strings`
 * overrides (parsed once per change), Lit's controller contract (`hostConnected`, `hostUpdate`
 * before each render, `hostUpdated` after it, `hostDisconnected`), one batched render per microtask
 * with an `updateComplete` that also waits for a render requested during a render, properties that
 * mirror their attributes, and Lit's own `adoptStyles` (constructable stylesheets, or `<style>`
 * elements where a browser lacks them, with `window.litNonce` for a CSP nonce).
 *
 * What it costs: inside `cdn/civic-widgets.js`, which carries LitElement for the other widgets
 * anyway, this class is the only code the share bar adds twice over; `npm run size` reports it
 * (`lite-element in civic-widgets.js`, about 0.8 KB brotli). Anything more than the share bar needs
 * belongs in LitElement, not here.
 */
const attributeOf = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export class CivicLiteElement extends HTMLElement implements ReactiveControllerHost {
  static readonly civicVersion = VERSION;
  /** Each subclass gives its own (no defaults here: every byte of the share bar counts). */
  declare static styles: CSSResult[];
  declare static liteProperties: Record<string, LiteProperty>;

  static get observedAttributes(): string[] {
    return ['strings', ...Object.keys(this.liteProperties).map(attributeOf)];
  }

  /** Registers this class as `tag`; safe to call more than once (see CivicElement.define). */
  static define(tag: string): void {
    defineElement(tag, this);
  }

  /** Makes each of `liteProperties` a property that reads and writes its attribute. */
  static declareProperties(): void {
    for (const [name, { type, default: fallback }] of Object.entries(this.liteProperties)) {
      const attribute = attributeOf(name);
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        get(this: HTMLElement) {
          return type === 'boolean' ? this.hasAttribute(attribute) : (this.getAttribute(attribute) ?? fallback);
        },
        set(this: HTMLElement, value: unknown) {
          if (value === undefined || value === null || value === false) this.removeAttribute(attribute);
          else this.setAttribute(attribute, value === true ? '' : typeof value === 'string' ? value : JSON.stringify(value));
        },
      });
    }
  }

  readonly #controllers = new Set<ReactiveController>();
  #strings: StringOverrides | undefined;
  /** The `strings` attribute, parsed when it changes (not at every lookup). */
  #stringsAttribute: StringOverrides | undefined;
  #queued = false;
  #updated: Promise<unknown> = Promise.resolve();

  /** The shadow root the widget renders into, its styles adopted the way LitElement does it. */
  get renderRoot(): ShadowRoot {
    if (!this.shadowRoot) adoptStyles(this.attachShadow({ mode: 'open' }), (this.constructor as typeof CivicLiteElement).styles);
    return this.shadowRoot!;
  }

  /** Per-instance string overrides, as on every widget (JSON attribute or object property). */
  get strings(): StringOverrides | undefined {
    return this.#strings ?? this.#stringsAttribute;
  }
  set strings(value: StringOverrides | undefined) {
    this.#strings = value;
    this.requestUpdate();
  }

  /** Resolves once no render is pending, including one requested while rendering. */
  get updateComplete(): Promise<boolean> {
    return this.#updated.then(() => (this.#queued ? this.updateComplete : true));
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  /** Renders once, in a microtask, however many changes come first. */
  requestUpdate(): void {
    if (this.#queued) return;
    this.#queued = true;
    this.#updated = Promise.resolve().then(() => {
      this.#queued = false;
      if (!this.isConnected) return;
      this.#controllers.forEach((c) => c.hostUpdate?.());
      render(this.render(), this.renderRoot, { host: this });
      this.#controllers.forEach((c) => c.hostUpdated?.());
    });
  }

  connectedCallback(): void {
    // A property set before the element upgraded is an own property hiding the accessor: move it over.
    for (const name of Object.keys((this.constructor as typeof CivicLiteElement).liteProperties)) {
      if (Object.hasOwn(this, name)) {
        const value: unknown = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
    this.#controllers.forEach((c) => c.hostConnected?.());
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.#controllers.forEach((c) => c.hostDisconnected?.());
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'strings') this.#stringsAttribute = jsonObjectConverter.fromAttribute(value) as StringOverrides | undefined;
    if (old !== value) this.requestUpdate();
  }

  protected render(): unknown {
    return undefined;
  }
}
