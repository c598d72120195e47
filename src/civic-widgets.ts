/**
 * Registers all four tags. The entry of `cdn/civic-widgets.js`.
 *
 * The closure ticker and the report form are registered from their own files in `cdn/chunks/`,
 * fetched as soon as this one runs: with them inline the bundle would be over its 20 KB budget (see
 * the README's size notes). Their fallback content shows until then.
 */
import './alert-banner/define.js';
import './share-bar/define.js';

void import('./closure-ticker/define.js').catch(() => undefined);
void import('./report-form/define.js').catch(() => undefined);
