/**
 * Durable delivery. A report is kept in the store before anything else; then the relay tries the
 * upstream once while the browser waits. A 2xx answer is committed at once (the only window in which
 * a crash can duplicate a case is between the upstream's 2xx and this commit); a 4xx is passed back;
 * anything else (5xx, timeout, reset, an answer that is not Open311) leaves the report to the
 * background sender, and the browser gets an Open311 token to poll.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config, Upstream } from './config.js';
import type { Metrics } from './metrics.js';
import { readErrors, readRequestAnswer, type Open311Error } from './open311.js';
import type { Report, Store } from './store/store.js';
import { call } from './upstream.js';

/** How long a sender holds a report before another may take it (longer than any upstream timeout). */
const LEASE_MS = 150_000;

export type Answer =
  | { kind: 'delivered'; serviceRequestId: string; notice: string | null; token: string }
  | { kind: 'queued'; token: string }
  | { kind: 'refused'; status: number; errors: Open311Error[] };

export const bodyHash = (fields: [string, string][]) => createHash('sha256').update(JSON.stringify(fields)).digest('base64url');
export const newToken = () => randomBytes(16).toString('base64url');

/** What the browser is told about a stored report. */
export function answerOf(report: Report): Answer {
  if (report.state === 'refused' && report.refusal) return { kind: 'refused', ...report.refusal };
  if (report.state === 'delivered' && report.serviceRequestId) return { kind: 'delivered', serviceRequestId: report.serviceRequestId, notice: report.serviceNotice, token: report.token };
  return { kind: 'queued', token: report.token };
}

export class Delivery {
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #stopped = false;
  readonly #sending = new Set<Promise<unknown>>();

  constructor(
    readonly config: Config,
    readonly store: Store,
    readonly metrics: Metrics,
    readonly log: FastifyBaseLogger,
  ) {}

  upstream(id: string): Upstream | undefined {
    return this.config.upstreams.find((u) => u.id === id);
  }

  /** Keeps a new report (or finds the one with the same key) and tries to deliver it now. */
  async submit(upstream: Upstream, fields: [string, string][], key: string | undefined): Promise<Answer | { kind: 'mismatch' }> {
    const hash = bodyHash(fields);
    const now = Date.now();
    // Kept and claimed in one commit: then sent while the browser waits.
    const { created, report } = await this.store.insert({ id: randomUUID(), upstream: upstream.id, token: newToken(), idempotencyKey: key ?? null, bodyHash: hash, fields, createdAt: now }, now + LEASE_MS);
    if (!created) {
      if (report.bodyHash !== hash) return { kind: 'mismatch' };
      this.metrics.reports.inc({ upstream: upstream.id, outcome: 'replayed' });
      return answerOf(report);
    }
    this.metrics.reports.inc({ upstream: upstream.id, outcome: 'received' });
    return this.#track(this.#send(upstream, report));
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#sending.add(work);
    void work.finally(() => this.#sending.delete(work)).catch(() => undefined);
    return work;
  }

  /** One attempt at the upstream, its outcome committed. */
  async #send(upstream: Upstream, report: Report): Promise<Answer> {
    const form = new URLSearchParams(report.fields ?? []);
    if (upstream.apiKey) form.set('api_key', upstream.apiKey);
    if (upstream.jurisdictionId) form.set('jurisdiction_id', upstream.jurisdictionId);
    const outcome = await call(upstream, 'requests', { method: 'POST', form });
    if (outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300) {
      const answer = readRequestAnswer(outcome.body);
      if (answer) {
        // Committed straight away: the duplicate window is this one statement.
        await this.store.delivered(report.id, answer.serviceRequestId ?? null, answer.notice ?? null, answer.serviceRequestId ? null : (answer.token ?? null));
        this.metrics.deliveries.inc({ upstream: upstream.id, result: answer.serviceRequestId ? 'delivered' : 'upstream-token' });
        this.log.info({ report: report.id, upstream: upstream.id, attempt: report.attempts }, 'report delivered');
        return answer.serviceRequestId ? { kind: 'delivered', serviceRequestId: answer.serviceRequestId, notice: answer.notice ?? null, token: report.token } : { kind: 'queued', token: report.token };
      }
    }
    if (outcome.kind === 'answer' && outcome.status >= 400 && outcome.status < 500) {
      const errors = readErrors(outcome.body) ?? [{ code: String(outcome.status), description: 'The council’s system did not accept this report' }];
      await this.store.refused(report.id, { status: outcome.status, errors });
      this.metrics.deliveries.inc({ upstream: upstream.id, result: 'refused' });
      this.log.warn({ report: report.id, upstream: upstream.id, status: outcome.status }, 'report refused by the upstream');
      return { kind: 'refused', status: outcome.status, errors };
    }
    const reason = outcome.kind === 'failed' ? outcome.reason : 'not-open311';
    const wait = Math.min(3_600_000, this.config.reports.retryFirstMs * 2 ** Math.max(0, report.attempts - 1));
    await this.store.retryLater(report.id, Date.now() + Math.round(wait * (0.75 + Math.random() * 0.5)));
    this.metrics.deliveries.inc({ upstream: upstream.id, result: reason });
    this.log.warn({ report: report.id, upstream: upstream.id, reason, status: outcome.status, attempt: report.attempts }, 'report kept for a later try');
    return { kind: 'queued', token: report.token };
  }

  /** Sends what is due, now and every second, until stopped. */
  start(): void {
    const tick = () => {
      if (this.#stopped) return;
      void this.#tick().finally(() => {
        if (!this.#stopped) this.#timer = setTimeout(tick, 1000);
      });
    };
    this.#timer = setTimeout(tick, 200);
  }

  async #tick(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      const due = await this.store.claimDue(Date.now(), 20, LEASE_MS);
      await Promise.all(
        due.map((report) => {
          const upstream = this.upstream(report.upstream);
          if (!upstream) return this.store.retryLater(report.id, Date.now() + 3_600_000); // an upstream taken out of the config
          return this.#track(this.#send(upstream, report));
        }),
      );
      this.metrics.pending.set(await this.store.pendingCount());
    } catch (error) {
      this.log.error({ err: error }, 'the background sender could not reach the store');
    } finally {
      this.#running = false;
    }
  }

  /** Asks the upstream about its own token, for a report it queued itself. */
  async followUp(upstream: Upstream, report: Report): Promise<Answer> {
    if (report.state !== 'awaiting-upstream' || !report.upstreamToken) return answerOf(report);
    const outcome = await call(upstream, `tokens/${encodeURIComponent(report.upstreamToken)}`);
    const answer = outcome.kind === 'answer' && outcome.status < 300 ? readRequestAnswer(outcome.body) : undefined;
    if (answer?.serviceRequestId) {
      await this.store.delivered(report.id, answer.serviceRequestId, answer.notice ?? report.serviceNotice, null);
      return { kind: 'delivered', serviceRequestId: answer.serviceRequestId, notice: answer.notice ?? null, token: report.token };
    }
    return { kind: 'queued', token: report.token };
  }

  /** Stops the background sender and waits for sends under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await Promise.allSettled([...this.#sending]);
  }
}
