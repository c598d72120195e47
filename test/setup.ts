/**
 * Imported first by every browser test file. msw answers every HTTP request; a request no handler
 * answers fails the test, and so does any error or rejected promise that escapes to the page.
 */
import { setupWorker } from 'msw/browser';
import { expect } from '@open-wc/testing';

export { http, HttpResponse, delay } from 'msw';

const unhandled: string[] = [];
const hanging: (() => void)[] = [];

/**
 * A response that never comes while the test runs (for timeouts). It ends as a network error when
 * the test is over, so the worker can stop: msw's delay('infinite') would keep it waiting forever.
 */
export function hang(): Promise<Response> {
  return new Promise((resolve) => hanging.push(() => resolve(Response.error())));
}
const escaped: string[] = [];

export const worker = setupWorker();

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

afterEach(() => {
  for (const release of hanging.splice(0)) release();
  worker.resetHandlers();
  const seen = [...unhandled.splice(0), ...escaped.splice(0)];
  expect(seen, 'requests without a handler, or errors that reached the page').to.deep.equal([]);
});

after(async () => {
  await worker.stop();
});
