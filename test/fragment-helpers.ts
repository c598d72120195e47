// Shared by the server-rendered fragment tests (test/*/adopt.test.ts): a feed that answers when told,
// cdn/civic-widgets.css linked afresh, and boxes measured relative to the widget.
import sinon from 'sinon';
import { clearAnnouncements } from './helpers.js';
import { worker, http, HttpResponse } from './setup.js';

const holding: (() => void)[] = [];

/** `url` answers `feed()` only once `release()` is called: the time a first visitor waits for it. */
export function heldFeed(url: string, feed: () => object): { release: () => void } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  holding.push(release);
  worker.use(http.get(url, async () => (await held, HttpResponse.json(feed()))));
  return { release };
}

/** Lets every held feed answer: no request left hanging into the next test. */
export function releaseHeldFeeds(): void {
  for (const release of holding.splice(0)) release();
}

let link: HTMLLinkElement | undefined;
/**
 * Links cdn/civic-widgets.css afresh (a resident's Reduce Motion is set before the page loads; WebKitGTK
 * does not re-evaluate a loaded stylesheet's media queries when the setting changes with the page open).
 */
export async function linkWidgetsCss(): Promise<HTMLLinkElement> {
  link?.remove();
  const next = document.createElement('link');
  next.rel = 'stylesheet';
  next.href = `/cdn/civic-widgets.css?${Math.random()}`;
  const loaded = new Promise((resolve, reject) => ((next.onload = resolve), (next.onerror = reject)));
  document.head.append(next);
  link = next;
  await loaded; // cdn/civic-widgets.css is missing: run `npm run build` first
  return next;
}

export function unlinkWidgetsCss(): void {
  link?.remove();
  link = undefined;
}

/** The boxes `selector` finds in `root`, and the host's own, relative to the host, to the pixel. */
export function boxesIn(host: HTMLElement, root: ParentNode, selector: string): number[][] {
  const origin = host.getBoundingClientRect();
  const box = (el: Element) => {
    const r = el.getBoundingClientRect();
    return [r.left - origin.left, r.top - origin.top, r.width, r.height].map(Math.round);
  };
  return [[0, 0, Math.round(origin.width), Math.round(origin.height)], ...[...root.querySelectorAll(selector)].map(box)];
}

/** Each test starts with nothing stored and nothing announced, on `now` (the clock's Date only), and ends with no feed held. */
export function fragmentTestHooks(now: Date): void {
  beforeEach(() => {
    localStorage.clear();
    clearAnnouncements();
    sinon.useFakeTimers({ now, toFake: ['Date'] });
  });
  afterEach(() => {
    releaseHeldFeeds();
    sinon.restore();
  });
}
