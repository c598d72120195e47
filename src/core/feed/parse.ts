import { reportBug } from '../bug.js';
import { FeedError } from './feed-error.js';
import type { FeedResponse } from './fetch-feed.js';
import { FeedInput } from './input.js';
import type { LazyParse } from './lazy.js';
import { textCuts } from '../text.js';

/** Reads one feed format into the widget's data. Throw FeedError('shape') when the body is not that format. */
export interface FeedAdapter<T> {
  /** For `format="auto"`: does this body look like this format? */
  sniff?(input: FeedInput): boolean;
  parse(input: FeedInput): T | Promise<T>;
}

export type Adapters<T> = Readonly<Record<string, FeedAdapter<T>>>;

/**
 * The adapter for `format`: the named one (own names only, so `format="constructor"` names nothing),
 * else, for `auto` or an unknown name, the first whose sniffer matches.
 */
export function adapterFor<T>(adapters: Adapters<T>, format: string, input: FeedInput): FeedAdapter<T> {
  if (Object.hasOwn(adapters, format)) return adapters[format]!;
  if (input.kind === 'html') throw new FeedError('content-type');
  for (const adapter of Object.values(adapters)) {
    try {
      if (adapter.sniff?.(input)) return adapter;
    } catch (error) {
      // A sniffer that finds the body is not its kind (FeedError) simply does not match.
      if (!(error instanceof FeedError)) reportBug(error);
    }
  }
  throw new FeedError('parse');
}

/**
 * A response as the widget's data, and how many of its texts were cut to their length limit. Bad
 * data is a FeedError with its reason; anything else thrown is a bug, reported (see bug.ts) and
 * answered as unreadable, so the widget keeps what it had.
 */
export async function parseFeed<T>(response: FeedResponse, url: string, format: string, adapters: Adapters<T>): Promise<{ data: T; shortened: number }> {
  try {
    const input = new FeedInput(response.text, response.contentType, url);
    const adapter = adapterFor(adapters, format, input);
    await (adapter.parse as Partial<LazyParse<T>>).ready?.(); // a parser from another file is downloaded first
    // Parsing itself is synchronous: the texts cut meanwhile are this feed's.
    const before = textCuts();
    const parsed = adapter.parse(input);
    const shortened = textCuts() - before;
    return { data: await parsed, shortened };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    reportBug(error);
    throw new FeedError('parse');
  }
}
