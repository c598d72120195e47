import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { jsonObjectConverter } from './json-attribute.js';
import { defineElement } from './define.js';
import { sharedStyles } from './styles/shared.js';
import { VERSION } from './version.js';
import type { StringOverrides } from './i18n/text-controller.js';

export { jsonObjectConverter };

/** Base class of every widget: guarded registration, shared styles, per-instance string overrides. */
export class CivicElement extends LitElement {
  /** The library version that defined this class; compared when a tag is registered twice. */
  static readonly civicVersion = VERSION;

  static override styles: CSSResultGroup = sharedStyles;

  static override properties: PropertyDeclarations = {
    strings: { attribute: 'strings', converter: jsonObjectConverter },
  };

  /**
   * Registers this class as `tag`. Safe to call more than once: a tag that is already registered is
   * left alone, with one warning if it came from another version of civic-widgets.
   */
  static define(tag: string): void {
    defineElement(tag, this);
  }

  /**
   * Replaces any visible string of this instance. JSON: `{"key": "text"}` for every language or
   * `{"cy": {"key": "testun"}}` for one. The keys are those of the English catalogues in `src/core/i18n/`.
   */
  declare strings: StringOverrides | undefined;
}
