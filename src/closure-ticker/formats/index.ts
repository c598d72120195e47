import type { FeedAdapter } from '../../core/feed/feed-controller.js';
import { FeedError } from '../../core/feed/feed-error.js';
import { lazyParser } from '../../core/feed/lazy.js';
import { isRecord, mapItems } from '../../core/formats/items.js';
import { syndicationKind } from '../../core/formats/xml.js';
import { parseTime } from '../../core/i18n/format.js';
import type { ClosureFeed } from '../types.js';
import { toClosure } from './closure.js';

/**
 * The closure ticker's formats. civic closures JSON is built in; the RSS/Atom and CSV readers are
 * loaded the first time a feed in that format is read (CSV pulls in d3-dsv), so pages that do not
 * use them never download them.
 */
const feeds = lazyParser<ClosureFeed>(async () => (await import('./rss-atom.js')).parseClosureEntries);

export const adapters: Record<string, FeedAdapter<ClosureFeed>> = {
  json: {
    sniff: (input) => input.kind === 'json' && isRecord(input.json()) && 'closures' in (input.json() as object),
    parse(input) {
      const json = input.json();
      if (!isRecord(json) || !Array.isArray(json['closures'])) throw new FeedError('shape');
      const { items, skipped } = mapItems(json['closures'], (raw) => toClosure(raw, input.url));
      return { closures: items, skipped, updated: parseTime(json['updated']) };
    },
  },
  rss: { sniff: (input) => syndicationKind(input.xml()) === 'rss', parse: feeds },
  atom: { sniff: (input) => syndicationKind(input.xml()) === 'atom', parse: feeds },
  csv: { sniff: (input) => input.kind === 'csv', parse: lazyParser<ClosureFeed>(async () => (await import('./csv.js')).parseClosureCsv) },
};
