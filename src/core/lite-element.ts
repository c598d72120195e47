import type { CSSResult, ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { render } from 'lit/html.js';
import { defineElement } from './define.js';
import { jsonObjectConverter } from './json-attribute.js';
import type { StringOverrides } from './i18n/text-controller.js';
import { VERSION } from './version.js';

/** An attribute-backed property: a string (with a default) or a boolean (present or not). */
export interface LiteProperty {
  attribute: string;
  type?: 'boolean';
  default?: string;
}

/**
 * The base of the share bar, the one widget whose whole file must stay smaller than shareon's: Lit's
 * templates (lit-html) without LitElement's reactive base, which costs about 2 KB brotli. It keeps what
 * the widgets rely on: guarded `define()`, `strings` overrides, controllers (`TextController`),
 * batched rendering with `updateComplete`, constructable stylesheets (allowed by a strict CSP), and
 * properties that mirror their attributes.
 */
export class CivicLiteElement extends HTMLElement implements ReactiveControllerHost {
  static readonly civicVersion = VERSION;
  static styles: CSSResult[] = [];
  static liteProperties: Record<string, LiteProperty> = {};

  static get observedAttributes(): string[] {
    return ['strings', ...Object.values(this.liteProperties).map((p) => p.attribute)];
  }

  /** Registers this class as `tag`; safe to call more than once (see CivicElement.define). */
  static define(tag: string): void {
    defineElement(tag, this);
  }

  /** Makes each of `liteProperties` a property that reads and writes its attribute. */
  static declareProperties(): void {
    for (const [name, { attribute, type, default: fallback }] of Object.entries(this.liteProperties)) {
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
  #queued = false;
  #updated: Promise<boolean> = Promise.resolve(true);

  /** The shadow root the widget renders into. */
  get renderRoot(): ShadowRoot {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = (this.constructor as typeof CivicLiteElement).styles.flatMap((s) => s.styleSheet ?? []);
    }
    return this.shadowRoot!;
  }

  /** Per-instance string overrides, as on every widget (JSON attribute or object property). */
  get strings(): StringOverrides | undefined {
    return this.#strings ?? (jsonObjectConverter.fromAttribute(this.getAttribute('strings')) as StringOverrides | undefined);
  }
  set strings(value: StringOverrides | undefined) {
    this.#strings = value;
    this.requestUpdate();
  }

  /** Resolves once the pending render is done. */
  get updateComplete(): Promise<boolean> {
    return this.#updated;
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
      if (this.isConnected) render(this.render(), this.renderRoot, { host: this });
      return true;
    });
  }

  connectedCallback(): void {
    // A property set before the element upgraded is an own property hiding the accessor: move it over.
    for (const name of Object.keys((this.constructor as typeof CivicLiteElement).liteProperties)) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
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

  attributeChangedCallback(): void {
    this.requestUpdate();
  }

  protected render(): unknown {
    return undefined;
  }
}
