import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CivicElement } from '../core/civic-element.js';
import { TextController } from '../core/i18n/text-controller.js';
import { absoluteUrl } from '../core/safe-url.js';
import { sharedStyles } from '../core/styles/shared.js';
import type { Draft } from './draft.js';
import { Answers, isBot, problems, requestFields, reviveDraft, Step, stepsFor, type Contact, type Key } from './journey.js';
import { cy, en } from './messages.js';
import type { Open311Options } from './open311/client.js';
import type { Service } from './open311/open311.js';
import type { OutboxEntry } from './outbox.js';
import { errorsOf, stepOf, transition, type Phase, type PhaseEvent } from './phase.js';
import { PhotoList } from './photos.js';
import { PlaceController } from './place.js';
import { parseServiceStrings } from './service-strings.js';
import { ServicesController, type ShownServices } from './services.js';
import { styles } from './report-form.styles.js';
import { CharacterCount, Progressive, renderCheck, renderConfirmation, renderContact, renderDetails, renderErrorSummary, renderLocation, renderRefused, renderService, type StepContext } from './steps.js';
import { SubmissionController } from './submission.js';

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
 * @csspart reference - The council's reference for the report, on the confirmation.
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
    phase: { state: true },
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

  /** @internal Where the form is (see phase.ts): the one state that decides what is shown. */
  phase: Phase = { name: 'loading' };

  readonly #text = new TextController<Key>(this, { en, cy });
  /** @internal */
  readonly t = this.#text.t.bind(this.#text);
  readonly #services = new ServicesController(this, {
    endpoint: () => this.endpointUrl,
    options: () => this.#options,
    codes: () => this.services,
    loaded: (offered) => this.#restore(offered),
    failed: () => this.dispatch({ type: 'failed' }),
  });
  readonly #submission = new SubmissionController(this, this.t);
  readonly #answers = new Answers(this, () => this.endpointUrl);
  readonly #place = new PlaceController(this, this.#answers);
  readonly #photos = new PhotoList(this, { t: this.t, plural: (key, count) => this.#text.plural(key, count) });
  readonly #count = new CharacterCount(this);
  readonly #servicesShown = new Progressive(this);
  /** The honeypot's value: only a bot fills a field it cannot see. */
  #honeypot = '';
  /** The service list's filter. */
  #filter = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('responseFormat') || changed.has('jurisdictionId') || changed.has('services')) {
      this.dispatch({ type: 'load' });
      void this.#services.load();
    }
  }

  /** @internal Moves the form on: the phase machine decides (phase.ts). */
  dispatch(event: PhaseEvent): void {
    const before = this.phase;
    this.phase = transition(before, event);
    // The council has the report (sent now, by the outbox, or a bot fooled): the draft and photos go.
    if (this.phase.name === 'sent' && before.name !== 'sent') {
      this.#answers.clear(Step.Done);
      this.#photos.clear();
      this.focusOn('.step-heading');
    }
  }

  /** @internal The endpoint, absolute: the key of the draft and of the outbox's reports. */
  get endpointUrl(): string | undefined {
    return absoluteUrl(this.endpoint);
  }

  get #options(): Open311Options {
    return { format: this.responseFormat === 'xml' ? 'xml' : 'json', jurisdiction: this.jurisdictionId, lang: this.#text.lang };
  }

  get #steps(): Step[] {
    return stepsFor(this.contact === 'required' || this.contact === 'none' ? this.contact : 'optional');
  }

  /** Photos are asked for only when they can be uploaded. */
  get #photoLimit(): number {
    return absoluteUrl(this.mediaEndpoint) ? Math.max(0, Math.min(10, Math.floor(this.maxPhotos) || 0)) : 0;
  }

  #shown(): ShownServices {
    return this.#services.shown(this.#answers.draft.service, parseServiceStrings(this.serviceStrings, this.#text.lang));
  }

  /** Picks up the journey where a reload or crash left it, or the report this device is keeping. */
  async #restore(offered: Service[]): Promise<void> {
    const draft = this.#answers.restore(offered);
    if (draft.service) void this.#services.questionsFor(draft.service);
    // Gone from the outbox: sent while the page was away. Refused: shown, to change or delete.
    const kept = await this.#submission.restore(draft.queued);
    this.dispatch({ type: 'loaded', step: draft.step, queued: kept === 'queued' ? draft.queued : undefined });
    if (kept === 'sent') this.dispatch({ type: 'sent', notice: '' });
    else if (kept === 'refused') this.#set({ queued: undefined });
  }

  /** Records answers (kept in sessionStorage); a chosen service's questions are fetched. */
  #set(patch: Partial<Draft>): void {
    this.#answers.set(patch);
    if (patch.service) void this.#services.questionsFor(patch.service);
  }

  /** @internal Focuses `selector` once the form has rendered. */
  focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** Goes to `step`, its heading focused (so a screen reader starts there). */
  #go(event: PhaseEvent): void {
    this.dispatch(event);
    const step = stepOf(this.phase);
    if (this.phase.name === 'editing' && step) this.#set({ step });
    this.focusOn(this.phase.name === 'editing' && this.phase.errors.length ? '.error-summary' : '.step-heading');
  }

  /** Continue: validation happens here, not on blur (GOV.UK). */
  async #handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const step = stepOf(this.phase);
    if (this.phase.name === 'sending' || this.#photos.preparing || !step) return;
    if (step === Step.Check) return this.#send();
    // The questions must be known before they are checked (a restored draft may beat their request).
    if (step === Step.Details) await this.#services.questionsFor(this.#answers.draft.service);
    const errors = problems(step, this.#answers.draft, this.#shown().questions, this.contact, this.t);
    const steps = this.#steps;
    this.#go(errors.length ? { type: 'invalid', errors } : { type: 'continue', next: steps[steps.indexOf(step) + 1] ?? Step.Check });
  }

  #back(): void {
    const steps = this.#steps;
    this.#go({ type: 'back', previous: steps[steps.indexOf(stepOf(this.phase) ?? Step.Service) - 1] ?? Step.Service });
  }

  async #send(): Promise<void> {
    const endpoint = this.endpointUrl;
    if (!endpoint) return;
    // A bot sees a normal confirmation (and nothing is sent).
    if (isBot(this.#answers.draft, this.#honeypot)) return this.dispatch({ type: 'sent', notice: '' });
    await this.#services.questionsFor(this.#answers.draft.service);
    const report = {
      endpoint,
      options: this.#options,
      mediaEndpoint: this.#photoLimit ? absoluteUrl(this.mediaEndpoint) : undefined,
      fields: requestFields(this.#answers.draft, this.#shown().questions, this.contact, this.apiKey),
      photos: this.#photos.list.map((p) => p.blob),
      draft: { ...this.#answers.draft, queued: undefined },
    };
    await this.#submission.send(report, this.#options);
    if (this.phase.name === 'queued') this.#set({ queued: this.phase.entry });
    this.focusOn(this.phase.name === 'refused' ? '.error-summary' : '.step-heading');
  }

  /** "Change it and send again": a refused report's answers and photos back in the journey. */
  async #reopen(entry: OutboxEntry): Promise<void> {
    await this.#submission.forget(entry);
    await this.#photos.restore(entry.photos);
    this.#answers.replace(reviveDraft({ ...entry.draft, queued: undefined }));
    if (this.#answers.draft.service) await this.#services.questionsFor(this.#answers.draft.service);
    this.#go({ type: 'go', step: Step.Check });
  }

  /** "Report another problem". */
  #restart(): void {
    this.dispatch({ type: 'restart' });
    this.#answers.clear();
    this.#photos.clear();
    this.#filter = '';
    this.focusOn('.step-heading');
  }

  #renderStep(ctx: StepContext, step: Step): TemplateResult {
    const shown = this.#shown();
    const list = this.#photos;
    const add = async (input: HTMLInputElement) => {
      const errors = await list.add(input, this.#photoLimit);
      if (errors.length) this.#go({ type: 'invalid', errors });
    };
    const photos = { limit: this.#photoLimit, list: list.list, preparing: list.preparing, add: (input: HTMLInputElement) => void add(input), remove: (i: number) => list.remove(i) };
    if (step === Step.Done) return renderConfirmation(ctx, this.phase, { trackUrl: this.trackUrl, restart: () => this.#restart() });
    if (step === Step.Service) return renderService(ctx, { services: shown.services, filter: this.#filter, onFilter: (value) => ((this.#filter = value), this.requestUpdate()), shown: this.#servicesShown });
    if (step === Step.Location) return renderLocation(ctx, { locating: this.#place.locating, locate: () => this.#place.locate(), forget: () => this.#place.forget(), mapUrl: this.mapUrl });
    if (step === Step.Details) return renderDetails(ctx, { ...shown, photos, count: this.#count, honeypot: this.#honeypot, onHoneypot: (value) => (this.#honeypot = value) });
    if (step === Step.Contact && this.contact !== 'none') return renderContact(ctx, { contact: this.contact, privacyUrl: this.privacyUrl });
    return renderCheck(ctx, { ...shown, contact: this.contact, photoLimit: this.#photoLimit, photos: list.list, sending: this.phase.name === 'sending' });
  }

  override render(): TemplateResult {
    const step = stepOf(this.phase);
    const t = this.t;
    if (!step) return html`${this.phase.name === 'unavailable' ? html`<p class="notice" part="message">${t('unavailable')}</p>` : nothing}<slot></slot>`;
    const text = this.#text;
    const ctx: StepContext = { draft: this.#answers.draft, errors: errorsOf(this.phase), t, plural: text.plural.bind(text), lang: text.lang, set: (patch) => this.#set(patch), go: (to, fromCheck) => this.#go({ type: 'go', step: to, fromCheck }) };
    const steps = this.#steps;
    const body = this.#renderStep(ctx, step);
    return html`<section part="form" aria-label=${t('region')}>
      ${step !== Step.Done && step !== Step.Service ? html`<button type="button" class="back-link" part="back-link" @click=${() => this.#back()}>${t('back')}</button>` : nothing}
      ${step !== Step.Done ? renderRefused(ctx, this.#submission.refused, { reopen: (e) => void this.#reopen(e), remove: (e) => void this.#submission.delete(e) }) : nothing}
      ${renderErrorSummary(ctx, this.renderRoot)}
      ${step === Step.Done
        ? body
        : html`<form novalidate @submit=${(event: Event) => void this.#handleSubmit(event)}>
            <span class="caption" id="step-of">${t('stepOf', { step: Math.max(1, steps.indexOf(step) + 1), total: steps.length })}</span>
            ${body}
          </form>`}
    </section>`;
  }
}
