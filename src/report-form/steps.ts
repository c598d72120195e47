/**
 * The journey's steps as templates. Each reads the form's state and calls its methods; the state
 * machine itself (what happens on Continue, Send, Back) stays in report-form.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { announce } from '../core/announce.js';
import { absoluteUrl } from '../core/safe-url.js';
import type { Service } from './open311/open311.js';
import { attributeField, describedBy, errorOf, group, type FieldParts } from './fields.js';
import { answerOf, attributeId, MAX_DESCRIPTION, Step } from './journey.js';
import { ACCEPT } from './photos.js';
import { mapLink, positionText } from './place.js';
import { dateParts } from './fields.js';
import { formatDate, formatTime } from '../core/i18n/format.js';
import { isoFromLocal } from './journey.js';
import type { Lang } from '../core/i18n/lang.js';

/** A date answer for Check your answers: "Wednesday 1 July 2026, 09:30". */
function dateText(value: string, lang: Lang): string {
  const iso = isoFromLocal(value);
  if (!iso) return value;
  const { time } = dateParts(value);
  return `${formatDate(new Date(iso), lang)}${time ? `, ${formatTime(new Date(iso))}` : ''}`;
}
import type { CivicReportForm } from './report-form.js';

type Form = CivicReportForm;

const heading = (text: string) => html`<h2 class="step-heading" tabindex="-1" part="heading">${text}</h2>`;
const continueButton = (form: Form) => html`<button class="button" part="submit-button" type="submit">${form.text.t('continue')}</button>`;
const valueOf = (event: Event) => (event.target as HTMLInputElement).value;
/** Accents and case ignored: "cafe" finds "Café". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

function parts(form: Form, id: string, label: string, hint?: string): FieldParts {
  return { id, label, hint, error: form.errorFor(id), t: form.text.t.bind(form.text) };
}

/** A text input, textarea-free; `extra` carries type, autocomplete and the like. */
function textInput(form: Form, p: FieldParts, value: string, onInput: (value: string) => void, extra: { type?: string; autocomplete?: string; spellcheck?: boolean; width?: string } = {}) {
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

export function renderService(form: Form): TemplateResult {
  const t = form.text.t.bind(form.text);
  const error = form.errorFor('service-0');
  const query = fold(form.filter.trim());
  const shows = (s: Service) => !query || s.code === form.draft.service || fold(`${s.name} ${s.description}`).includes(query);
  const grouped = form.shownServices.some((s) => s.group);
  const groups = new Map<string, { service: Service; index: number }[]>();
  form.shownServices.forEach((service, index) => {
    const name = service.group || (grouped ? t('otherGroup') : '');
    groups.set(name, [...(groups.get(name) ?? []), { service, index }]);
  });
  const count = form.shownServices.filter(shows).length;
  const radio = ({ service, index }: { service: Service; index: number }) =>
    html`<div class="choice" ?hidden=${!shows(service)}>
      <input
        type="radio"
        id="service-${index}"
        name="service"
        .value=${service.code}
        .checked=${live(form.draft.service === service.code)}
        aria-describedby=${ifDefined(service.description ? `service-${index}-hint` : undefined)}
        @change=${() => form.set({ service: service.code })}
      />
      <label for="service-${index}">${service.name}</label>
      ${service.description ? html`<div class="hint choice-hint" id="service-${index}-hint">${service.description}</div>` : nothing}
    </div>`;
  return html`<div class="group ${error ? 'group-error' : ''}">
      <fieldset aria-describedby=${ifDefined(error ? 'service-error' : undefined)}>
        <legend>${heading(t('serviceHeading'))}</legend>
        ${form.shownServices.length > 8
          ? html`<div class="group filter">
              <label class="label" for="filter">${t('filter')}</label>
              <div class="hint" id="filter-hint">${t('filterHint')}</div>
              <input id="filter" type="search" autocomplete="off" spellcheck="false" aria-describedby="filter-hint" .value=${live(form.filter)} @input=${(event: Event) => (form.filter = valueOf(event))} />
              <p class="hint" role="status">${query ? form.text.plural('filterCount', count) : ''}</p>
            </div>`
          : nothing}
        ${errorOf({ id: 'service', error, t, label: '' })}
        ${[...groups].map(([name, list]) =>
          name
            ? html`<fieldset class="service-group" ?hidden=${!list.some((s) => shows(s.service))}>
                <legend class="group-heading">${name}</legend>
                <div class="choices">${list.map(radio)}</div>
              </fieldset>`
            : html`<div class="choices">${list.map(radio)}</div>`,
        )}
      </fieldset>
    </div>
    ${continueButton(form)}`;
}

export function renderLocation(form: Form): TemplateResult {
  const t = form.text.t.bind(form.text);
  const { lat, long, place } = form.draft;
  const problem = form.locating === 'denied' ? t('locationDenied') : form.locating === 'unavailable' ? t('locationUnavailable') : '';
  const map = lat && long ? mapLink(form.mapUrl, lat, long) : undefined;
  return html`${heading(t('locationHeading'))}
    <slot name="location"></slot>
    <div class="group">
      ${lat && long
        ? html`<div class="inset" id="location-now" tabindex="-1">
              <p>${t('located', { place: place || positionText(lat, long, t) })}</p>
              ${map ? html`<p><a href=${map} target="_blank" rel="noopener noreferrer">${t('viewOnMap')}</a></p>` : nothing}
            </div>
            <button type="button" class="secondary" @click=${() => form.forgetLocation()}>${t('forgetLocation')}</button>`
        : html`<button type="button" class="secondary" id="use-location" @click=${() => form.locating !== 'busy' && form.locate()}>${form.locating === 'busy' ? t('locating') : t('useLocation')}</button>`}
      ${problem ? html`<p class="notice">${problem}</p>` : nothing}
    </div>
    ${group(
      parts(form, 'address', t('address'), t('addressHint')),
      html`<textarea
        id="address"
        rows="2"
        .value=${live(form.draft.address)}
        aria-describedby=${ifDefined(describedBy(parts(form, 'address', '', t('addressHint'))))}
        aria-invalid=${ifDefined(form.errorFor('address') ? 'true' : undefined)}
        @input=${(event: Event) => form.set({ address: valueOf(event) })}
      ></textarea>`,
    )}
    ${continueButton(form)}`;
}

/** Each form's pending character-count announcement (one per form, cleared when it leaves the page). */
const countTimers = new WeakMap<Form, ReturnType<typeof setTimeout>>();
export function clearCountTimer(form: Form): void {
  clearTimeout(countTimers.get(form));
  countTimers.delete(form);
}

function countText(form: Form): string {
  const left = MAX_DESCRIPTION - form.draft.description.length;
  return left >= 0 ? form.text.plural('remaining', left) : form.text.plural('tooMany', -left);
}

export function renderDetails(form: Form): TemplateResult {
  const t = form.text.t.bind(form.text);
  const description = parts(form, 'description', t('description'), t('descriptionHint'));
  const over = form.draft.description.length > MAX_DESCRIPTION;
  const questions = form.questions.get(form.draft.service);
  const limit = form.photoLimit;
  // The field's id is its button's: the error summary links there, and focus returns there.
  const photos = parts(form, 'photos-button', form.text.plural('photos', limit), form.text.plural('photosHint', limit));
  return html`${heading(t('detailsHeading'))}
    ${questions === 'failed' ? html`<p class="notice">${t('questionsFailed')}</p>` : nothing}
    <div class="group ${description.error ? 'group-error' : ''}" part="field">
      <label class="label" for="description">${description.label}</label>
      <div class="hint" id="description-hint">${description.hint}</div>
      ${errorOf(description)}
      <textarea
        id="description"
        rows="5"
        spellcheck="true"
        .value=${live(form.draft.description)}
        aria-describedby="description-hint ${description.error ? 'description-error ' : ''}description-info"
        aria-invalid=${ifDefined(description.error ? 'true' : undefined)}
        @input=${(event: Event) => {
          form.set({ description: valueOf(event) });
          // GOV.UK's character count: announced once typing pauses, not at every key.
          clearCountTimer(form);
          countTimers.set(
            form,
            setTimeout(() => announce(countText(form)), 1000),
          );
        }}
      ></textarea>
      <div class="visually-hidden" id="description-info">${t('countInfo', { count: MAX_DESCRIPTION })}</div>
      <div class="hint count ${over ? 'count-error' : ''}" aria-hidden="true">${countText(form)}</div>
    </div>
    ${form.questionList.map((attribute, index) =>
      attributeField(attribute, index, answerOf(form.draft, attribute.code), form.errorFor(attributeId(index, attribute)), t, (value) =>
        form.set({ attributes: { ...form.draft.attributes, [attribute.code]: value } }),
      ),
    )}
    ${limit
      ? html`<div class="group ${photos.error ? 'group-error' : ''}" part="field">
          <label class="label" id="photos-label" for="photos">${photos.label}</label>
          <div class="hint" id="photos-button-hint">${photos.hint}</div>
          ${errorOf(photos)}
          ${form.photos.length
            ? html`<ul class="photos">
                ${form.photos.map(
                  (photo, i) => html`<li>
                    ${photo.preview.startsWith('data:image/jpeg;base64,') ? html`<img src=${photo.preview} alt=${t('photoAlt', { count: i + 1, name: photo.name })} />` : nothing}
                    <button type="button" class="secondary" id="remove-photo-${i}" @click=${() => form.removePhoto(i)}>
                      ${t('removePhoto')}<span class="visually-hidden"> ${t('removePhotoName', { count: i + 1, name: photo.name })}</span>
                    </button>
                  </li>`,
                )}
              </ul>`
            : nothing}
          <p class="hint" role="status">${form.busy === 'photos' ? t('preparingPhoto') : ''}</p>
          ${form.photos.length < limit
            ? html`<div class="file-picker">
                <input
                  type="file"
                  id="photos"
                  class="file-input"
                  tabindex="-1"
                  aria-hidden="true"
                  accept=${ACCEPT}
                  ?multiple=${limit - form.photos.length > 1}
                  @change=${(event: Event) => void form.addPhotos(event.target as HTMLInputElement)}
                />
                <button
                  type="button"
                  class="secondary"
                  id="photos-button"
                  aria-labelledby="photos-label photos-button"
                  aria-describedby="${describedBy(photos) ?? ''} photos-status"
                  @click=${(event: Event) => (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLInputElement>('#photos')?.click()}
                >
                  ${form.text.plural('choosePhotos', limit - form.photos.length)}
                </button>
                <span id="photos-status">${form.text.plural('photoCount', form.photos.length)}</span>
              </div>`
            : html`<p id="photos-status">${form.text.plural('photoCount', form.photos.length)}</p>`}
        </div>`
      : nothing}
    <div class="hp" aria-hidden="true">
      <label for="hp-field">${t('honeypot')}</label>
      <input id="hp-field" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(form.honeypot)} @input=${(event: Event) => (form.honeypot = valueOf(event))} />
    </div>
    ${continueButton(form)}`;
}

export function renderContact(form: Form): TemplateResult {
  const t = form.text.t.bind(form.text);
  const required = form.contact === 'required';
  const optional = (label: string) => `${label} ${t('optional')}`;
  const privacy = absoluteUrl(form.privacyUrl);
  const d = form.draft;
  return html`${heading(t(required ? 'contactHeading' : 'contactHeadingOptional'))}
    <p class="hint">${t('contactHint')}</p>
    ${textInput(form, parts(form, 'email', required ? t('email') : optional(t('email'))), d.email, (email) => form.set({ email }), { type: 'email', autocomplete: 'email', spellcheck: false })}
    ${textInput(form, parts(form, 'first-name', optional(t('firstName'))), d.firstName, (firstName) => form.set({ firstName }), { autocomplete: 'given-name', spellcheck: false, width: 'width-20' })}
    ${textInput(form, parts(form, 'last-name', optional(t('lastName'))), d.lastName, (lastName) => form.set({ lastName }), { autocomplete: 'family-name', spellcheck: false, width: 'width-20' })}
    ${textInput(form, parts(form, 'phone', optional(t('phone'))), d.phone, (phone) => form.set({ phone }), { type: 'tel', autocomplete: 'tel', spellcheck: false, width: 'width-20' })}
    <p>${t('privacy')} ${privacy ? html`<a href=${privacy}>${t('privacyLink')}</a>` : nothing}</p>
    ${continueButton(form)}`;
}

export function renderCheck(form: Form): TemplateResult {
  const t = form.text.t.bind(form.text);
  const d = form.draft;
  const service = form.shownServices.find((s) => s.code === d.service);
  const row = (label: string, lines: string[], step: Step) => html`<div class="summary-row">
    <dt>${label}</dt>
    <dd>${lines.filter(Boolean).length ? lines.filter(Boolean).map((line) => html`<span class="line">${line}</span>`) : t('notGiven')}</dd>
    <dd class="actions">
      <button type="button" class="link" @click=${() => form.go(step, true)}>${t('change')}<span class="visually-hidden"> ${label}</span></button>
    </dd>
  </div>`;
  return html`${heading(t('checkHeading'))}
    <dl class="summary">
      ${row(t('rowProblem'), [service?.name ?? d.service], Step.Service)}
      ${row(t('rowLocation'), [d.address.trim(), d.lat && d.long ? d.place || positionText(d.lat, d.long, t) : ''], Step.Location)}
      ${row(t('rowDescription'), [d.description.trim()], Step.Details)}
      ${form.questionList
        .filter((a) => a.variable)
        .map((a) => {
          const names = answerOf(d, a.code).map((key) => (a.datatype === 'datetime' ? dateText(key, form.text.lang) : (a.values.find((v) => v.key === key)?.name ?? key)));
          return row(a.description, [names.join(', ')], Step.Details);
        })}
      ${form.photoLimit ? row(t('rowPhotos'), form.photos.map((p) => p.name), Step.Details) : nothing}
      ${form.contact !== 'none' ? row(t('rowContact'), [d.email, `${d.firstName} ${d.lastName}`.trim(), d.phone], Step.Contact) : nothing}
    </dl>
    <button class="button" part="submit-button" type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>
      ${form.busy === 'sending' ? t('sending') : form.errors.length ? t('tryAgain') : t('send')}
    </button>`;
}

export function renderConfirmation(form: Form): TemplateResult {
  const t = form.text.t.bind(form.text);
  const outcome = form.outcome ?? { kind: 'sent', notice: '' };
  const another = html`<p><button type="button" class="secondary" @click=${() => form.restart()}>${t('another')}</button></p>`;
  if (outcome.kind === 'queued') {
    return html`<div class="panel panel-queued" part="confirmation">${heading(t('queuedHeading'))}
        <p>${t('queued')}</p>
      </div>
      <p>${t('queuedLater')}</p>
      ${another}`;
  }
  const track = outcome.id && form.trackUrl ? absoluteUrl(form.trackUrl.replace('{id}', encodeURIComponent(outcome.id))) : undefined;
  return html`<div class="panel" part="confirmation">
      ${heading(t('sentHeading'))}
      ${outcome.id ? html`<p class="reference-line">${t('reference')}<br /><strong class="reference">${outcome.id}</strong></p>` : nothing}
    </div>
    ${outcome.id ? nothing : html`<p>${t('received')}</p>`} ${outcome.notice ? html`<p>${outcome.notice}</p>` : nothing}
    ${track ? html`<p><a href=${track}>${t('track')}</a></p>` : nothing} ${another}`;
}

/** Reports kept on this device that the council refused, with its reasons: change and resend, or delete. */
export function renderRefused(form: Form): TemplateResult | typeof nothing {
  const t = form.text.t.bind(form.text);
  return form.refusedReports.length
    ? html`${form.refusedReports.map(
        (entry) => html`<div class="refused" part="refused" role="region" aria-labelledby="refused-${entry.id}">
          <h2 id="refused-${entry.id}">${t('refusedHeading')}</h2>
          <p>${t('queuedRefused')}</p>
          ${entry.refused?.length ? html`<ul class="bullets">${entry.refused.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
          <p class="actions">
            <button type="button" class="button" @click=${() => void form.reopen(entry)}>${t('changeAndResend')}</button>
            <button type="button" class="secondary warning" @click=${() => void form.deleteRefused(entry)}>${t('deleteSaved')}</button>
          </p>
        </div>`,
      )}`
    : nothing;
}
