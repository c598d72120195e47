/**
 * Imported first by every browser test file. msw answers every HTTP request; a request no handler
 * answers fails the test, and so does any error or rejected promise that escapes to the page.
 */
import { setupWorker } from 'msw/browser';
import { isCommonAssetRequest } from 'msw';
import { expect } from '@open-wc/testing';

export { http, HttpResponse, delay } from 'msw';

const unhandled: string[] = [];
const escaped: string[] = [];

export const worker = setupWorker();

addEventListener('error', (event) => escaped.push(`error: ${event.message}`));
addEventListener('unhandledrejection', (event) => escaped.push(`unhandled rejection: ${String(event.reason)}`));

before(async () => {
  await worker.start({
    quiet: true,
    onUnhandledFrame({ frame, defaults }) {
      const request = (frame.data as { request?: Request }).request;
      // The test runner's own module requests are not the widgets' business.
      if (!request || isCommonAssetRequest(request) || new URL(request.url).pathname.startsWith('/__wds')) return;
      unhandled.push(`${request.method} ${request.url}`);
      defaults.error();
    },
  });
});

afterEach(() => {
  worker.resetHandlers();
  const seen = [...unhandled.splice(0), ...escaped.splice(0)];
  expect(seen, 'requests without a handler, or errors that reached the page').to.deep.equal([]);
});

after(async () => {
  await worker.stop();
});
