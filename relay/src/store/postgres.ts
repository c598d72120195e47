/**
 * The shared store for several relays: PostgreSQL. Delivery is claimed with FOR UPDATE SKIP LOCKED
 * (two relays never send one report at once) and a replayed Idempotency-Key meets a unique index,
 * so however many relays take the retries, one report is one row.
 */
import pg from 'pg';
import { StoreUnavailable, type NewReport, type Report, type Store } from './store.js';

pg.types.setTypeParser(20, Number); // BIGINT times are milliseconds: well inside a double

interface Row {
  id: string;
  upstream: string;
  token: string;
  idempotency_key: string | null;
  body_hash: string;
  fields: [string, string][] | null;
  state: Report['state'];
  attempts: number;
  next_at: number;
  created_at: number;
  service_request_id: string | null;
  service_notice: string | null;
  upstream_token: string | null;
  refusal: Report['refusal'];
}

const report = (row: Row): Report => ({
  id: row.id,
  upstream: row.upstream,
  token: row.token,
  idempotencyKey: row.idempotency_key,
  bodyHash: row.body_hash,
  fields: row.fields,
  state: row.state,
  attempts: row.attempts,
  nextAt: row.next_at,
  createdAt: row.created_at,
  serviceRequestId: row.service_request_id,
  serviceNotice: row.service_notice,
  upstreamToken: row.upstream_token,
  refusal: row.refusal,
});

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS civic_reports (
    id TEXT PRIMARY KEY,
    upstream TEXT NOT NULL,
    token TEXT NOT NULL,
    idempotency_key TEXT,
    body_hash TEXT NOT NULL,
    fields JSONB,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at BIGINT NOT NULL,
    lease_until BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    service_request_id TEXT,
    service_notice TEXT,
    upstream_token TEXT,
    refusal JSONB
  );
  CREATE UNIQUE INDEX IF NOT EXISTS civic_reports_key ON civic_reports (upstream, idempotency_key) WHERE idempotency_key IS NOT NULL;
  CREATE UNIQUE INDEX IF NOT EXISTS civic_reports_token ON civic_reports (upstream, token);
  CREATE INDEX IF NOT EXISTS civic_reports_due ON civic_reports (state, next_at);
  CREATE TABLE IF NOT EXISTS civic_cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, saved_at BIGINT NOT NULL);
  CREATE TABLE IF NOT EXISTS civic_media (name TEXT PRIMARY KEY, created_at BIGINT NOT NULL);
  CREATE INDEX IF NOT EXISTS civic_media_age ON civic_media (created_at);
`;

/** Connection trouble (the server is down, restarting or unreachable), as opposed to a bug in a query. */
const unreachable = (error: unknown): boolean => {
  const code = String((error as { code?: string }).code ?? '');
  return /^(08|57P|53)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH'].includes(code) || /timeout|terminat|Connection|not queryable/i.test(String((error as Error).message));
};

export class PostgresStore implements Store {
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects and makes the tables (several relays starting at once are safe: an advisory lock). */
  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3000, idleTimeoutMillis: 30_000, statement_timeout: 10_000 });
    pool.on('error', () => undefined); // an idle client's connection dropped: the next query reconnects
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(31131)');
      await client.query(SCHEMA);
      await client.query('SELECT pg_advisory_unlock(31131)');
    } finally {
      client.release();
    }
    return new PostgresStore(pool);
  }

  async #query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    try {
      return (await this.#pool.query(text, values)).rows as T[];
    } catch (error) {
      if (unreachable(error)) throw new StoreUnavailable(String((error as { code?: string }).code ?? (error as Error).message));
      throw error;
    }
  }

  async ping(): Promise<void> {
    await this.#query('SELECT 1');
  }

  async insert(r: NewReport, leaseUntil: number): Promise<{ created: boolean; report: Report }> {
    const [row] = await this.#query<Row>(
      `INSERT INTO civic_reports (id, upstream, token, idempotency_key, body_hash, fields, next_at, created_at, lease_until, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, 1)
       ON CONFLICT (upstream, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING *`,
      [r.id, r.upstream, r.token, r.idempotencyKey, r.bodyHash, JSON.stringify(r.fields), r.createdAt, leaseUntil],
    );
    if (row) return { created: true, report: report(row) };
    const [existing] = await this.#query<Row>('SELECT * FROM civic_reports WHERE upstream = $1 AND idempotency_key = $2', [r.upstream, r.idempotencyKey]);
    if (!existing) throw new StoreUnavailable('the report with this key disappeared');
    return { created: false, report: report(existing) };
  }

  async claimDue(now: number, limit: number, leaseMs: number): Promise<Report[]> {
    const rows = await this.#query<Row>(
      `UPDATE civic_reports SET lease_until = $1, attempts = attempts + 1 WHERE id IN (
         SELECT id FROM civic_reports WHERE state = 'pending' AND next_at <= $2 AND lease_until < $2 ORDER BY next_at LIMIT $3 FOR UPDATE SKIP LOCKED
       ) RETURNING *`,
      [now + leaseMs, now, limit],
    );
    return rows.map(report);
  }

  async delivered(id: string, serviceRequestId: string | null, notice: string | null, upstreamToken: string | null): Promise<void> {
    await this.#query('UPDATE civic_reports SET state = $1, fields = NULL, service_request_id = $2, service_notice = $3, upstream_token = $4, lease_until = 0 WHERE id = $5', [
      serviceRequestId ? 'delivered' : 'awaiting-upstream',
      serviceRequestId,
      notice,
      upstreamToken,
      id,
    ]);
  }

  async refused(id: string, refusal: NonNullable<Report['refusal']>): Promise<void> {
    await this.#query("UPDATE civic_reports SET state = 'refused', fields = NULL, refusal = $1, lease_until = 0 WHERE id = $2", [JSON.stringify(refusal), id]);
  }

  async retryLater(id: string, nextAt: number): Promise<void> {
    await this.#query('UPDATE civic_reports SET next_at = $1, lease_until = 0 WHERE id = $2', [nextAt, id]);
  }

  async byToken(upstream: string, token: string): Promise<Report | undefined> {
    const [row] = await this.#query<Row>('SELECT * FROM civic_reports WHERE upstream = $1 AND token = $2', [upstream, token]);
    return row && report(row);
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.#query<{ n: string }>("SELECT count(*) AS n FROM civic_reports WHERE state = 'pending'");
    return Number(row?.n ?? 0);
  }

  async purge(keepBefore: number, giveUpBefore: number): Promise<{ deleted: number; abandoned: number }> {
    const abandoned = await this.#query("UPDATE civic_reports SET state = 'abandoned', fields = NULL WHERE state = 'pending' AND created_at < $1 RETURNING id", [giveUpBefore]);
    const deleted = await this.#query("DELETE FROM civic_reports WHERE state <> 'pending' AND created_at < $1 RETURNING id", [keepBefore]);
    return { deleted: deleted.length, abandoned: abandoned.length };
  }

  async getCache(key: string): Promise<{ value: string; savedAt: number } | undefined> {
    const [row] = await this.#query<{ value: string; saved_at: number }>('SELECT value, saved_at FROM civic_cache WHERE key = $1', [key]);
    return row && { value: row.value, savedAt: row.saved_at };
  }

  async setCache(key: string, value: string, savedAt: number): Promise<void> {
    await this.#query('INSERT INTO civic_cache (key, value, saved_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at', [key, value, savedAt]);
  }

  async addMedia(name: string, createdAt: number): Promise<void> {
    await this.#query('INSERT INTO civic_media (name, created_at) VALUES ($1, $2)', [name, createdAt]);
  }

  async takeExpiredMedia(before: number, limit: number): Promise<string[]> {
    const rows = await this.#query<{ name: string }>('DELETE FROM civic_media WHERE name IN (SELECT name FROM civic_media WHERE created_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING name', [before, limit]);
    return rows.map((r) => r.name);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
