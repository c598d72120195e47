import { SEVERITIES, type Alert, type Severity } from './types.js';

/** Severity as a rank for announcements: higher is more serious (the fragment carries it as `data-rank`). */
export const severityRank = (severity: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(severity);

export interface CurrentOptions {
  /** Show only alerts whose area contains this text (case-insensitive); alerts without an area always show. */
  area?: string | undefined;
  /** Include CAP Test and Exercise alerts. */
  showTest?: boolean | undefined;
  /** Epoch ms (default: now). */
  now?: number | undefined;
}

/**
 * The alerts to show now, in the order shown: in their time window, in the area, tests only when
 * asked; by severity, then newest first. The one rule of the widget and of the server-rendered
 * fragment, so both show the same alerts in the same order.
 */
export function currentAlerts(alerts: readonly Alert[], { area, showTest = false, now = Date.now() }: CurrentOptions = {}): Alert[] {
  const wanted = area?.trim().toLowerCase();
  const rank = (a: Alert) => SEVERITIES.indexOf(a.severity);
  return alerts
    .filter(
      (a) =>
        (!a.test || showTest) &&
        (a.start === undefined || a.start <= now) &&
        (a.end === undefined || a.end > now) &&
        (!wanted || !a.area || a.area.toLowerCase().includes(wanted)),
    )
    .sort((a, b) => rank(a) - rank(b) || (b.updated ?? b.start ?? 0) - (a.updated ?? a.start ?? 0));
}
