/**
 * The one retry policy: exponential backoff with jitter, so that a council's residents do not all
 * come back at the same second after an outage. Feeds, the report form's services and the outbox
 * each pass their own base and cap; the timers themselves run through the shared scheduler, so none
 * runs while the page is hidden.
 */
export interface BackoffPolicy {
  /** The first wait, in ms. */
  base: number;
  /** The longest wait, in ms. */
  max: number;
  /** ± this fraction of the wait, at random (0.25: between 75% and 125%). */
  jitter: number;
}

/** Services that could not be loaded: 30 s, 1, 2, 4 minutes, then every 5. */
export const SERVICES: BackoffPolicy = { base: 30_000, max: 300_000, jitter: 0.2 };
/** Reports waiting on the device: 30 s, 1, 2, 4… minutes, at most 30. */
export const OUTBOX: BackoffPolicy = { base: 30_000, max: 30 * 60_000, jitter: 0.2 };

/** The wait before retry number `failures` (1 after the first failure), never under `atLeast`. */
export function backoffDelay(failures: number, { base, max, jitter }: BackoffPolicy, atLeast = 0, random = Math.random): number {
  const wait = Math.min(base * 2 ** Math.max(0, failures - 1), max);
  return Math.max(wait * (1 - jitter + random() * 2 * jitter), atLeast);
}
