import type { FeedAdapter } from '../../core/feed/feed-controller.js';
import { FeedError } from '../../core/feed/feed-error.js';
import { idOf, isRecord, mapItems, translated } from '../../core/formats/items.js';
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
      const english = {
        title,
        message,
        url: safeUrl(raw['url'], input.url) ?? undefined,
        linkText: lineText(raw['linkText']) || undefined,
        area: lineText(raw['area']) || undefined,
      };
      // Welsh words, field by field (`cy` object or `title_cy`…), English where a field has none.
      const cy = {
        title: lineText(translated(raw, 'cy', 'title')) || title,
        message: plainText(translated(raw, 'cy', 'message')) || message,
        url: safeUrl(translated(raw, 'cy', 'url'), input.url) ?? english.url,
        linkText: lineText(translated(raw, 'cy', 'linkText')) || english.linkText,
        area: lineText(translated(raw, 'cy', 'area')) || english.area,
      };
      const welsh = (['title', 'message', 'url', 'linkText', 'area'] as const).some((k) => cy[k] !== english[k]);
      return {
        id: idOf(raw['id']) ?? hash(`${title}|${message}|${start ?? ''}`),
        severity: toSeverity(raw['severity']) ?? 'announcement',
        ...english,
        start,
        end: parseTime(raw['end']),
        updated: parseTime(raw['updated']),
        translations: welsh ? { cy } : undefined,
      };
    });
    return { alerts: items, skipped, updated: parseTime(json['updated']) };
  },
};
