/** Response bodies that misbehave on the wire, shared by the fault corpora. */
import { HttpResponse } from 'msw';
import { engine } from '../harness/engine.js';

const encoder = new TextEncoder();

/**
 * A body that arrives in part, then stops half-way with a network error. WebKit cannot hand a
 * streamed body to the service worker: msw reads a mocked body whole first, and one that fails
 * half-way broke every later request of the file. There it is the network error the widget would
 * meet, before the headers instead of after them.
 */
export const halfBody = (text: string): Response =>
  engine === 'webkit'
    ? Response.error()
    : new HttpResponse(
    new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode(text.slice(0, text.length / 2)));
        setTimeout(() => controller.error(new Error('connection reset')), 20);
      },
    }),
    { headers: { 'content-type': 'application/json' } },
  );

/** A body that trickles in, a tenth at a time, but completes. */
export const trickle = (text: string): Response =>
  new HttpResponse(
    new ReadableStream({
      async start(controller) {
        const step = Math.ceil(text.length / 10);
        for (let i = 0; i < text.length; i += step) {
          controller.enqueue(encoder.encode(text.slice(i, i + step)));
          await new Promise((r) => setTimeout(r, 15));
        }
        controller.close();
      },
    }),
    { headers: { 'content-type': 'application/json' } },
  );
