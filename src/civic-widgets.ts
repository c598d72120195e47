/**
 * The entry of `cdn/civic-widgets.js`: every tag, each widget's code downloaded only when its tag is
 * on the page (see core/autoload.ts). A page with only a share bar fetches the share bar's code and
 * the parts it shares with the others, nothing more. Each widget's fallback content shows until then.
 */
import { autoload } from './core/autoload.js';

/**
 * Set by the script-tag build (rollup.config.mjs): a download that failed is tried again from the
 * widget's own self-contained file beside this one (`cdn/civic-<widget>.js`, Lit inside), under an
 * address the page has not tried before, as Firefox will not fetch a module again once it has failed
 * (nor anything that imports it). Bundlers of the npm build retry the same import instead.
 */
const RETRY_FROM_OWN_FILE = false;

autoload({
  'civic-alert-banner': () => import('./alert-banner/define.js'),
  'civic-closure-ticker': () => import('./closure-ticker/define.js'),
  'civic-report-form': () => import('./report-form/define.js'),
  'civic-share-bar': () => import('./share-bar/define.js'),
}, RETRY_FROM_OWN_FILE ? (tag, attempt) => import(new URL(`./${tag}.js?retry=${attempt}`, import.meta.url).href) : undefined);
