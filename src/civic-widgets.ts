/** Registers all four tags. The entry of `cdn/civic-widgets.js`. */
import './alert-banner/define.js';
import './closure-ticker/define.js';
import './report-form/define.js';
import './share-bar/define.js';

export * from './index.js';
