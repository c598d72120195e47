import { FeedError } from './feed-error.js';
import type { FeedInput } from './input.js';

/**
 * A parser loaded the first time a feed in its format is read, so a page downloads only the
 * formats it uses. If its file cannot be downloaded (offline, CDN trouble) the feed fails like a
 * failed fetch, and the next poll tries again.
 */
export const lazyParser =
  <T>(load: () => Promise<(input: FeedInput) => T>) =>
  async (input: FeedInput): Promise<T> =>
    (
      await load().catch(() => {
        throw new FeedError('network');
      })
    )(input);
