import { CivicShareBar } from './share-bar.js';

CivicShareBar.define('civic-share-bar');

declare global {
  interface HTMLElementTagNameMap {
    'civic-share-bar': CivicShareBar;
  }
}

export { CivicShareBar };
