import type { FeedAdapter } from '../../core/feed/feed-controller.js';
import { FeedError } from '../../core/feed/feed-error.js';
import { idOf, isRecord, mapItems } from '../../core/formats/items.js';
import { hash } from '../../core/hash.js';
import { parseTime } from '../../core/i18n/format.js';
import { safeUrl } from '../../core/safe-url.js';
import { lineText, plainText } from '../../core/text.js';
import { toSeverity, type AlertFeed } from '../types.js';

/**
 * civic alerts JSON (schema: `civic-widgets/schemas/civic-alerts.schema.json`):
 * `{ "alerts": [{ "title", "message", "severity", "url", "linkText", "start", "end", "updated", "area", "id" }] }`.
 * Only `title` is required; an alert without one is skipped.
 */
export const civicJson: FeedAdapter<AlertFeed> = {
  sniff: (input) => input.kind === 'json' && isRecord(input.json()) && 'alerts' in (input.json() as object),
  parse(input) {
    const json = input.json();
    if (!isRecord(json) || !Array.isArray(json['alerts'])) throw new FeedError('shape');
    const { items, skipped } = mapItems(json['alerts'], (raw) => {
      if (!isRecord(raw)) return undefined;
      const title = lineText(raw['title']);
      if (!title) return undefined;
      const message = plainText(raw['message']);
      const start = parseTime(raw['start']);
      return {
        id: idOf(raw['id']) ?? hash(`${title}|${message}|${start ?? ''}`),
        title,
        message,
        severity: toSeverity(raw['severity']) ?? 'announcement',
        url: safeUrl(raw['url'], input.url) ?? undefined,
        linkText: lineText(raw['linkText']) || undefined,
        start,
        end: parseTime(raw['end']),
        updated: parseTime(raw['updated']),
        area: lineText(raw['area']) || undefined,
      };
    });
    return { alerts: items, skipped, updated: parseTime(json['updated']) };
  },
};
