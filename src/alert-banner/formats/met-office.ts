import { FeedError } from '../../core/feed/feed-error.js';
import type { FeedInput } from '../../core/feed/input.js';
import { mapItems } from '../../core/formats/items.js';
import { parseSyndication } from '../../core/formats/syndication.js';
import { descendants, syndicationKind } from '../../core/formats/xml.js';
import { fromLondon } from '../../core/i18n/format.js';
import { lineText } from '../../core/text.js';
import type { AlertFeed, Severity } from '../types.js';

/**
 * The Met Office's public weather-warnings RSS (`…/PWSCache/WarningsRSS/Region/{region}`), which sends
 * no CORS headers: read it through the relay's `/feeds/{id}`. Each item is one warning, titled
 * "Amber warning of extreme heat affecting London & South East England", its description listing the
 * areas and "valid from 0800 Thu 13 Aug to 2259 Thu 13 Aug" in UK time, with no year. Red and amber
 * warnings are major alerts, yellow ones minor. A warning shows from when it is issued (residents
 * need tomorrow's warning today) until it ends.
 */
const TITLE = /^(yellow|amber|red)\s+warning\s+of\s+(.+?)\s+affecting\s+(.+)$/i;
const VALID = /valid\s+from\s+(\d{2})(\d{2})\s+\w+\s+(\d{1,2})\s+(\w{3})\w*\s+to\s+(\d{2})(\d{2})\s+\w+\s+(\d{1,2})\s+(\w{3})/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function month(name: string): number {
  return MONTHS.indexOf(name.toLowerCase()) + 1;
}

export function parseMetOffice(input: FeedInput): AlertFeed {
  const doc = input.xml();
  if (syndicationKind(doc) !== 'rss') throw new FeedError('shape');
  const published = new Date(Date.parse(descendants(doc, 'pubDate')[0]?.textContent ?? '') || Date.now());
  const { items, skipped } = mapItems(parseSyndication(doc, input.url), (entry) => {
    const title = TITLE.exec(entry.title);
    if (!title) return undefined;
    const [, colour, , region] = title;
    const text = entry.summary;
    // "…England: Bracknell Forest, …, Wokingham valid from …": the areas, for the `area` filter.
    const areas = lineText(text.slice(text.indexOf(':') + 1).split(/\s+valid\s+from\s/i)[0]);
    const valid = VALID.exec(text);
    let end: number | undefined;
    if (valid) {
      // The year is the link's date=YYYY-MM-DD, else the feed's; a warning into January ends next year.
      const linked = /[?&#]date=(\d{4})-(\d{2})/.exec(entry.link ?? '');
      const startMonth = month(valid[4]!);
      const endMonth = month(valid[8]!);
      let year = linked ? Number(linked[1]) : published.getUTCFullYear();
      if (!linked && startMonth < published.getUTCMonth() + 1 - 6) year += 1;
      if (startMonth && endMonth) end = fromLondon(endMonth < startMonth ? year + 1 : year, endMonth, Number(valid[7]), Number(valid[5]), Number(valid[6]));
    }
    const severity: Severity = colour!.toLowerCase() === 'yellow' ? 'minor' : 'major';
    return {
      id: `met-office:${/id=([\w-]+)/.exec(entry.id)?.[1] ?? entry.id}`,
      title: entry.title,
      message: text,
      severity,
      url: entry.link,
      end,
      area: areas && areas !== text ? `${region}: ${areas}` : region,
      source: 'met-office' as const,
    };
  });
  return { alerts: items, skipped, updated: Number.isFinite(published.getTime()) ? published.getTime() : undefined };
}
