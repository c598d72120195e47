import { FeedError } from './feed-error.js';
import type { FeedInput } from './input.js';

/** A parse function that may first have to download its parser; `ready()` does that download alone. */
export type LazyParse<T> = ((input: FeedInput) => Promise<T>) & { ready: () => Promise<void> };

/**
 * A parser loaded the first time a feed in its format is read, so a page downloads only the
 * formats it uses. If its file cannot be downloaded (offline, CDN trouble) the feed fails like a
 * failed fetch, and the next poll tries again. Once loaded, it parses synchronously within the call.
 */
export function lazyParser<T>(load: () => Promise<(input: FeedInput) => T>): LazyParse<T> {
  let parse: ((input: FeedInput) => T) | undefined;
  const ready = async (): Promise<void> => {
    parse ??= await load().catch(() => {
      throw new FeedError('network');
    });
  };
  const run = async (input: FeedInput): Promise<T> => {
    if (!parse) await ready();
    return parse!(input);
  };
  return Object.assign(run, { ready });
}
