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
}

/** One alert, whatever feed format it came from. All text is plain text; `url` has passed safeUrl. */
export interface Alert extends AlertText {
  id: string;
  severity: Severity;
  /** Shown as the link's text (the default is "More information"). */
  linkText?: string | undefined;
  /** Epoch ms. The alert is shown only from `start` until `end`. */
  start?: number | undefined;
  end?: number | undefined;
  updated?: number | undefined;
  /** Other languages of the same alert (CAP `info` blocks). */
  translations?: Partial<Record<Lang, AlertText>> | undefined;
  /** A CAP Test or Exercise message (shown only with `show-test`). */
  test?: boolean | undefined;
  /** Environment Agency data, which must carry its attribution. */
  source?: 'ea' | undefined;
}

export interface AlertFeed {
  alerts: Alert[];
  /** Items dropped as malformed. */
  skipped: number;
}

/** `severity` words in feeds → our severity; anything else → undefined. */
export function toSeverity(value: unknown): Severity | undefined {
  const word = typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s_]+/g, '-') : '';
  return (SEVERITIES as readonly string[]).includes(word) ? (word as Severity) : undefined;
}
