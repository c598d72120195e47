import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CivicElement } from '../core/civic-element.js';
import { announce, prepareAnnouncer } from '../core/announce.js';
import { CivicErrorEvent, CivicQueuedEvent, CivicSubmittedEvent, type CivicLocationDetail } from '../core/events.js';
import { cy, en } from './messages.js';
import { TextController } from '../core/i18n/text-controller.js';
import { absoluteUrl } from '../core/safe-url.js';
import { sharedStyles } from '../core/styles/shared.js';
import { clearDraft, loadDraft, saveDraft, type Draft } from './draft.js';
import { emptyDraft, problems, requestFields, reviveDraft, Step, stepsFor, type Contact, type FieldError, type Key } from './journey.js';
import { getDefinition, getServices, lookupToken, Open311Error, type Open311Options } from './open311/client.js';
import type { Attribute, RequestResult, Service } from './open311/open311.js';
import { discard, ensureWatching, flushOutbox, isOffline, onOutbox, outboxEntries, queueReport, sendReport, type OutboxEntry, type OutboxNews } from './outbox.js';
import { PhotoError, preparePhoto, type Photo } from './photos.js';
import { reverseGeocode } from './place.js';
import { localAttribute, localService, parseServiceStrings } from './service-strings.js';
import { styles } from './report-form.styles.js';
import { clearCountTimer, renderCheck, renderConfirmation, renderContact, renderDetails, renderLocation, renderRefused, renderService } from './steps.js';

/** A journey finished in less time than this is a bot's (a time-trap instead of a CAPTCHA). */
const TIME_TRAP = 3000;
const TOKEN_POLLS = 3;
const TOKEN_DELAY = 2000;

export type Outcome =
  | { kind: 'sent'; id?: string | undefined; notice: string }
  | { kind: 'queued'; entry: string };
export type Locating = 'idle' | 'busy' | 'denied' | 'unavailable';

/**
 * @summary Report a street problem (fly-tipping, graffiti, a pothole…) to the council's Open311 endpoint.
 *
 * A GOV.UK-style journey inside the widget: problem, place, details (questions and photos), contact,
 * check your answers, confirmation. Answers are kept as the resident types; a report that cannot be
 * sent (offline) waits on the device and is sent later, once. Open311 GeoReport v2, JSON or XML.
 *
 * A key in `api-key` is public (anyone can read the page): use a server-side relay that adds the real
 * key, and give the widget the relay's URL as `endpoint`.
 *
 * @tagname civic-report-form
 * @slot - Fallback content (a link to the council's own form, or the form itself), shown until the
 *   services load, and kept, with a message, if they cannot be loaded.
 * @slot location - A council's own map, on the "Where is it?" step. It sets the place by dispatching
 *   `civic-location` with `detail: { lat, long, address? }`.
 * @fires {CivicSubmittedEvent} civic-submitted - The council accepted a report. `detail: { id?, token?, notice, fromOutbox }`.
 * @fires {CivicQueuedEvent} civic-queued - The report could not be sent and waits on this device. `detail: { id }`.
 * @fires {CivicErrorEvent} civic-error - Services could not be loaded, or the server refused or failed a report. `detail: { url, status, reason, messages? }`.
 * @csspart form - The journey.
 * @csspart heading - Each step's heading.
 * @csspart field - A question with its label, hint and error.
 * @csspart guidance - A service's guidance text (a non-variable attribute).
 * @csspart error-summary - "There is a problem", linking to each field.
 * @csspart submit-button - "Continue" and "Send report".
 * @csspart back-link - "Back".
 * @csspart confirmation - The "Report sent" panel.
 * @csspart refused - A report kept on this device that the council refused, with "Change it and send again" and "Delete it".
 * @csspart message - The notice shown above the fallback when the form cannot load.
 * @cssprop --civic-report-form-button-background - Default #00703c (GOV.UK green).
 * @cssprop --civic-report-form-button-text - Default #ffffff.
 * @cssprop --civic-report-form-error - Default #d4351c.
 * @cssprop --civic-report-form-panel-background - Default #00703c.
 * @cssprop --civic-report-form-panel-text - Default #ffffff.
 */
export class CivicReportForm extends CivicElement {
  static override styles = [sharedStyles, styles];

  static override properties = {
    endpoint: {},
    responseFormat: { attribute: 'response-format' },
    jurisdictionId: { attribute: 'jurisdiction-id' },
    apiKey: { attribute: 'api-key' },
    services: {},
    contact: {},
    maxPhotos: { type: Number, attribute: 'max-photos' },
    mediaEndpoint: { attribute: 'media-endpoint' },
    privacyUrl: { attribute: 'privacy-url' },
    trackUrl: { attribute: 'track-url' },
    reverseGeocodeUrl: { attribute: 'reverse-geocode-url' },
    mapUrl: { attribute: 'map-url' },
    serviceStrings: { attribute: 'service-strings' },
    status: { state: true },
    offered: { state: true },
    questions: { state: true },
    draft: { state: true },
    errors: { state: true },
    photos: { state: true },
    outcome: { state: true },
    busy: { state: true },
    filter: { state: true },
    locating: { state: true },
    refusedReports: { state: true },
  };

  /** The Open311 base URL: requests go to `<endpoint>/services.json` and so on. */
  declare endpoint: string | undefined;
  /** `json` (default) or `xml`. */
  responseFormat: 'json' | 'xml' = 'json';
  /** Sent as `jurisdiction_id` when set. */
  declare jurisdictionId: string | undefined;
  /** Sent as `api_key` with each report. Public: anyone can read it in the page. Prefer a server-side relay. */
  declare apiKey: string | undefined;
  /** Comma-separated service codes to offer, in that order (default: all). */
  declare services: string | undefined;
  /** `required` | `optional` (default) | `none`: the resident's email, with optional name and phone. */
  contact: Contact = 'optional';
  /** Most photos per report (default 3; 0 = no photos). Photos need `media-endpoint`. */
  maxPhotos = 3;
  /** Where photos are POSTed (multipart field `media`), answering `{ "url": … }`, sent as `media_url`. */
  declare mediaEndpoint: string | undefined;
  /** The council's privacy notice, linked from the contact step. */
  declare privacyUrl: string | undefined;
  /** The confirmation's "Track your report" link: `{id}` is replaced by the reference. */
  declare trackUrl: string | undefined;
  /**
   * The council's address service, to show residents the nearest address instead of a position:
   * `{lat}` and `{long}` are replaced; it answers JSON with `address`, `label`, `name` or
   * `display_name` (or GeoJSON with those in a feature's `properties`). Without it, the position is
   * shown rounded, in words. Called only when a resident uses their location.
   */
  declare reverseGeocodeUrl: string | undefined;
  /**
   * The council's own words for its services in Welsh (or another language), until its Open311 server
   * gives them: JSON keyed by language, service code and attribute code, e.g.
   * `{"cy": {"FLY": {"name": "Tipio anghyfreithlon", "attributes": {"TYPE": {"description": "…", "values": {"bags": "Bagiau duon"}}}}}}`.
   */
  declare serviceStrings: string | undefined;
  /** The "View this place on a map" link, `{lat}` and `{long}` replaced (default: OpenStreetMap). Only a link: nothing is requested. */
  declare mapUrl: string | undefined;

  /** @internal */
  status: 'loading' | 'ready' | 'unavailable' = 'loading';
  /** @internal */
  offered: Service[] = [];
  /** @internal The questions of each service: its attributes, or 'failed'. */
  questions = new Map<string, Attribute[] | 'failed'>();
  /** @internal */
  draft: Draft = emptyDraft();
  /** @internal */
  errors: FieldError[] = [];
  /** @internal */
  photos: Photo[] = [];
  /** @internal */
  outcome: Outcome | undefined;
  /** @internal */
  busy: 'sending' | 'photos' | undefined;
  /** @internal */
  filter = '';
  /** @internal */
  locating: Locating = 'idle';
  /** @internal Reports kept on this device that the council refused (4xx): shown until changed or deleted. */
  refusedReports: OutboxEntry[] = [];

  /** @internal */
  readonly text = new TextController<Key>(this, { en, cy });
  /** @internal The honeypot's value: only a bot fills a field it cannot see. */
  honeypot = '';
  #loads = 0;
  #failures = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  /** The endpoint whose saved journey and refused reports have been brought back. */
  #restoredFor: string | undefined;
  #returnToCheck = false;
  #stopOutbox: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    prepareAnnouncer();
    this.addEventListener('civic-location', this.#handleMapLocation as EventListener);
    window.addEventListener('online', this.#handleOnline);
    this.#stopOutbox = onOutbox(this.#handleOutbox);
    ensureWatching();
    void flushOutbox(); // reports left on this device by an earlier visit
    // Moved in the page while it could not load (its retry timer went with it): try again now.
    if (this.hasUpdated && this.status === 'unavailable') void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('civic-location', this.#handleMapLocation as EventListener);
    window.removeEventListener('online', this.#handleOnline);
    this.#stopOutbox?.();
    clearTimeout(this.#retry);
    clearCountTimer(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('responseFormat') || changed.has('jurisdictionId') || changed.has('services')) void this.#load();
  }

  /** @internal The endpoint, absolute: the key of the draft and of the outbox's reports. */
  get endpointUrl(): string | undefined {
    return absoluteUrl(this.endpoint);
  }

  /** @internal Where photos go, absolute, or undefined. */
  get mediaUrl(): string | undefined {
    return absoluteUrl(this.mediaEndpoint);
  }

  get #options(): Open311Options {
    return { format: this.responseFormat === 'xml' ? 'xml' : 'json', jurisdiction: this.jurisdictionId };
  }

  /** @internal The steps this form has. */
  get steps(): Step[] {
    return stepsFor(this.contact === 'required' || this.contact === 'none' ? this.contact : 'optional');
  }

  /** @internal Photos are asked for only when they can be uploaded. */
  get photoLimit(): number {
    return this.mediaUrl ? Math.max(0, Math.min(10, Math.floor(this.maxPhotos) || 0)) : 0;
  }

  /** The council's words in the page's language, from `service-strings`. */
  get #strings(): Record<string, unknown> | undefined {
    return parseServiceStrings(this.serviceStrings, this.text.lang);
  }

  /** @internal The services offered, in the page's language. */
  get shownServices(): Service[] {
    const strings = this.#strings;
    return strings ? this.offered.map((s) => localService(s, strings)) : this.offered;
  }

  /** @internal The chosen service's questions, in the page's language ([] while loading or when it has none). */
  get questionList(): Attribute[] {
    const questions = this.questions.get(this.draft.service);
    const strings = this.#strings;
    return Array.isArray(questions) ? (strings ? questions.map((a) => localAttribute(this.draft.service, a, strings)) : questions) : [];
  }

  async #load(): Promise<void> {
    const endpoint = this.endpointUrl;
    const load = ++this.#loads;
    clearTimeout(this.#retry);
    if (!endpoint) return;
    try {
      const all = await getServices(endpoint, this.#options);
      if (load !== this.#loads) return;
      const codes = this.services?.split(',').map((c) => c.trim()).filter(Boolean);
      const offered = codes?.length ? codes.flatMap((code) => all.filter((s) => s.code === code)) : all;
      if (!offered.length) throw new Open311Error('parse', 200);
      this.offered = offered;
      this.#failures = 0;
      if (this.#restoredFor !== endpoint) await this.#restore(endpoint);
      this.status = 'ready';
    } catch (error) {
      if (load !== this.#loads) return;
      this.status = 'unavailable';
      const status = error instanceof Open311Error ? error.status : 0;
      this.dispatchEvent(new CivicErrorEvent({ url: endpoint, status, reason: error instanceof Open311Error ? error.reason : 'network' }));
      // Recover by itself: again in 30 s, 1, 2… minutes (at most 5), and as soon as the device is online.
      this.#retry = setTimeout(() => void this.#load(), Math.min(30_000 * 2 ** this.#failures++, 300_000));
    }
  }

  /** Picks up the journey where a reload or crash left it, or the report this device is keeping. */
  async #restore(endpoint: string): Promise<void> {
    this.#restoredFor = endpoint;
    const draft = reviveDraft(loadDraft(endpoint));
    if (!this.offered.some((s) => s.code === draft.service)) Object.assign(draft, { service: '', step: Step.Service });
    this.draft = draft;
    if (draft.service) void this.#loadQuestions(draft.service);
    const entries = await outboxEntries();
    if (draft.queued) {
      const entry = entries.find((e) => e.id === draft.queued);
      // Gone from the outbox: sent while the page was away. Refused: shown below, to change or delete.
      if (!entry) this.#finish({ notice: '' }, false);
      else if (!entry.refused) this.outcome = { kind: 'queued', entry: entry.id };
      else this.set({ queued: undefined });
    }
    this.#showRefused(entries);
  }

  /** Every refused report on this device for this endpoint, to change or delete. */
  #showRefused(entries: OutboxEntry[]): void {
    this.refusedReports = entries.filter((e) => e.refused && e.endpoint === this.endpointUrl);
  }

  /** @internal "Change it and send again": a refused report's answers and photos back in the journey. */
  async reopen(entry: OutboxEntry): Promise<void> {
    const photos = await Promise.all(
      entry.photos.map((blob, i) => preparePhoto(new File([blob], `photo-${i + 1}.jpg`, { type: 'image/jpeg' })).catch(() => undefined)),
    );
    await discard(entry.id);
    this.refusedReports = this.refusedReports.filter((e) => e.id !== entry.id);
    this.outcome = undefined;
    this.photos = photos.filter((p): p is Photo => !!p);
    const draft = reviveDraft({ ...entry.draft, queued: undefined });
    this.draft = draft;
    if (draft.service) await this.#loadQuestions(draft.service);
    this.go(Step.Check);
  }

  /** @internal "Delete it". */
  async deleteRefused(entry: OutboxEntry): Promise<void> {
    await discard(entry.id);
    this.refusedReports = this.refusedReports.filter((e) => e.id !== entry.id);
    announce(this.text.t('savedDeleted'));
    void this.#focus('.step-heading');
  }

  #questionLoads = new Map<string, Promise<void>>();

  /** Fetches a service's questions once; every caller waits for the same request. */
  #loadQuestions(code: string): Promise<void> {
    const service = this.offered.find((s) => s.code === code);
    const endpoint = this.endpointUrl;
    if (!service || !endpoint) return Promise.resolve();
    let load = this.#questionLoads.get(code);
    if (!load) {
      load = (async () => {
        let questions: Attribute[] | 'failed' = [];
        if (service.metadata) {
          try {
            questions = await getDefinition(endpoint, code, this.#options);
          } catch {
            questions = 'failed';
            this.#questionLoads.delete(code); // asked again next time
          }
        }
        this.questions = new Map(this.questions).set(code, questions);
      })();
      this.#questionLoads.set(code, load);
    }
    return load;
  }

  /** @internal Records answers and keeps them in sessionStorage. */
  set(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    const endpoint = this.endpointUrl;
    if (endpoint) saveDraft(endpoint, this.draft);
    if (patch.service) void this.#loadQuestions(patch.service);
  }

  /** @internal The inline error of a field. */
  errorFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.text;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #showErrors(errors: FieldError[]): void {
    this.errors = errors;
    void this.#focus('.error-summary');
  }

  /** @internal Goes to `step`, its heading focused (so a screen reader starts there). */
  go(step: Step, fromCheck = false): void {
    this.#returnToCheck = fromCheck;
    this.errors = [];
    this.set({ step });
    void this.#focus('.step-heading');
  }

  /** @internal */
  back(): void {
    const steps = this.steps;
    const index = steps.indexOf(this.draft.step);
    this.go(this.#returnToCheck ? Step.Check : (steps[index - 1] ?? Step.Service));
  }

  /** @internal Continue: validation happens here, not on blur (GOV.UK). */
  async continue(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const step = this.draft.step;
    if (step === Step.Check) return this.#send();
    // The questions must be known before they are checked (a restored draft may beat their request).
    if (step === Step.Details) await this.#loadQuestions(this.draft.service);
    const errors = problems(step, this.draft, this.questionList, this.contact, this.text.t.bind(this.text));
    if (errors.length) return this.#showErrors(errors);
    const steps = this.steps;
    this.go(this.#returnToCheck ? Step.Check : (steps[steps.indexOf(step) + 1] ?? Step.Check));
  }

  /** @internal "Use my location": the browser asks the resident; refusal leaves the other ways open. */
  locate(): void {
    if (!navigator.geolocation) return void (this.locating = 'unavailable');
    this.locating = 'busy';
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        this.locating = 'idle';
        this.#setPosition(coords.latitude, coords.longitude);
        // Focus goes to the place now used (read out by screen readers: no announcement as well).
        void this.#focus('#location-now');
      },
      (error) => {
        this.locating = error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable';
        announce(this.text.t(this.locating === 'denied' ? 'locationDenied' : 'locationUnavailable'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  /** @internal "Do not use this location": focus back on "Use my location", never on <body>. */
  forgetLocation(): void {
    this.#geocode?.abort();
    this.set({ lat: '', long: '', place: '' });
    void this.#focus('#use-location');
  }

  #geocode: AbortController | undefined;

  /** Uses a position, then asks the council's address service (if any) what is there. */
  #setPosition(lat: number, long: number, address?: string): void {
    this.#geocode?.abort();
    const position = { lat: lat.toFixed(6), long: long.toFixed(6) };
    this.set({ ...position, place: '', ...(address ? { address } : {}) });
    if (!this.reverseGeocodeUrl) return;
    const controller = (this.#geocode = new AbortController());
    void reverseGeocode(this.reverseGeocodeUrl, position.lat, position.long, controller.signal).then((place) => {
      // Still the same position: a later one (or "Do not use") wins.
      if (place && !controller.signal.aborted && this.draft.lat === position.lat && this.draft.long === position.long) this.set({ place });
    });
  }

  #handleMapLocation = (event: CustomEvent<CivicLocationDetail>): void => {
    const { lat, long, address } = event.detail ?? {};
    if (!(Math.abs(Number(lat)) <= 90 && Math.abs(Number(long)) <= 180)) return;
    this.#setPosition(Number(lat), Number(long), typeof address === 'string' && address.trim() ? address.trim().slice(0, 500) : undefined);
  };

  #handleOnline = (): void => {
    if (this.status === 'unavailable') void this.#load();
  };

  /** @internal Downscales each chosen photo; wrong type, too big or unreadable files get GOV.UK errors. */
  async addPhotos(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again after removing it
    const limit = this.photoLimit;
    const room = limit - this.photos.length;
    const errors: FieldError[] = [];
    if (files.length > room) errors.push({ field: 'photos-button', text: this.text.plural('errorPhotoCount', limit) });
    this.busy = 'photos';
    const added: Photo[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      try {
        added.push(await preparePhoto(file));
      } catch (problem) {
        const kind = problem instanceof PhotoError ? problem.problem : 'unreadable';
        const key = ({ type: 'errorPhotoType', size: 'errorPhotoSize', unreadable: 'errorPhotoUnreadable' } as const)[kind];
        errors.push({ field: 'photos-button', text: this.text.t(key, { name: file.name }) });
      }
    }
    this.busy = undefined;
    this.photos = [...this.photos, ...added];
    if (errors.length) this.#showErrors(errors);
    else if (added.length) announce(this.text.plural('photoAdded', added.length));
  }

  /** @internal Focus goes to the next photo's Remove button, or back to the file input. */
  removePhoto(index: number): void {
    this.photos = this.photos.filter((_, i) => i !== index);
    announce(this.text.t('photoRemoved'));
    void this.#focus(`#remove-photo-${Math.min(index, this.photos.length - 1)}, #photos-button`);
  }

  async #send(): Promise<void> {
    const endpoint = this.endpointUrl;
    if (!endpoint) return;
    // A bot (the hidden field filled in, or the journey done in under 3 s) sees a normal confirmation.
    // A clock set back mid-journey (negative time) is a person's, not a bot's: never lose their report.
    const elapsed = Date.now() - this.draft.startedAt;
    if (this.honeypot || (elapsed >= 0 && elapsed < TIME_TRAP)) return this.#finish({ notice: '' }, false);
    this.busy = 'sending';
    await this.#loadQuestions(this.draft.service);
    const report = {
      endpoint,
      options: this.#options,
      mediaEndpoint: this.photoLimit ? this.mediaUrl : undefined,
      fields: requestFields(this.draft, this.questionList, this.contact, this.apiKey),
      photos: this.photos.map((p) => p.blob),
      draft: { ...this.draft, queued: undefined },
    };
    this.errors = [];
    try {
      this.#finish(await this.#pollToken(await sendReport(report)));
    } catch (error) {
      if (isOffline(error)) await this.#queue(report);
      else this.#refused(error instanceof Open311Error ? error : new Open311Error('parse'));
    } finally {
      this.busy = undefined;
    }
  }

  /** A batch server answers with a token: ask for the reference a few times, 2 s apart. */
  async #pollToken(result: RequestResult): Promise<RequestResult> {
    for (let poll = 0; poll < TOKEN_POLLS && !result.id && result.token && this.endpointUrl && this.isConnected; poll++) {
      await new Promise((resolve) => setTimeout(resolve, TOKEN_DELAY));
      try {
        const answer = await lookupToken(this.endpointUrl, result.token, this.#options);
        if (answer.id) return { ...result, id: answer.id };
      } catch {
        /* not yet: the confirmation says "received" */
      }
    }
    return result;
  }

  async #queue(report: Parameters<typeof queueReport>[0]): Promise<void> {
    try {
      const entry = await queueReport(report);
      this.set({ queued: entry.id });
      this.outcome = { kind: 'queued', entry: entry.id };
      this.dispatchEvent(new CivicQueuedEvent({ id: entry.id }));
      void this.#focus('.step-heading');
    } catch {
      // No IndexedDB, or it is full: the draft stays, and the resident can try again.
      this.#showErrors([{ field: '', text: this.text.t('errorNotKept') }]);
    }
  }

  #refused(error: Open311Error): void {
    const client = error.reason === 'http' && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
    const messages = client && error.messages.length ? error.messages : [];
    // A 2xx that is not an Open311 answer (a captive portal's login page, say) confirms nothing.
    const key = client ? 'errorRefused' : error.reason === 'parse' ? 'errorUnconfirmed' : 'errorServer';
    this.#showErrors([{ field: '', text: this.text.t(key) }, ...messages.map((text) => ({ field: '', text }))]);
    this.dispatchEvent(new CivicErrorEvent({ url: this.endpointUrl ?? '', status: error.status, reason: error.reason, messages: error.messages }));
  }

  /** The server confirmed (or a bot was fooled): the draft goes, the confirmation comes. */
  #finish(result: RequestResult, fire = true, fromOutbox = false): void {
    if (this.endpointUrl) clearDraft(this.endpointUrl);
    this.draft = { ...emptyDraft(), step: Step.Done };
    this.photos = [];
    this.errors = [];
    this.outcome = { kind: 'sent', id: result.id, notice: result.notice };
    if (fire) this.dispatchEvent(new CivicSubmittedEvent({ id: result.id, token: result.token, notice: result.notice, fromOutbox }));
    void this.#focus('.step-heading');
  }

  #handleOutbox = (news: OutboxNews): void => {
    if (news.kind === 'refused') {
      // Any refused report for this endpoint is shown, with the council's reasons, to change or delete.
      if (news.id === this.draft.queued) {
        this.outcome = undefined;
        this.set({ queued: undefined });
      }
      void outboxEntries().then((entries) => this.#showRefused(entries));
    } else if (news.kind === 'sent' && news.id === this.draft.queued) this.#finish(news.result, true, true);
  };

  /** @internal "Report another problem". */
  restart(): void {
    this.outcome = undefined;
    this.#returnToCheck = false;
    this.draft = emptyDraft();
    this.photos = [];
    this.filter = '';
    if (this.endpointUrl) clearDraft(this.endpointUrl);
    void this.#focus('.step-heading');
  }

  #renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    const focusField = (event: Event, field: string) => {
      event.preventDefault(); // a fragment link cannot reach into a shadow root
      const el = this.renderRoot.querySelector<HTMLElement>(`#${field}`);
      if (!el) return;
      // GOV.UK's error summary: the question (its legend, else its label) is brought into view, not
      // just the control, so the resident sees what is asked; then focus, without scrolling again.
      const legend = el.closest('fieldset')?.querySelector('legend');
      const label = legend ?? this.renderRoot.querySelector(`label[for="${field}"]`) ?? el;
      label.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    };
    // GOV.UK's error summary: focus on the box, the words in an inner role="alert" (aria-labelledby on
    // a div without a role names nothing, and axe only flags it as "needs review").
    return html`<div class="error-summary" part="error-summary" tabindex="-1">
      <div role="alert">
        <h2 id="error-summary-title">${this.text.t('errorSummary')}</h2>
        <ul>
          ${this.errors.map((e) => html`<li>${e.field ? html`<a href="#${e.field}" @click=${(event: Event) => focusField(event, e.field)}>${e.text}</a>` : e.text}</li>`)}
        </ul>
      </div>
    </div>`;
  }

  override render(): TemplateResult {
    if (this.status !== 'ready') {
      return html`${this.status === 'unavailable' ? html`<p class="notice" part="message">${this.text.t('unavailable')}</p>` : nothing}<slot></slot>`;
    }
    const step = this.outcome ? Step.Done : this.draft.step;
    const steps = this.steps;
    const body =
      step === Step.Done
        ? renderConfirmation(this)
        : step === Step.Service
          ? renderService(this)
          : step === Step.Location
            ? renderLocation(this)
            : step === Step.Details
              ? renderDetails(this)
              : step === Step.Contact && this.contact !== 'none'
                ? renderContact(this)
                : renderCheck(this);
    const t = this.text.t.bind(this.text);
    return html`<section part="form" aria-label=${t('region')}>
      ${step !== Step.Done && step !== Step.Service ? html`<button type="button" class="back-link" part="back-link" @click=${() => this.back()}>${t('back')}</button>` : nothing}
      ${step !== Step.Done ? renderRefused(this) : nothing} ${this.#renderErrorSummary()}
      ${step === Step.Done
        ? body
        : html`<form novalidate @submit=${(event: Event) => void this.continue(event)}>
            <span class="caption" id="step-of">${t('stepOf', { step: Math.max(1, steps.indexOf(step) + 1), total: steps.length })}</span>
            ${body}
          </form>`}
    </section>`;
  }
}
