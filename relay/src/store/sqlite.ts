/** The embedded store: one SQLite file (WAL), for one relay process. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreUnavailable, type NewReport, type Report, type Store } from './store.js';

/** The store's trouble (full, unreadable, locked) as StoreUnavailable; anything else is a bug. */
function failure(error: unknown): Error {
  const code = (error as { code?: string }).code ?? '';
  if (/^SQLITE_(CANTOPEN|IOERR|BUSY|LOCKED|FULL|READONLY|CORRUPT|NOTADB)/.test(code)) return new StoreUnavailable(code);
  return error instanceof Error ? error : new Error(String(error));
}

interface Row {
  id: string;
  upstream: string;
  token: string;
  idempotency_key: string | null;
  body_hash: string;
  fields: string | null;
  state: Report['state'];
  attempts: number;
  next_at: number;
  lease_until: number;
  created_at: number;
  service_request_id: string | null;
  service_notice: string | null;
  upstream_token: string | null;
  refusal: string | null;
}

const report = (row: Row): Report => ({
  id: row.id,
  upstream: row.upstream,
  token: row.token,
  idempotencyKey: row.idempotency_key,
  bodyHash: row.body_hash,
  fields: row.fields === null ? null : (JSON.parse(row.fields) as [string, string][]),
  state: row.state,
  attempts: row.attempts,
  nextAt: row.next_at,
  createdAt: row.created_at,
  serviceRequestId: row.service_request_id,
  serviceNotice: row.service_notice,
  upstreamToken: row.upstream_token,
  refusal: row.refusal === null ? null : (JSON.parse(row.refusal) as Report['refusal']),
});

export class SqliteStore implements Store {
  readonly #db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL'); // a report answered is a report on disk
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS reports (
        id TEXT PRIMARY KEY,
        upstream TEXT NOT NULL,
        token TEXT NOT NULL,
        idempotency_key TEXT,
        body_hash TEXT NOT NULL,
        fields TEXT,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at INTEGER NOT NULL,
        lease_until INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        service_request_id TEXT,
        service_notice TEXT,
        upstream_token TEXT,
        refusal TEXT
      );
      CREATE UNIQUE INDEX IF NOT EXISTS reports_key ON reports (upstream, idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE UNIQUE INDEX IF NOT EXISTS reports_token ON reports (upstream, token);
      CREATE INDEX IF NOT EXISTS reports_due ON reports (state, next_at);
      CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, saved_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS media (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS media_age ON media (created_at);
    `);
    // One process owns this file: a send it had under way when it stopped (or was killed) is free again.
    this.#sql("UPDATE reports SET lease_until = 0 WHERE state = 'pending' AND lease_until > 0").run();
  }

  readonly #statements = new Map<string, Database.Statement>();
  /** A prepared statement, prepared once. */
  #sql(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) this.#statements.set(text, (statement = this.#db.prepare(text)));
    return statement;
  }

  #run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(failure(error));
    }
  }

  /**
   * Group commit: writes asked for in the same turn of the event loop share one transaction, so one
   * fsync (synchronous = FULL) makes all of them durable, and each caller hears only once its write is
   * on disk. Each write runs in its own savepoint: one that fails is undone alone.
   */
  #pending: { work: () => unknown; resolve: (value: unknown) => void; reject: (error: Error) => void }[] = [];
  #write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!this.#pending.length) setImmediate(() => this.#flush());
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  #flush(): void {
    const batch = this.#pending;
    this.#pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: Error })[] = [];
    try {
      this.#db
        .transaction(() => {
          for (const item of batch) {
            try {
              outcomes.push({ ok: true, value: this.#db.transaction(item.work)() });
            } catch (error) {
              outcomes.push({ ok: false, error: failure(error) });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The commit itself failed (disk full, I/O): nothing in the batch is kept.
      for (const item of batch) item.reject(failure(error));
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  ping(): Promise<void> {
    return this.#run(() => {
      this.#sql('SELECT count(*) FROM reports WHERE 0').get();
    });
  }

  insert(r: NewReport, leaseUntil: number): Promise<{ created: boolean; report: Report }> {
    return this.#write(() => {
      if (r.idempotencyKey) {
        const row = this.#sql('SELECT * FROM reports WHERE upstream = ? AND idempotency_key = ?').get(r.upstream, r.idempotencyKey) as Row | undefined;
        if (row) return { created: false, report: report(row) };
      }
      const row = this.#sql(
        'INSERT INTO reports (id, upstream, token, idempotency_key, body_hash, fields, next_at, created_at, lease_until, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING *',
      ).get(r.id, r.upstream, r.token, r.idempotencyKey, r.bodyHash, JSON.stringify(r.fields), r.createdAt, r.createdAt, leaseUntil) as Row;
      return { created: true, report: report(row) };
    });
  }

  claimDue(now: number, limit: number, leaseMs: number): Promise<Report[]> {
    return this.#run(() =>
      (
        this.#sql(
            `UPDATE reports SET lease_until = ?, attempts = attempts + 1 WHERE id IN (
               SELECT id FROM reports WHERE state = 'pending' AND next_at <= ? AND lease_until < ? ORDER BY next_at LIMIT ?
             ) RETURNING *`,
          )
          .all(now + leaseMs, now, now, limit) as Row[]
      ).map(report),
    );
  }

  delivered(id: string, serviceRequestId: string | null, notice: string | null, upstreamToken: string | null): Promise<void> {
    return this.#write(() => {
      this.#sql("UPDATE reports SET state = ?, fields = NULL, service_request_id = ?, service_notice = ?, upstream_token = ?, lease_until = 0 WHERE id = ?")
        .run(serviceRequestId ? 'delivered' : 'awaiting-upstream', serviceRequestId, notice, upstreamToken, id);
    });
  }

  refused(id: string, refusal: NonNullable<Report['refusal']>): Promise<void> {
    return this.#write(() => {
      this.#sql("UPDATE reports SET state = 'refused', fields = NULL, refusal = ?, lease_until = 0 WHERE id = ?").run(JSON.stringify(refusal), id);
    });
  }

  retryLater(id: string, nextAt: number): Promise<void> {
    return this.#write(() => {
      this.#sql('UPDATE reports SET next_at = ?, lease_until = 0 WHERE id = ?').run(nextAt, id);
    });
  }

  byToken(upstream: string, token: string): Promise<Report | undefined> {
    return this.#run(() => {
      const row = this.#sql('SELECT * FROM reports WHERE upstream = ? AND token = ?').get(upstream, token) as Row | undefined;
      return row && report(row);
    });
  }

  pendingCount(): Promise<number> {
    return this.#run(() => (this.#sql("SELECT count(*) AS n FROM reports WHERE state = 'pending'").get() as { n: number }).n);
  }

  purge(keepBefore: number, giveUpBefore: number): Promise<{ deleted: number; abandoned: number }> {
    return this.#run(() => {
      const abandoned = this.#sql("UPDATE reports SET state = 'abandoned', fields = NULL WHERE state = 'pending' AND created_at < ?").run(giveUpBefore).changes;
      const deleted = this.#sql("DELETE FROM reports WHERE state <> 'pending' AND created_at < ?").run(keepBefore).changes;
      return { deleted, abandoned };
    });
  }

  getCache(key: string): Promise<{ value: string; savedAt: number } | undefined> {
    return this.#run(() => {
      const row = this.#sql('SELECT value, saved_at FROM cache WHERE key = ?').get(key) as { value: string; saved_at: number } | undefined;
      return row && { value: row.value, savedAt: row.saved_at };
    });
  }

  setCache(key: string, value: string, savedAt: number): Promise<void> {
    return this.#run(() => {
      this.#sql('INSERT INTO cache (key, value, saved_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at').run(key, value, savedAt);
    });
  }

  addMedia(name: string, createdAt: number): Promise<void> {
    return this.#run(() => {
      this.#sql('INSERT INTO media (name, created_at) VALUES (?, ?)').run(name, createdAt);
    });
  }

  takeExpiredMedia(before: number, limit: number): Promise<string[]> {
    return this.#run(() => (this.#sql('DELETE FROM media WHERE name IN (SELECT name FROM media WHERE created_at < ? LIMIT ?) RETURNING name').all(before, limit) as { name: string }[]).map((r) => r.name));
  }

  close(): Promise<void> {
    return this.#run(() => {
      this.#db.close();
    });
  }
}
