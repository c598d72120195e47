import type { FeedErrorReason } from '../events.js';

/** A feed problem with a reason the widget can report in `civic-error`. Never escapes to the page. */
export class FeedError extends Error {
  constructor(
    readonly reason: FeedErrorReason,
    readonly status = 0,
    /** Milliseconds the server asked us to wait (Retry-After on 429 and 503). */
    readonly retryAfter?: number,
  ) {
    super(`civic-widgets feed error: ${reason}${status ? ` (HTTP ${status})` : ''}`);
  }
}
