/**
 * Registers all four tags. The entry of `cdn/civic-widgets.js`.
 *
 * The closure ticker is registered from its own file in `cdn/chunks/`, fetched as soon as this one
 * runs: with it inline the bundle would be over its 20 KB budget (see the README's size notes).
 */
import './alert-banner/define.js';
import './report-form/define.js';
import './share-bar/define.js';

void import('./closure-ticker/define.js').catch(() => undefined);
