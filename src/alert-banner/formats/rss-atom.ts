import type { FeedAdapter } from '../../core/feed/feed-controller.js';
import { FeedError } from '../../core/feed/feed-error.js';
import { mapItems } from '../../core/formats/items.js';
import { parseSyndication, syndicationKind } from '../../core/formats/syndication.js';
import type { FeedInput } from '../../core/feed/input.js';
import type { AlertFeed, Severity } from '../types.js';

// A category naming a severity sets it ("Major", "major alert", "Notable death"…).
const SEVERITY_WORD = /notable[\s_-]*death|major|minor|announcement/i;

function parse(input: FeedInput): AlertFeed {
  const doc = input.xml();
  if (!syndicationKind(doc)) throw new FeedError('shape');
  const { items, skipped } = mapItems(parseSyndication(doc, input.url), (entry) => {
    if (!entry.title) return undefined;
    const word = entry.categories.map((c) => SEVERITY_WORD.exec(c)?.[0]).find(Boolean);
    const severity = (word ? word.toLowerCase().replace(/[\s_-]+/g, '-') : 'announcement') as Severity;
    return { id: entry.id, title: entry.title, message: entry.summary, severity, url: entry.link, updated: entry.updated };
  });
  return { alerts: items, skipped };
}

/** RSS 2.0 (and RSS 1.0) as council CMSs publish it. */
export const rss: FeedAdapter<AlertFeed> = { sniff: (input) => syndicationKind(input.xml()) === 'rss', parse };

/** Atom 1.0. */
export const atom: FeedAdapter<AlertFeed> = { sniff: (input) => syndicationKind(input.xml()) === 'atom', parse };
