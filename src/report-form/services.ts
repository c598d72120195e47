/**
 * The services a form offers and their questions, from the council's Open311 server. The latest
 * load wins; a failed load is told to the host (`civic-error`) and retried by itself, with the shared
 * backoff on the page's one timer (never while the page is hidden), and at once when the device is
 * back online or the form is put back in the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { backoffDelay, SERVICES } from '../core/backoff.js';
import { reportBug } from '../core/bug.js';
import { CivicErrorEvent } from '../core/events.js';
import { schedule } from '../core/scheduler.js';
import { getDefinition, getServices, Open311Error, type Open311Options } from './open311/client.js';
import type { Attribute, Service } from './open311/open311.js';
import { localAttribute, localService } from './service-strings.js';

/** The services offered and the chosen one's questions, in the page's language. */
export interface ShownServices {
  services: Service[];
  questions: Attribute[];
  /** The chosen service's questions could not be loaded. */
  failed: boolean;
}

export interface ServicesSource {
  /** The absolute endpoint, or undefined when there is none. */
  endpoint(): string | undefined;
  options(): Open311Options;
  /** The `services` attribute: codes to offer, in order. */
  codes(): string | undefined;
  /** The services are in (before the host hears `loaded`, e.g. to restore a journey). */
  loaded(offered: Service[]): Promise<void> | void;
  failed(): void;
}

export class ServicesController implements ReactiveController {
  offered: Service[] = [];
  /** The questions of each service: its attributes, or 'failed'. */
  questions = new Map<string, Attribute[] | 'failed'>();
  failing = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #source: ServicesSource;
  #loads = 0;
  #failures = 0;
  #cancelRetry: (() => void) | undefined;
  readonly #questionLoads = new Map<string, Promise<void>>();

  constructor(host: ReactiveControllerHost & HTMLElement, source: ServicesSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#handleOnline);
    // Put back in the page while it could not load (its retry went with it): try again now.
    if (this.failing) void this.load();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#handleOnline);
    this.#cancelRetry?.();
  }

  /** The Open311 options, telling the host page of texts cut to their limit (`civic-error` `too-long`). */
  #options(endpoint: string): Open311Options {
    const onShortened = (shortened: number) => this.#host.dispatchEvent(new CivicErrorEvent({ url: endpoint, status: 200, reason: 'too-long', shortened }));
    return { ...this.#source.options(), onShortened };
  }

  #handleOnline = (): void => {
    if (this.failing) void this.load();
  };

  /** Loads the services (again); an older load still under way is ignored when it answers. */
  async load(): Promise<void> {
    const endpoint = this.#source.endpoint();
    const load = ++this.#loads;
    this.#cancelRetry?.();
    if (!endpoint) return;
    this.#questionLoads.clear();
    this.questions = new Map();
    try {
      const all = await getServices(endpoint, this.#options(endpoint));
      if (load !== this.#loads) return;
      const codes = this.#source.codes()?.split(',').map((c) => c.trim()).filter(Boolean);
      const offered = codes?.length ? codes.flatMap((code) => all.filter((s) => s.code === code)) : all;
      if (!offered.length) throw new Open311Error('parse', 200);
      this.offered = offered;
      this.#failures = 0;
      this.failing = false;
      await this.#source.loaded(offered);
    } catch (error) {
      if (load !== this.#loads) return;
      // A bug is reported where developers see it; the resident still gets the fallback and a retry.
      if (!(error instanceof Open311Error)) reportBug(error);
      this.failing = true;
      this.#source.failed();
      if (error instanceof Open311Error) this.#host.dispatchEvent(new CivicErrorEvent({ url: endpoint, status: error.status, reason: error.reason }));
      this.#cancelRetry = schedule(backoffDelay(++this.#failures, SERVICES), () => void this.load());
    }
  }

  /** Fetches a service's questions once; every caller waits for the same request. */
  questionsFor(code: string): Promise<void> {
    const service = this.offered.find((s) => s.code === code);
    const endpoint = this.#source.endpoint();
    if (!service || !endpoint) return Promise.resolve();
    let load = this.#questionLoads.get(code);
    if (!load) {
      load = (async () => {
        let questions: Attribute[] | 'failed' = [];
        if (service.metadata) {
          try {
            questions = await getDefinition(endpoint, code, this.#options(endpoint));
          } catch (error) {
            if (!(error instanceof Open311Error)) reportBug(error);
            questions = 'failed';
            this.#questionLoads.delete(code); // asked again next time
          }
        }
        this.questions = new Map(this.questions).set(code, questions);
        this.#host.requestUpdate();
      })();
      this.#questionLoads.set(code, load);
    }
    return load;
  }

  /** The services and `code`'s questions, in the council's own words for the page's language (`service-strings`). */
  shown(code: string, strings: Record<string, unknown> | undefined): ShownServices {
    const questions = this.questions.get(code);
    const list = Array.isArray(questions) ? questions : [];
    return {
      services: strings ? this.offered.map((s) => localService(s, strings)) : this.offered,
      questions: strings ? list.map((a) => localAttribute(code, a, strings)) : list,
      failed: questions === 'failed',
    };
  }
}
