/**
 * Imported first by every browser test file. msw answers every HTTP request; a request no handler
 * answers fails the test, and so does any error or rejected promise that escapes to the page.
 */
import { setupWorker } from 'msw/browser';
import { expect, fixtureCleanup } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { requestsInFlight } from '../src/core/feed/source.js';

export { http, HttpResponse, delay } from 'msw';

const unhandled: string[] = [];
// Saved before any test fakes timers.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const hanging: (() => void)[] = [];

/**
 * A response that never comes while the test runs (for timeouts). It ends as a network error when
 * the test is over, so the worker can stop: msw's delay('infinite') would keep it waiting forever.
 */
export function hang(): Promise<Response> {
  return new Promise((resolve) => hanging.push(() => resolve(Response.error())));
}
const escaped: string[] = [];

/**
 * The errors reported to the page so far (a bug surfaced with reportError, an uncaught error), taken
 * so that the test expecting them passes; any left at the end of a test fail it.
 */
export function takeErrors(): string[] {
  return escaped.splice(0);
}

/**
 * Runs `body` while a bug reported to the page (reportError) is expected: mocha's own handler, which
 * fails the test at once, is held off; `takeErrors()` then says what was reported.
 */
export async function expectingBugs<T>(body: () => Promise<T>): Promise<T> {
  const mochaHandler = window.onerror;
  window.onerror = () => true;
  try {
    return await body();
  } finally {
    window.onerror = mochaHandler;
  }
}

export const worker = setupWorker();

/**
 * Every fetch the page has started and not yet settled. msw counts a request only once it reaches
 * the service worker, which in WebKit under load can be well after the fetch was made: a test that
 * ended then (a form still loading a service's questions) met no handler in the next one.
 */
let fetching = 0;
const pageFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (...args: Parameters<typeof fetch>): Promise<Response> => {
  fetching++;
  const settle = () => void (fetching = Math.max(0, fetching - 1));
  const answer = pageFetch(...args);
  answer.then(settle, settle);
  return answer;
};

/** The test runner's own requests (modules, fixtures read by tests) are not the widgets' business. */
function isTestRunnerRequest(url: URL): boolean {
  return (
    url.origin === location.origin &&
    (/^\/(node_modules|src|test|__web-dev-server|__wds|__web-test-runner__)\//.test(url.pathname) ||
      /\.(m?[jt]s|css|map)$/.test(url.pathname))
  );
}

addEventListener('error', (event) => escaped.push(`error: ${event.message}`));
addEventListener('unhandledrejection', (event) => escaped.push(`unhandled rejection: ${String(event.reason)}`));

before(async () => {
  await worker.start({
    quiet: true,
    onUnhandledFrame({ frame, defaults }) {
      const request = (frame.data as { request?: Request }).request;
      if (!request || isTestRunnerRequest(new URL(request.url))) return;
      unhandled.push(`${request.method} ${request.url}`);
      defaults.error();
    },
  });
});

/** Requests the page has made that msw has not finished answering. */
let pending = 0;
/** How many requests msw is answering now (a request hanging on purpose counts until the test ends). */
export const pendingRequests = (): number => pending;
/** How many of those hang on purpose (see hang()): they never settle while the test runs. */
export const hangingRequests = (): number => hanging.length;
worker.events.on('request:start', ({ request }) => {
  pending++;
  const url = new URL(request.url);
  if (!isTestRunnerRequest(url)) usage.hosts.add(url.hostname);
});
worker.events.on('request:end', () => void (pending = Math.max(0, pending - 1)));

/**
 * What the widgets keep on the device (our keys, as patterns; IndexedDB databases) and the hosts they
 * ask, over this file's tests: run.mjs checks docs/privacy.md names each.
 */
const usage = { storage: new Set<string>(), hosts: new Set<string>() };
const keyPattern = (key: string) => key.replace(/^civic-widgets:feed:.*$/, 'civic-widgets:feed:<kind>:<url>').replace(/^(civic-widgets:report:).*$/, '$1<endpoint>');
async function noteStorage(): Promise<void> {
  for (const [name, area] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
    for (let i = 0; i < area.length; i++) {
      const key = area.key(i);
      // (The storage helpers' own unit tests use names of their own, `civic-widgets:test-…`.)
      if (key?.startsWith('civic-widgets:') && !key.startsWith('civic-widgets:test-')) usage.storage.add(`${name} ${keyPattern(key)}`);
    }
  }
  const databases = (await indexedDB.databases?.()) ?? [];
  for (const { name } of databases) if (name) usage.storage.add(`IndexedDB ${name}`);
}

afterEach(async () => {
  await noteStorage();
  for (const release of hanging.splice(0)) release();
  // Feed requests already made finish under this test's handlers (WebKit can hand a request to the
  // service worker late: after the handlers were reset, it failed the next test instead).
  const settleStart = performance.now();
  while (requestsInFlight() > 0 && performance.now() - settleStart < 2000) await new Promise((resolve) => realSetTimeout(resolve, 10));
  // The widgets go first, so nothing polls or retries after this test's handlers are gone; then
  // what is still in flight finishes under them. (Firefox and WebKit end tests while a request is
  // under way more often than Chromium: that request used to meet no handler and fail the file.)
  fixtureCleanup();
  // A fetch already made takes a moment to reach the service worker (and count as pending).
  await new Promise((resolve) => realSetTimeout(resolve, 30));
  const start = performance.now();
  while ((pending > 0 || fetching > 0) && performance.now() - start < 3000) await new Promise((resolve) => realSetTimeout(resolve, 10));
  worker.resetHandlers();
  const seen = [...unhandled.splice(0), ...escaped.splice(0)];
  if (seen.length) console.warn('pending at the end:', pending);
  expect(seen, 'requests without a handler, or errors that reached the page').to.deep.equal([]);
});

after(async () => {
  await executeServerCommand('civic-privacy-usage', { storage: [...usage.storage], hosts: [...usage.hosts] });
  await worker.stop();
});
