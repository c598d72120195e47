import { isText, optionalText } from '../core/formats/items.js';
import type { Lang } from '../core/i18n/lang.js';

/** Most to least urgent; the order alerts are shown in. */
export const SEVERITIES = ['notable-death', 'major', 'minor', 'announcement'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The words of an alert, which a CAP feed may give in more than one language. */
export interface AlertText {
  title: string;
  message: string;
  area?: string | undefined;
  url?: string | undefined;
  /** Shown as the link's text (the default is "More information"). */
  linkText?: string | undefined;
}

/** One alert, whatever feed format it came from. All text is plain text; `url` has passed safeUrl. */
export interface Alert extends AlertText {
  id: string;
  severity: Severity;
  /** Epoch ms. The alert is shown only from `start` until `end`. */
  start?: number | undefined;
  end?: number | undefined;
  updated?: number | undefined;
  /** Other languages of the same alert (CAP `info` blocks). */
  translations?: Partial<Record<Lang, AlertText>> | undefined;
  /** A CAP Test or Exercise message (shown only with `show-test`). */
  test?: boolean | undefined;
  /** Environment Agency or Met Office data, which must carry its attribution. */
  source?: 'ea' | 'met-office' | undefined;
  /** The EA's own severity level (1 severe flood warning, 2 flood warning, 3 flood alert), shown in its words. */
  eaLevel?: 1 | 2 | 3 | undefined;
}

export interface AlertFeed {
  alerts: Alert[];
  /** Items dropped as malformed. */
  skipped: number;
  /** When the feed says it was last changed (epoch ms), if it says. */
  updated?: number | undefined;
}

/** `severity` words in feeds → our severity; anything else → undefined. */
export function toSeverity(value: unknown): Severity | undefined {
  const word = typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s_]+/g, '-') : '';
  return (SEVERITIES as readonly string[]).includes(word) ? (word as Severity) : undefined;
}

const optionalNumber = (value: unknown) => value === undefined || typeof value === 'number';
const isAlertText = (t: Partial<AlertText> | null | undefined) => !!t && isText(t.title) && isText(t.message) && optionalText(t.area) && optionalText(t.url) && optionalText(t.linkText);

/**
 * A stored copy read back from localStorage, trusted no further than a feed: another version of the
 * library, or anything else with access to storage, may have written it. Alerts of the wrong shape
 * are dropped; no usable list gives undefined.
 */
export function reviveAlerts(data: unknown): AlertFeed | undefined {
  const feed = data as Partial<AlertFeed> | null;
  if (!feed || !Array.isArray(feed.alerts)) return undefined;
  const alerts = feed.alerts.filter(
    (a: Partial<Alert> | null) =>
      !!a &&
      isAlertText(a) &&
      isText(a.id) &&
      toSeverity(a.severity) === a.severity &&
      [a.start, a.end, a.updated].every(optionalNumber) &&
      (a.eaLevel === undefined || a.eaLevel === 1 || a.eaLevel === 2 || a.eaLevel === 3) &&
      (a.translations === undefined || (typeof a.translations === 'object' && Object.values(a.translations ?? {}).every((t) => isAlertText(t)))),
  );
  return { alerts, skipped: Number(feed.skipped) || 0, updated: typeof feed.updated === 'number' && Number.isFinite(feed.updated) ? feed.updated : undefined };
}
