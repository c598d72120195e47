import { fetchBody, HttpError } from '../http.js';
import { FeedError } from './feed-error.js';

export interface FeedResponse {
  /** 200…299, or 304 when a proxy or service worker answered a revalidation itself. */
  status: number;
  contentType: string;
  /** The decoded body ('' for 304). */
  text: string;
}

/**
 * Fetches a feed through the HTTP layer, revalidating through the browser's HTTP cache
 * (`cache: 'no-cache'` sends If-None-Match / If-Modified-Since for us, so an unchanged feed costs a
 * 304 and no preflight), within `timeout` milliseconds. Every failure is a FeedError.
 */
export async function fetchFeed(url: string, signal: AbortSignal, timeout: number): Promise<FeedResponse> {
  let body;
  try {
    body = await fetchBody(url, { signal, timeout, init: { cache: 'no-cache' } });
  } catch (error) {
    if (error instanceof HttpError) throw new FeedError(error.reason, error.status);
    throw error; // a bug, not a feed problem: it must be seen
  }
  if (body.status === 304) return { status: 304, contentType: '', text: '' };
  if (!body.ok) throw new FeedError('http', body.status, body.retryAfter);
  return { status: body.status, contentType: body.contentType, text: body.text };
}
