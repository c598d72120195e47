/**
 * civic-widgets: classes, types and helpers. Importing this module registers nothing; import
 * `civic-widgets/civic-widgets.js` (or one widget's `define.js`) to register the tags.
 */
export { CivicAlertBanner } from './alert-banner/alert-banner.js';
export { CivicClosureTicker } from './closure-ticker/closure-ticker.js';
export { CivicReportForm } from './report-form/report-form.js';
export { CivicShareBar } from './share-bar/share-bar.js';
export { CivicElement } from './core/civic-element.js';
export { safeUrl } from './core/safe-url.js';
export { VERSION } from './core/version.js';
export * from './core/events.js';
export type { FeedStatus } from './core/feed/feed-controller.js';
export type { Lang } from './core/i18n/lang.js';
export type { StringOverrides, PluralForms } from './core/i18n/text-controller.js';
