import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../core/civic-element.js';

/**
 * @summary Share links for every channel residents use, with no tracking.
 *
 * Not built yet: until its issue lands, the element shows its light-DOM fallback content unchanged.
 *
 * @tagname civic-share-bar
 * @slot - Fallback content, shown when JavaScript or the data is unavailable.
 */
export class CivicShareBar extends CivicElement {
  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
