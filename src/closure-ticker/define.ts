import { CivicClosureTicker } from './closure-ticker.js';

CivicClosureTicker.define('civic-closure-ticker');

declare global {
  interface HTMLElementTagNameMap {
    'civic-closure-ticker': CivicClosureTicker;
  }
}

export { CivicClosureTicker };
