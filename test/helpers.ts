/** Small helpers shared by the browser tests. */
import { expect } from '@open-wc/testing';
import { hangingRequests, pendingRequests } from './setup.js';
import { requestsInFlight } from '../src/core/feed/source.js';

// Saved before any test installs fake timers, so waiting for real I/O (msw's worker) still works.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/** Real time passes (for msw's service worker round trip), even while fake timers are installed. */
export function realDelay(ms = 0): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}

/**
 * Waits until the page is quiet: no request unanswered (msw) or feed answer undelivered but those
 * that hang on purpose, no render pending in `elements`, then one more frame for what a render
 * starts (observers, animation frames). A condition, so a "nothing happened" check that follows is made after real quiet, not
 * after a guessed delay; it fails the test when the page never settles.
 */
export async function settled(...elements: Element[]): Promise<void> {
  const busy = () => pendingRequests() > hangingRequests() || requestsInFlight() > hangingRequests() || elements.some((el) => (el as { isUpdatePending?: boolean }).isUpdatePending);
  await until(() => !busy(), 'the page to settle');
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await until(() => !busy(), 'the page to settle after a frame');
}

/** Waits (in real time) until `check` returns true, or fails the test with `what`. */
export async function until(check: () => boolean, what = 'condition', timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) expect.fail(`timed out waiting for ${what}`);
    await realDelay(10);
  }
}

/** Collects every event of `type` dispatched on `target` (or bubbling to it). */
export function collect<E extends Event>(target: EventTarget, type: string): E[] {
  const events: E[] = [];
  target.addEventListener(type, (event) => events.push(event as E));
  return events;
}

/** Counts DOM mutations in `root` (a shadow root or element), including text changes. */
export function watchMutations(root: Node): { count: () => number; stop: () => void } {
  let records = 0;
  const observer = new MutationObserver((list) => (records += list.length));
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return {
    count: () => {
      records += observer.takeRecords().length;
      return records;
    },
    stop: () => observer.disconnect(),
  };
}

/** Overrides document.hidden and fires visibilitychange, as a tab switch would. */
export function setPageHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Puts document.hidden back to the browser's own value, without firing an event. */
export function resetPageVisibility(): void {
  delete (document as { hidden?: boolean }).hidden;
  delete (document as { visibilityState?: string }).visibilityState;
}

interface FakeClock {
  now: number;
  tickAsync(ms: number): Promise<number>;
  timers?: Map<number, { callAt?: number }>;
}

/**
 * Advances fake time by `ms`, stopping at each timer that falls due so that a request it starts can
 * finish its real round trip through msw before time moves on (otherwise the 10 s request timeout
 * would fire first). `inFlight` reports requests still under way.
 */
export async function advanceClock(clock: FakeClock, ms: number, inFlight: () => number): Promise<void> {
  const target = clock.now + ms;
  for (;;) {
    const due = [...(clock.timers?.values() ?? [])]
      .map((t) => t.callAt ?? Infinity)
      .filter((t) => t <= target);
    const next = due.length ? Math.max(clock.now, Math.min(...due)) : target;
    await clock.tickAsync(next - clock.now);
    await until(() => inFlight() === 0, 'requests to finish');
    await realDelay(0);
    if (next >= target && !due.some((t) => t > clock.now)) break;
    if (clock.now >= target) break;
  }
}

/** Empties the shared live regions, so a test sees only its own announcements. */
export function clearAnnouncements(): void {
  for (const region of document.querySelectorAll('[data-civic-live]')) region.replaceChildren();
}
