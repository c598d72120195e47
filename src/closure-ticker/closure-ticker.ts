import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../core/civic-element.js';

/**
 * @summary School closures as a ticker and a searchable list.
 *
 * Not built yet: until its issue lands, the element shows its light-DOM fallback content unchanged.
 *
 * @tagname civic-closure-ticker
 * @slot - Fallback content, shown when JavaScript or the data is unavailable.
 */
export class CivicClosureTicker extends CivicElement {
  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
