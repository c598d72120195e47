import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../core/civic-element.js';

/**
 * @summary Service alerts from the council's own feed.
 *
 * Not built yet: until its issue lands, the element shows its light-DOM fallback content unchanged.
 *
 * @tagname civic-alert-banner
 * @slot - Fallback content, shown when JavaScript or the data is unavailable.
 */
export class CivicAlertBanner extends CivicElement {
  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
