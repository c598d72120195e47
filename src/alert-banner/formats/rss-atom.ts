import { FeedError } from '../../core/feed/feed-error.js';
import { mapItems } from '../../core/formats/items.js';
import { parseSyndication } from '../../core/formats/syndication.js';
import { syndicationKind } from '../../core/formats/xml.js';
import type { FeedInput } from '../../core/feed/input.js';
import type { AlertFeed, Severity } from '../types.js';

// A category naming a severity sets it ("Major", "major alert", "Notable death"…).
const SEVERITY_WORD = /notable[\s_-]*death|major|minor|announcement/i;

/** RSS 2.0, RSS 1.0 and Atom 1.0, as council CMSs publish them. */
export function parseEntries(input: FeedInput): AlertFeed {
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
