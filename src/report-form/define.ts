import { CivicReportForm } from './report-form.js';

CivicReportForm.define('civic-report-form');

declare global {
  interface HTMLElementTagNameMap {
    'civic-report-form': CivicReportForm;
  }
}

export { CivicReportForm };
