/**
 * The journey's steps as templates. Each gets a narrow context (the draft, the errors, the words,
 * `set` and `go`) and only what its own step needs; what happens on Continue, Send and Back is the
 * phase machine's (phase.ts) and the form's.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { announce } from '../core/announce.js';
import { formatDate, formatTime } from '../core/i18n/format.js';
import type { Lang } from '../core/i18n/lang.js';
import { schedule } from '../core/scheduler.js';
import { absoluteUrl } from '../core/safe-url.js';
import { encode } from '../core/text.js';
import type { Draft } from './draft.js';
import { attributeField, dateParts, describedBy, errorOf, group, type FieldParts } from './fields.js';
import { answerOf, attributeId, isoFromLocal, MAX_DESCRIPTION, Step, type Contact, type FieldError, type Key, type Translate } from './journey.js';
import type { Attribute, Service } from './open311/open311.js';
import type { OutboxEntry } from './outbox.js';
import type { Phase } from './phase.js';
import { ACCEPT, type Photo } from './photos.js';
import { mapLink, positionText, type Locating } from './place.js';

/** What every step gets. */
export interface StepContext {
  draft: Draft;
  errors: FieldError[];
  t: Translate;
  plural: (key: Key, count: number) => string;
  lang: Lang;
  /** Records answers (and keeps them on the device). */
  set(patch: Partial<Draft>): void;
  /** Goes to a step, its heading focused; `fromCheck` when "Change" on Check your answers led there. */
  go(step: Step, fromCheck?: boolean): void;
}

/** A date answer for Check your answers: "Wednesday 1 July 2026, 09:30". */
function dateText(value: string, lang: Lang): string {
  const iso = isoFromLocal(value);
  if (!iso) return value;
  const { time } = dateParts(value);
  return `${formatDate(new Date(iso), lang)}${time ? `, ${formatTime(new Date(iso))}` : ''}`;
}

const heading = (text: string) => html`<h2 class="step-heading" tabindex="-1" part="heading">${text}</h2>`;
const continueButton = (ctx: StepContext) => html`<button class="button" part="submit-button" type="submit">${ctx.t('continue')}</button>`;
const valueOf = (event: Event) => (event.target as HTMLInputElement).value;
/** Accents and case ignored: "cafe" finds "Café". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
/** What the filter searches in, folded once per service rather than once per keystroke. */
const searched = new WeakMap<Service, string>();
const searchText = (s: Service): string => {
  let text = searched.get(s);
  if (text === undefined) searched.set(s, (text = fold(`${s.name} ${s.description}`)));
  return text;
};
const errorFor = (ctx: StepContext, field: string) => ctx.errors.find((e) => e.field === field)?.text;

function parts(ctx: StepContext, id: string, label: string, hint?: string): FieldParts {
  return { id, label, hint, error: errorFor(ctx, id), t: ctx.t };
}

/** A text input, textarea-free; `extra` carries type, autocomplete and the like. */
function textInput(ctx: StepContext, p: FieldParts, value: string, onInput: (value: string) => void, extra: { type?: string; autocomplete?: string; spellcheck?: boolean; width?: string } = {}) {
  return group(
    p,
    html`<input
      id=${p.id}
      type=${extra.type ?? 'text'}
      class=${ifDefined(extra.width)}
      autocomplete=${ifDefined(extra.autocomplete)}
      spellcheck=${extra.spellcheck === false ? 'false' : 'true'}
      .value=${live(value)}
      aria-describedby=${ifDefined(describedBy(p))}
      aria-invalid=${ifDefined(p.error ? 'true' : undefined)}
      @input=${(event: Event) => onInput(valueOf(event))}
    />`,
  );
}

export interface ServiceStep {
  services: Service[];
  filter: string;
  onFilter: (value: string) => void;
  /** How many of the services to draw now (a council with thousands gets them over a few frames). */
  shown: Progressive;
}

/**
 * Draws a long list over several turns of the page's timer, a batch at a time, so that a council
 * with thousands of services never freezes the page (one batch is a short task); what a filter
 * finds is drawn at once wherever it is in the list.
 */
export class Progressive implements ReactiveController {
  static readonly BATCH = 100;
  limit = Progressive.BATCH;
  #total = 0;
  #cancel: (() => void) | undefined;

  constructor(readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Called while rendering a list of `total` items: how many to draw. */
  take(total: number): number {
    this.#total = total;
    return this.limit;
  }

  hostUpdate(): void {
    this.#total = 0; // only a render that draws the list asks for more
  }

  hostUpdated(): void {
    if (this.limit >= this.#total || this.#cancel) return;
    this.#cancel = schedule(0, () => {
      this.#cancel = undefined;
      this.limit += Progressive.BATCH;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }
}

export function renderService(ctx: StepContext, { services, filter, onFilter, shown }: ServiceStep): TemplateResult {
  const { t } = ctx;
  const error = errorFor(ctx, 'service-0');
  const query = fold(filter.trim());
  const shows = (s: Service) => !query || s.code === ctx.draft.service || searchText(s).includes(query);
  const grouped = services.some((s) => s.group);
  const groups = new Map<string, { service: Service; index: number }[]>();
  const limit = shown.take(services.length);
  services.forEach((service, index) => {
    if (index >= limit && !(query && shows(service))) return;
    const name = service.group || (grouped ? t('otherGroup') : '');
    const group = groups.get(name);
    if (group) group.push({ service, index });
    else groups.set(name, [{ service, index }]);
  });
  const count = services.filter(shows).length;
  // Each row is drawn again only when what it shows changes, so a batch of a long list costs that
  // batch, not the whole list drawn so far.
  const radio = ({ service, index }: { service: Service; index: number }) => {
    const checked = ctx.draft.service === service.code;
    const hidden = !shows(service);
    return guard([service, index, checked, hidden], () => row(service, index, checked, hidden));
  };
  const row = (service: Service, index: number, checked: boolean, hidden: boolean) =>
    html`<div class="choice" ?hidden=${hidden}>
      <input
        type="radio"
        id="service-${index}"
        name="service"
        .value=${service.code}
        .checked=${live(checked)}
        aria-describedby=${ifDefined(service.description ? `service-${index}-hint` : undefined)}
        @change=${() => ctx.set({ service: service.code })}
      />
      <label for="service-${index}">${service.name}</label>
      ${service.description ? html`<div class="hint choice-hint" id="service-${index}-hint">${service.description}</div>` : nothing}
    </div>`;
  return html`<div class="group ${error ? 'group-error' : ''}">
      <fieldset aria-describedby=${ifDefined(error ? 'service-error' : undefined)}>
        <legend>${heading(t('serviceHeading'))}</legend>
        ${services.length > 8
          ? html`<div class="group filter">
              <label class="label" for="filter">${t('filter')}</label>
              <div class="hint" id="filter-hint">${t('filterHint')}</div>
              <input id="filter" type="search" autocomplete="off" spellcheck="false" aria-describedby="filter-hint" .value=${live(filter)} @input=${(event: Event) => onFilter(valueOf(event))} />
              <p class="hint" role="status">${query ? ctx.plural('filterCount', count) : ''}</p>
            </div>`
          : nothing}
        ${errorOf({ id: 'service', error, t, label: '' })}
        ${[...groups].map(([name, list]) =>
          name
            ? html`<fieldset class="service-group" ?hidden=${!list.some((s) => shows(s.service))}>
                <legend class="group-heading">${name}</legend>
                <div class="choices service-list">${list.map(radio)}</div>
              </fieldset>`
            : html`<div class="choices service-list">${list.map(radio)}</div>`,
        )}
      </fieldset>
    </div>
    ${continueButton(ctx)}`;
}

export interface LocationStep {
  locating: Locating;
  locate: () => void;
  forget: () => void;
  mapUrl: string | undefined;
}

export function renderLocation(ctx: StepContext, { locating, locate, forget, mapUrl }: LocationStep): TemplateResult {
  const { t } = ctx;
  const { lat, long, place } = ctx.draft;
  const problem = locating === 'denied' ? t('locationDenied') : locating === 'unavailable' ? t('locationUnavailable') : '';
  const map = lat && long ? mapLink(mapUrl, lat, long) : undefined;
  return html`${heading(t('locationHeading'))}
    <slot name="location"></slot>
    <div class="group">
      ${lat && long
        ? html`<div class="inset" id="location-now" tabindex="-1">
              <p>${t('located', { place: place || positionText(lat, long, t) })}</p>
              ${map ? html`<p><a href=${map} target="_blank" rel="noopener noreferrer">${t('viewOnMap')}</a></p>` : nothing}
            </div>
            <button type="button" class="secondary" @click=${forget}>${t('forgetLocation')}</button>`
        : html`<button type="button" class="secondary" id="use-location" @click=${locate}>${locating === 'busy' ? t('locating') : t('useLocation')}</button>`}
      ${problem ? html`<p class="notice">${problem}</p>` : nothing}
    </div>
    ${group(
      parts(ctx, 'address', t('address'), t('addressHint')),
      html`<textarea
        id="address"
        rows="2"
        .value=${live(ctx.draft.address)}
        aria-describedby=${ifDefined(describedBy(parts(ctx, 'address', '', t('addressHint'))))}
        aria-invalid=${ifDefined(errorFor(ctx, 'address') ? 'true' : undefined)}
        @input=${(event: Event) => ctx.set({ address: valueOf(event) })}
      ></textarea>`,
    )}
    ${continueButton(ctx)}`;
}

/** GOV.UK's character count: announced once typing pauses, not at every key. One per form, stopped when the resident leaves the field (as GOV.UK's does on blur) or the form leaves the page. */
export class CharacterCount implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostDisconnected(): void {
    this.stop();
  }
  later(text: () => string): void {
    this.stop();
    this.#timer = setTimeout(() => announce(text()), 1000);
  }
  stop(): void {
    clearTimeout(this.#timer);
  }
}

function countText(ctx: StepContext, length = ctx.draft.description.length): string {
  const left = MAX_DESCRIPTION - length;
  return left >= 0 ? ctx.plural('remaining', left) : ctx.plural('tooMany', -left);
}

export interface PhotoField {
  /** How many photos may be added (0: no photo question). */
  limit: number;
  list: Photo[];
  preparing: boolean;
  add(input: HTMLInputElement): void;
  remove(index: number): void;
}

export interface DetailsStep {
  questions: Attribute[];
  /** The service's questions could not be loaded. */
  failed: boolean;
  photos: PhotoField;
  count: CharacterCount;
  honeypot: string;
  onHoneypot: (value: string) => void;
}

export function renderDetails(ctx: StepContext, { questions, failed, photos: field, count, honeypot, onHoneypot }: DetailsStep): TemplateResult {
  const { t } = ctx;
  const description = parts(ctx, 'description', t('description'), t('descriptionHint'));
  const over = ctx.draft.description.length > MAX_DESCRIPTION;
  const limit = field.limit;
  // The field's id is its button's: the error summary links there, and focus returns there.
  const photos = parts(ctx, 'photos-button', ctx.plural('photos', limit), ctx.plural('photosHint', limit));
  return html`${heading(t('detailsHeading'))}
    ${failed ? html`<p class="notice">${t('questionsFailed')}</p>` : nothing}
    <div class="group ${description.error ? 'group-error' : ''}" part="field">
      <label class="label" for="description">${description.label}</label>
      <div class="hint" id="description-hint">${description.hint}</div>
      ${errorOf(description)}
      <textarea
        id="description"
        rows="5"
        spellcheck="true"
        .value=${live(ctx.draft.description)}
        aria-describedby="description-hint ${description.error ? 'description-error ' : ''}description-info"
        aria-invalid=${ifDefined(description.error ? 'true' : undefined)}
        @input=${(event: Event) => {
          const description = valueOf(event);
          ctx.set({ description });
          count.later(() => countText(ctx, description.length));
        }}
        @blur=${() => count.stop()}
      ></textarea>
      <div class="visually-hidden" id="description-info">${t('countInfo', { count: MAX_DESCRIPTION })}</div>
      <div class="hint count ${over ? 'count-error' : ''}" aria-hidden="true">${countText(ctx)}</div>
    </div>
    ${questions.map((attribute, index) =>
      attributeField(attribute, index, answerOf(ctx.draft, attribute.code), errorFor(ctx, attributeId(index, attribute)), t, (value) =>
        ctx.set({ attributes: { ...ctx.draft.attributes, [attribute.code]: value } }),
      ),
    )}
    ${limit
      ? html`<div class="group ${photos.error ? 'group-error' : ''}" part="field">
          <label class="label" id="photos-label" for="photos">${photos.label}</label>
          <div class="hint" id="photos-button-hint">${photos.hint}</div>
          ${errorOf(photos)}
          ${field.list.length
            ? html`<ul class="photos">
                ${field.list.map(
                  (photo, i) => html`<li>
                    ${photo.preview.startsWith('data:image/jpeg;base64,') ? html`<img src=${photo.preview} alt=${t('photoAlt', { count: i + 1, name: photo.name })} />` : nothing}
                    <button type="button" class="secondary" id="remove-photo-${i}" @click=${() => field.remove(i)}>
                      ${t('removePhoto')}<span class="visually-hidden"> ${t('removePhotoName', { count: i + 1, name: photo.name })}</span>
                    </button>
                  </li>`,
                )}
              </ul>`
            : nothing}
          <p class="hint" role="status">${field.preparing ? t('preparingPhoto') : ''}</p>
          ${field.list.length < limit
            ? html`<div class="file-picker">
                <input
                  type="file"
                  id="photos"
                  class="file-input"
                  tabindex="-1"
                  aria-hidden="true"
                  accept=${ACCEPT}
                  ?multiple=${limit - field.list.length > 1}
                  @change=${(event: Event) => field.add(event.target as HTMLInputElement)}
                />
                <button
                  type="button"
                  class="secondary"
                  id="photos-button"
                  aria-labelledby="photos-label photos-button"
                  aria-describedby="${describedBy(photos) ?? ''} photos-status"
                  @click=${(event: Event) => (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLInputElement>('#photos')?.click()}
                >
                  ${ctx.plural('choosePhotos', limit - field.list.length)}
                </button>
                <span id="photos-status">${ctx.plural('photoCount', field.list.length)}</span>
              </div>`
            : html`<p id="photos-status">${ctx.plural('photoCount', field.list.length)}</p>`}
        </div>`
      : nothing}
    <div class="hp" aria-hidden="true">
      <label for="hp-field">${t('honeypot')}</label>
      <input id="hp-field" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(honeypot)} @input=${(event: Event) => onHoneypot(valueOf(event))} />
    </div>
    ${continueButton(ctx)}`;
}

export function renderContact(ctx: StepContext, { contact, privacyUrl }: { contact: Contact; privacyUrl: string | undefined }): TemplateResult {
  const { t } = ctx;
  const required = contact === 'required';
  const optional = (label: string) => `${label} ${t('optional')}`;
  const privacy = absoluteUrl(privacyUrl);
  const d = ctx.draft;
  return html`${heading(t(required ? 'contactHeading' : 'contactHeadingOptional'))}
    <p class="hint">${t('contactHint')}</p>
    ${textInput(ctx, parts(ctx, 'email', required ? t('email') : optional(t('email'))), d.email, (email) => ctx.set({ email }), { type: 'email', autocomplete: 'email', spellcheck: false })}
    ${textInput(ctx, parts(ctx, 'first-name', optional(t('firstName'))), d.firstName, (firstName) => ctx.set({ firstName }), { autocomplete: 'given-name', spellcheck: false, width: 'width-20' })}
    ${textInput(ctx, parts(ctx, 'last-name', optional(t('lastName'))), d.lastName, (lastName) => ctx.set({ lastName }), { autocomplete: 'family-name', spellcheck: false, width: 'width-20' })}
    ${textInput(ctx, parts(ctx, 'phone', optional(t('phone'))), d.phone, (phone) => ctx.set({ phone }), { type: 'tel', autocomplete: 'tel', spellcheck: false, width: 'width-20' })}
    <p>${t('privacy')} ${privacy ? html`<a href=${privacy}>${t('privacyLink')}</a>` : nothing}</p>
    ${continueButton(ctx)}`;
}

export interface CheckStep {
  services: Service[];
  questions: Attribute[];
  contact: Contact;
  photoLimit: number;
  photos: Photo[];
  sending: boolean;
}

export function renderCheck(ctx: StepContext, { services, questions, contact, photoLimit, photos, sending }: CheckStep): TemplateResult {
  const { t } = ctx;
  const d = ctx.draft;
  const service = services.find((s) => s.code === d.service);
  const row = (label: string, lines: string[], step: Step) => html`<div class="summary-row">
    <dt>${label}</dt>
    <dd>${lines.filter(Boolean).length ? lines.filter(Boolean).map((line) => html`<span class="line">${line}</span>`) : t('notGiven')}</dd>
    <dd class="actions">
      <button type="button" class="link" @click=${() => ctx.go(step, true)}>${t('change')}<span class="visually-hidden"> ${label}</span></button>
    </dd>
  </div>`;
  return html`${heading(t('checkHeading'))}
    <dl class="summary">
      ${row(t('rowProblem'), [service?.name ?? d.service], Step.Service)}
      ${row(t('rowLocation'), [d.address.trim(), d.lat && d.long ? d.place || positionText(d.lat, d.long, t) : ''], Step.Location)}
      ${row(t('rowDescription'), [d.description.trim()], Step.Details)}
      ${questions
        .filter((a) => a.variable)
        .map((a) => {
          const names = answerOf(d, a.code).map((key) => (a.datatype === 'datetime' ? dateText(key, ctx.lang) : (a.values.find((v) => v.key === key)?.name ?? key)));
          return row(a.description, [names.join(', ')], Step.Details);
        })}
      ${photoLimit ? row(t('rowPhotos'), photos.map((p) => p.name), Step.Details) : nothing}
      ${contact !== 'none' ? row(t('rowContact'), [d.email, `${d.firstName} ${d.lastName}`.trim(), d.phone], Step.Contact) : nothing}
    </dl>
    <button class="button" part="submit-button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
      ${sending ? t('sending') : ctx.errors.length ? t('tryAgain') : t('send')}
    </button>`;
}

export function renderConfirmation(ctx: StepContext, phase: Phase, { trackUrl, restart }: { trackUrl: string | undefined; restart: () => void }): TemplateResult {
  const { t } = ctx;
  const another = html`<p><button type="button" class="secondary" @click=${restart}>${t('another')}</button></p>`;
  if (phase.name === 'queued') {
    return html`<div class="panel panel-queued" part="confirmation">${heading(t('queuedHeading'))}
        <p>${t('queued')}</p>
      </div>
      <p>${t('queuedLater')}</p>
      ${another}`;
  }
  const outcome = phase.name === 'sent' ? phase : { id: undefined, notice: '' };
  const track = outcome.id && trackUrl ? absoluteUrl(trackUrl.replace('{id}', encode(outcome.id))) : undefined;
  return html`<div class="panel" part="confirmation">
      ${heading(t('sentHeading'))}
      ${outcome.id ? html`<p class="reference-line">${t('reference')}<br /><strong class="reference" part="reference">${outcome.id}</strong></p>` : nothing}
    </div>
    ${outcome.id ? nothing : html`<p>${t('received')}</p>`} ${outcome.notice ? html`<p>${outcome.notice}</p>` : nothing}
    ${track ? html`<p><a href=${track}>${t('track')}</a></p>` : nothing} ${another}`;
}

/** Reports kept on this device that the council refused, with its reasons: change and resend, or delete. */
export function renderRefused(ctx: StepContext, entries: OutboxEntry[], { reopen, remove }: { reopen: (entry: OutboxEntry) => void; remove: (entry: OutboxEntry) => void }): TemplateResult | typeof nothing {
  const { t } = ctx;
  return entries.length
    ? html`${entries.map(
        (entry) => html`<div class="refused" part="refused" role="region" aria-labelledby="refused-${entry.id}">
          <h2 id="refused-${entry.id}">${t('refusedHeading')}</h2>
          <p>${t('queuedRefused')}</p>
          ${entry.refused?.length ? html`<ul class="bullets">${entry.refused.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
          <p class="actions">
            <button type="button" class="button" @click=${() => reopen(entry)}>${t('changeAndResend')}</button>
            <button type="button" class="secondary warning" @click=${() => remove(entry)}>${t('deleteSaved')}</button>
          </p>
        </div>`,
      )}`
    : nothing;
}

/** GOV.UK's error summary: focus on the box, the words in an inner role="alert", a link to each field. */
export function renderErrorSummary(ctx: StepContext, root: ParentNode): TemplateResult | typeof nothing {
  if (!ctx.errors.length) return nothing;
  const follow = (event: Event, field: string) => {
    event.preventDefault(); // a fragment link cannot reach into a shadow root
    const el = root.querySelector<HTMLElement>(`#${field}`);
    if (!el) return;
    // The question (its legend, else its label) is brought into view, not just the control, so the
    // resident sees what is asked; then focus, without scrolling again.
    const label = el.closest('fieldset')?.querySelector('legend') ?? root.querySelector(`label[for="${field}"]`) ?? el;
    label.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  };
  // (aria-labelledby on a div without a role names nothing, and axe only flags it as "needs review".)
  return html`<div class="error-summary" part="error-summary" tabindex="-1">
    <div role="alert">
      <h2 id="error-summary-title">${ctx.t('errorSummary')}</h2>
      <ul>
        ${ctx.errors.map((e) => html`<li>${e.field ? html`<a href="#${e.field}" @click=${(event: Event) => follow(event, e.field)}>${e.text}</a>` : e.text}</li>`)}
      </ul>
    </div>
  </div>`;
}
