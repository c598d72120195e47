import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../core/civic-element.js';

/**
 * @summary Report a street problem to the council's Open311 endpoint.
 *
 * Not built yet: until its issue lands, the element shows its light-DOM fallback content unchanged.
 *
 * @tagname civic-report-form
 * @slot - Fallback content, shown when JavaScript or the data is unavailable.
 */
export class CivicReportForm extends CivicElement {
  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
