/**
 * Sending a report, and everything after: the POST (photos first), the token lookups of a server
 * that queues requests, keeping the report on the device when offline, and what the outbox later
 * says about it. It tells the form what happened as phase events; the form decides what to show.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { announce } from '../core/announce.js';
import { CivicErrorEvent, CivicQueuedEvent, CivicSubmittedEvent } from '../core/events.js';
import { reportBug } from '../core/bug.js';
import { schedule } from '../core/scheduler.js';
import type { FieldError, Translate } from './journey.js';
import { lookupToken, Open311Error, takesIdempotencyKey, type Open311Options } from './open311/client.js';
import type { RequestResult } from './open311/open311.js';
import { discard, ensureWatching, flushOutbox, isOffline, onOutbox, outboxEntries, queueReport, sendReport, type OutboxEntry, type OutboxNews, type Report } from './outbox.js';
import type { Phase, PhaseEvent } from './phase.js';

const TOKEN_POLLS = 3;
const TOKEN_DELAY = 2000;

export interface SubmissionHost extends ReactiveControllerHost, HTMLElement {
  /** The absolute endpoint: the key of the draft and of the outbox's reports. */
  readonly endpointUrl: string | undefined;
  /** Where the form is: the outbox's news matters for the report it shows as queued. */
  readonly phase: Phase;
  /** Moves the form on (see phase.ts). */
  dispatch(event: PhaseEvent): void;
  focusOn(selector: string): void;
}

/** A report refused because it was wrong (4xx, not a timeout or rate limit), not because the server failed. */
export const isRefusal = (error: Open311Error): boolean =>
  error.reason === 'http' && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;

export class SubmissionController implements ReactiveController {
  /** Reports kept on this device for this endpoint that the council refused (4xx): to change or delete. */
  refused: OutboxEntry[] = [];

  readonly #host: SubmissionHost;
  readonly #t: Translate;
  #stopOutbox: (() => void) | undefined;
  /** Token lookups waiting: resolved at once (and stopped) when the form leaves the page. */
  readonly #waits = new Set<() => void>();

  constructor(host: SubmissionHost, t: Translate) {
    this.#host = host;
    this.#t = t;
    host.addController(this);
  }

  hostConnected(): void {
    this.#stopOutbox = onOutbox(this.#handleOutbox);
    ensureWatching();
    void flushOutbox(); // reports left on this device by an earlier visit
  }

  hostDisconnected(): void {
    this.#stopOutbox?.();
    for (const resolve of [...this.#waits]) resolve();
  }

  /** Sends `report`; the outcome arrives as a phase event (sent, queued or refused). */
  async send(report: Report, options: Open311Options): Promise<void> {
    this.#host.dispatch({ type: 'send' });
    report.idempotencyKey ??= takesIdempotencyKey(report.endpoint) ? crypto.randomUUID() : undefined;
    let result: RequestResult;
    try {
      result = await this.#pollToken(await sendReport(report), report.endpoint, options);
    } catch (error) {
      if (error instanceof Open311Error) return isOffline(error) ? this.#queue(report) : this.#refuse(error);
      // A bug, not the council's answer: reported where developers see it (never "could not
      // confirm"), and the resident keeps the report and can try again.
      reportBug(error);
      return this.#host.dispatch({ type: 'refused', errors: [{ field: '', text: this.#t('errorServer') }] });
    }
    this.#host.dispatch({ type: 'sent', id: result.id, notice: result.notice });
    this.#host.dispatchEvent(new CivicSubmittedEvent({ id: result.id, token: result.token, notice: result.notice, fromOutbox: false }));
  }

  /** A batch server answers with a token: ask for the reference a few times, 2 s apart. */
  async #pollToken(result: RequestResult, endpoint: string, options: Open311Options): Promise<RequestResult> {
    for (let poll = 0; poll < TOKEN_POLLS && !result.id && result.token && this.#host.isConnected; poll++) {
      await this.#wait(TOKEN_DELAY);
      if (!this.#host.isConnected) break;
      try {
        const answer = await lookupToken(endpoint, result.token, options);
        if (answer.id) return { ...result, id: answer.id };
      } catch (error) {
        if (!(error instanceof Open311Error)) throw error;
        /* not yet: the confirmation says "received" */
      }
    }
    return result;
  }

  /** Waits on the page's one timer (not while it is hidden). */
  #wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#waits.delete(done);
        cancel();
        resolve();
      };
      const cancel = schedule(ms, done);
      this.#waits.add(done);
    });
  }

  async #queue(report: Report): Promise<void> {
    let entry: OutboxEntry;
    try {
      entry = await queueReport(report);
    } catch {
      // No IndexedDB, or it is full: the draft stays, and the resident can try again.
      return this.#host.dispatch({ type: 'refused', errors: [{ field: '', text: this.#t('errorNotKept') }] });
    }
    this.#host.dispatch({ type: 'queued', entry: entry.id });
    this.#host.dispatchEvent(new CivicQueuedEvent({ id: entry.id }));
  }

  #refuse(error: Open311Error): void {
    const client = isRefusal(error);
    // A 2xx that is not an Open311 answer (a captive portal's login page, say) confirms nothing.
    const key = client ? 'errorRefused' : error.reason === 'parse' ? 'errorUnconfirmed' : 'errorServer';
    const errors: FieldError[] = [{ field: '', text: this.#t(key) }, ...(client ? error.messages : []).map((text) => ({ field: '', text }))];
    this.#host.dispatch({ type: 'refused', errors });
    this.#host.dispatchEvent(new CivicErrorEvent({ url: this.#host.endpointUrl ?? '', status: error.status, reason: error.reason, messages: error.messages }));
  }

  /**
   * What the outbox holds for the form's endpoint, once its services are in: whether the report it
   * showed as queued is still waiting (`queued`), was sent meanwhile (`sent`) or refused (`refused`),
   * and every refused report, to show.
   */
  async restore(queued: string | undefined): Promise<'queued' | 'sent' | 'refused' | undefined> {
    const entries = await outboxEntries();
    this.#showRefused(entries);
    if (!queued) return undefined;
    const entry = entries.find((e) => e.id === queued);
    return !entry ? 'sent' : entry.refused ? 'refused' : 'queued';
  }

  #showRefused(entries: OutboxEntry[]): void {
    this.refused = entries.filter((e) => e.refused && e.endpoint === this.#host.endpointUrl);
    this.#host.requestUpdate();
  }

  /** "Delete it": the refused report goes, the resident is told, focus goes to the step's heading. */
  async delete(entry: OutboxEntry): Promise<void> {
    await this.forget(entry);
    announce(this.#t('savedDeleted'));
    this.#host.focusOn('.step-heading');
  }

  /** Takes a refused report off the device (changed and sent again, or deleted). */
  async forget(entry: OutboxEntry): Promise<void> {
    await discard(entry.id);
    this.refused = this.refused.filter((e) => e.id !== entry.id);
    this.#host.requestUpdate();
  }

  #handleOutbox = (news: OutboxNews): void => {
    const { phase } = this.#host;
    const queued = phase.name === 'queued' ? phase.entry : undefined;
    if (news.kind === 'refused') {
      // Any refused report for this endpoint is shown, with the council's reasons, to change or delete.
      if (news.id === queued) this.#host.dispatch({ type: 'queued-refused' });
      void outboxEntries().then((entries) => this.#showRefused(entries));
    } else if (news.kind === 'sent' && news.id === queued) {
      this.#host.dispatch({ type: 'sent', id: news.result.id, notice: news.result.notice });
      this.#host.dispatchEvent(new CivicSubmittedEvent({ id: news.result.id, token: news.result.token, notice: news.result.notice, fromOutbox: true }));
    }
  };
}
