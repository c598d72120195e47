import type { FeedAdapter } from '../../core/feed/feed-controller.js';
import { lazyParser } from '../../core/feed/lazy.js';
import type { FeedInput } from '../../core/feed/input.js';
import { isRecord } from '../../core/formats/items.js';
import { syndicationKind } from '../../core/formats/xml.js';
import type { AlertFeed } from '../types.js';
import { civicJson } from './civic-json.js';

/**
 * The alert banner's feed formats. civic JSON is built in; the other parsers are loaded the first
 * time a feed in that format is read, so a page pays only for the formats it uses. The sniffers
 * that pick a format for `format="auto"` are small and always present.
 */
// The flood-monitoring API's `{ "items": … }` envelope (civic JSON has `alerts` instead).
const isEaFloods = (input: FeedInput): boolean => {
  const json = input.json();
  return isRecord(json) && 'items' in json && !('alerts' in json);
};

export const adapters: Record<string, FeedAdapter<AlertFeed>> = {
  json: civicJson,
  'ea-floods': { sniff: isEaFloods, parse: lazyParser<AlertFeed>(async () => (await import('./ea-floods.js')).parseEaFloods) },
  cap: {
    sniff: (input) => input.kind === 'xml' && /urn:oasis:names:tc:emergency:cap:1\.[0-2]/.test(input.text),
    parse: lazyParser<AlertFeed>(async () => (await import('./cap.js')).parseCap),
  },
  // Before rss: the Met Office's warnings are RSS, read for their colours, areas and end times.
  'met-office': {
    sniff: (input) => input.kind === 'xml' && /<link>https:\/\/www\.metoffice\.gov\.uk\//.test(input.text) && syndicationKind(input.xml()) === 'rss',
    parse: lazyParser<AlertFeed>(async () => (await import('./met-office.js')).parseMetOffice),
  },
  rss: { sniff: (input) => syndicationKind(input.xml()) === 'rss', parse: lazyParser<AlertFeed>(async () => (await import('./rss-atom.js')).parseEntries) },
  atom: { sniff: (input) => syndicationKind(input.xml()) === 'atom', parse: lazyParser<AlertFeed>(async () => (await import('./rss-atom.js')).parseEntries) },
};
