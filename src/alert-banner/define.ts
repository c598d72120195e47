import { CivicAlertBanner } from './alert-banner.js';

CivicAlertBanner.define('civic-alert-banner');

declare global {
  interface HTMLElementTagNameMap {
    'civic-alert-banner': CivicAlertBanner;
  }
}

export { CivicAlertBanner };
