import { CivicErrorEvent } from './events.js';

/** Loads one tag's code; the module it loads registers the tag. */
export type TagLoader = () => Promise<unknown>;

/**
 * Downloads a widget's code only when its tag is in the document, or later comes into it: the light
 * DOM, and the open shadow roots of the host page's own components (those present, and those whose
 * definition arrives later). A closed shadow root cannot be seen; a page that puts a widget inside
 * one imports that widget's `define.js` itself.
 *
 * A download that fails (a dropped connection, a blocked file) is reported once, with `civic-error`
 * (`reason: 'script'`) on the element, and tried again at the next `online` event, with `retry` when
 * given (Firefox keeps a module that failed to download as failed for the life of the page, as the
 * HTML standard says, so importing the same address again fails at once). The widget's fallback
 * content stays until then. Nothing is thrown to the page.
 */
export function autoload(loaders: Record<string, TagLoader>, retry?: (tag: string, attempt: number) => Promise<unknown>): void {
  const doc = globalThis.document;
  if (!doc || typeof MutationObserver === 'undefined' || !globalThis.customElements) return;
  const waiting = new Map(Object.entries(loaders));
  const reported = new Set<string>();
  const watched = new WeakSet<Node>();
  const upgrading = new Set<string>();
  let loaded = 0;

  let attempts = 0;
  const load = (tag: string, el: Element): void => {
    const loader = waiting.get(tag);
    if (!loader) return;
    waiting.delete(tag);
    // Defined already, by the widget's own file (`cdn/civic-alert-banner.js` with blocking="render").
    const code = customElements.get(tag) ? Promise.resolve() : loader();
    code.then(() => {
      if (++loaded === Object.keys(loaders).length) observer.disconnect();
    }, (error: unknown) => {
      if (!reported.has(tag)) {
        reported.add(tag);
        const url = /\b(https?:\/\/\S+?\.js)\b/.exec(String(error))?.[1] ?? import.meta.url;
        (el.isConnected ? el : doc).dispatchEvent(new CivicErrorEvent({ url, status: 0, reason: 'script' }));
      }
      addEventListener('online', () => {
        const attempt = ++attempts;
        waiting.set(tag, retry ? () => retry(tag, attempt) : loader);
        scan(doc);
      }, { once: true });
    });
  };

  const watch = (root: Document | ShadowRoot): void => {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
    scan(root);
  };

  /** `node` and everything under it, shadow roots included. */
  const scan = (node: Element | Document | ShadowRoot): void => {
    if (!waiting.size) return;
    const elements = node.querySelectorAll('*');
    const visit = (el: Element): void => {
      const name = el.localName;
      if (waiting.has(name)) load(name, el);
      if (el.shadowRoot) watch(el.shadowRoot);
      else if (name.includes('-') && !customElements.get(name) && !upgrading.has(name)) {
        // A component not yet defined (the host page's own, or ours: an alert banner draws share
        // bars): its shadow root comes when it is.
        upgrading.add(name);
        void customElements.whenDefined(name).then(() => scan(doc));
      }
    };
    if (node instanceof Element) visit(node);
    for (const el of elements) visit(el);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });
  watch(doc);
}
