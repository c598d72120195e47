import type { FeedInput } from '../../core/feed/input.js';
import { FeedError } from '../../core/feed/feed-error.js';
import { asList, idOf, isRecord, mapItems } from '../../core/formats/items.js';
import { parseTime } from '../../core/i18n/format.js';
import { safeUrl } from '../../core/safe-url.js';
import { encode, lineText, plainText } from '../../core/text.js';
import type { AlertFeed, Severity } from '../types.js';

/**
 * Environment Agency flood-monitoring `/id/floods` JSON.
 * https://environment.data.gov.uk/flood-monitoring/doc/reference#flood-warnings
 * Severity levels: 1 Severe Flood Warning, 2 Flood Warning → major; 3 Flood Alert → minor;
 * 4 "Warning no longer in force" → not shown.
 */
const LEVELS: Record<number, Severity> = { 1: 'major', 2: 'major', 3: 'minor' };

/** EA values may be plain or language-tagged (`{"@value": "…", "@language": "en"}`), or lists of those. */
function value(v: unknown): unknown {
  if (Array.isArray(v)) return value(v.find((x) => !isRecord(x) || x['@language'] !== 'cy') ?? v[0]);
  return isRecord(v) && '@value' in v ? v['@value'] : v;
}

export function parseEaFloods(input: FeedInput): AlertFeed {
  {
    const json = input.json();
    if (!isRecord(json) || !('items' in json)) throw new FeedError('shape');
    const inForce = asList(json['items']).filter((item) => !isRecord(item) || Number(item['severityLevel']) !== 4);
    const { items, skipped } = mapItems(inForce, (item) => {
      if (!isRecord(item)) return undefined;
      const level = Number(item['severityLevel']);
      const severity = LEVELS[level];
      const title = lineText(value(item['description']));
      if (!severity || !title) return undefined;
      const area = isRecord(item['floodArea']) ? item['floodArea'] : {};
      const areaId = idOf(value(item['floodAreaID'])) ?? idOf(value(area['notation']));
      const start = parseTime(value(item['timeRaised']));
      return {
        id: `ea:${areaId ?? title}`,
        title,
        message: plainText(value(item['message'])),
        severity,
        // The public page for the warning area, not the API URL.
        url: areaId ? (safeUrl(`https://check-for-flooding.service.gov.uk/target-area/${encode(areaId)}`) ?? undefined) : undefined,
        start,
        updated: parseTime(value(item['timeMessageChanged'])) ?? start,
        area: lineText(value(item['county']) ?? value(area['county'])) || lineText(value(item['eaAreaName'])) || undefined,
        source: 'ea' as const,
        eaLevel: level as 1 | 2 | 3,
      };
    });
    return { alerts: items, skipped };
  }
}
