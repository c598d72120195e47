/**
 * What the relay keeps: each report from the moment it arrives until it is delivered (then only its
 * answer, for replays and token lookups, never its text), the last good services list per upstream,
 * and the photos' names and ages. SQLite by default, PostgreSQL for several instances.
 */

export type ReportState = 'pending' | 'delivered' | 'refused' | 'awaiting-upstream' | 'abandoned';

export interface Report {
  id: string;
  upstream: string;
  /** Ours, given to the browser while the report waits. */
  token: string;
  idempotencyKey: string | null;
  bodyHash: string;
  /** The fields to send (none once delivered or refused). */
  fields: [string, string][] | null;
  state: ReportState;
  attempts: number;
  nextAt: number;
  createdAt: number;
  serviceRequestId: string | null;
  serviceNotice: string | null;
  /** The upstream's own token, when it queued the request itself. */
  upstreamToken: string | null;
  /** A refused report: the upstream's status and error descriptions. */
  refusal: { status: number; errors: { code: string; description: string }[] } | null;
}

export type NewReport = Pick<Report, 'id' | 'upstream' | 'token' | 'idempotencyKey' | 'bodyHash' | 'fields' | 'createdAt'>;

export interface Store {
  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  /**
   * Keeps a report, already claimed for sending until `leaseUntil` (one commit for both); with a key
   * already seen for this upstream, returns that report instead.
   */
  insert(report: NewReport, leaseUntil: number): Promise<{ created: boolean; report: Report }>;
  /** Takes up to `limit` pending reports that are due. */
  claimDue(now: number, limit: number, leaseMs: number): Promise<Report[]>;
  delivered(id: string, serviceRequestId: string | null, notice: string | null, upstreamToken: string | null): Promise<void>;
  refused(id: string, refusal: NonNullable<Report['refusal']>): Promise<void>;
  /** Sending failed: try again at `nextAt` (the lease ends). */
  retryLater(id: string, nextAt: number): Promise<void>;
  byToken(upstream: string, token: string): Promise<Report | undefined>;
  /** How many reports wait to be delivered. */
  pendingCount(): Promise<number>;
  /** Deletes answers older than `keepBefore` and gives up on pending reports older than `giveUpBefore`. */
  purge(keepBefore: number, giveUpBefore: number): Promise<{ deleted: number; abandoned: number }>;
  getCache(key: string): Promise<{ value: string; savedAt: number } | undefined>;
  setCache(key: string, value: string, savedAt: number): Promise<void>;
  addMedia(name: string, createdAt: number): Promise<void>;
  /** Names of photos created before `before`, removed from the store. */
  takeExpiredMedia(before: number, limit: number): Promise<string[]>;
  close(): Promise<void>;
}

/** The store could not be reached: the relay answers 503 and `readyz` says so. */
export class StoreUnavailable extends Error {}
