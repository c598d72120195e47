/**
 * GOV.UK form patterns as Lit templates: a question with its label, hint and inline error in one tree
 * (a `<label for>` cannot reach across a shadow root), and the Open311 attribute of each datatype.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Attribute } from './open311/open311.js';
import type { Translate } from './journey.js';

export interface FieldParts {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  t: Translate;
}

/** `aria-describedby` for a control: its hint, then its error (read in that order). */
export const describedBy = ({ id, hint, error }: FieldParts): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export const hintOf = ({ id, hint }: FieldParts): TemplateResult | typeof nothing => (hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing);

/** The inline error, with GOV.UK's visually hidden "Error:" so it is not read as part of the answer. */
export const errorOf = ({ id, error, t }: FieldParts): TemplateResult | typeof nothing =>
  error ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${error}</p>` : nothing;

/** A labelled control with its hint and error; `control` gets the id and aria attributes itself. */
export const group = (parts: FieldParts, control: TemplateResult): TemplateResult => html`
  <div class="group ${parts.error ? 'group-error' : ''}" part="field">
    <label class="label" for=${parts.id}>${parts.label}</label>
    ${hintOf(parts)} ${errorOf(parts)} ${control}
  </div>
`;

/** A fieldset of radios or checkboxes, the question as its legend. */
export const choices = (parts: FieldParts, type: 'radio' | 'checkbox', name: string, options: { key: string; name: string; hint?: string }[], checked: (key: string) => boolean, onChange: (key: string, on: boolean) => void, legendContent?: TemplateResult): TemplateResult => html`
  <div class="group ${parts.error ? 'group-error' : ''}" part="field">
    <fieldset aria-describedby=${ifDefined(describedBy(parts))}>
      <legend class="label">${legendContent ?? parts.label}</legend>
      ${hintOf(parts)} ${errorOf(parts)}
      <div class="choices">
        ${options.map(
          (option, index) => html`<div class="choice">
            <input
              type=${type}
              id="${parts.id}-${index}"
              name=${name}
              .value=${option.key}
              .checked=${live(checked(option.key))}
              aria-describedby=${ifDefined(option.hint ? `${parts.id}-${index}-hint` : undefined)}
              @change=${(event: Event) => onChange(option.key, (event.target as HTMLInputElement).checked)}
            />
            <label for="${parts.id}-${index}">${option.name}</label>
            ${option.hint ? html`<div class="hint choice-hint" id="${parts.id}-${index}-hint">${option.hint}</div>` : nothing}
          </div>`,
        )}
      </div>
    </fieldset>
  </div>
`;

/** One of the service's questions, by datatype; `variable: false` is guidance, not a field. */
export function attributeField(attribute: Attribute, index: number, value: string[], error: string | undefined, t: Translate, onChange: (value: string | string[]) => void): TemplateResult {
  if (!attribute.variable) return html`<div class="inset" part="guidance">${attribute.description}</div>`;
  const optional = attribute.required ? '' : ` ${t('optional')}`;
  const base = `attr-${index}`;
  const parts: FieldParts = { id: base, label: attribute.description + optional, hint: attribute.hint, error, t };
  const first = value[0] ?? '';
  const aria = { describedby: describedBy(parts), invalid: error ? 'true' : undefined };
  const input = (event: Event) => onChange((event.target as HTMLInputElement).value);
  switch (attribute.datatype) {
    case 'text':
      return group(parts, html`<textarea id=${base} rows="4" .value=${live(first)} aria-describedby=${ifDefined(aria.describedby)} aria-invalid=${ifDefined(aria.invalid)} @input=${input}></textarea>`);
    case 'multivaluelist':
      return choices(parts, 'checkbox', base, attribute.values, (key) => value.includes(key), (key, on) => onChange(on ? [...value, key] : value.filter((v) => v !== key)));
    case 'singlevaluelist':
      // GOV.UK: radios for a short list, a select only when there are too many to scan.
      if (attribute.values.length <= 6) return choices(parts, 'radio', base, attribute.values, (key) => first === key, (key) => onChange(key));
      return group(
        parts,
        html`<select id=${base} aria-describedby=${ifDefined(aria.describedby)} aria-invalid=${ifDefined(aria.invalid)} @change=${input}>
          <option value="" ?selected=${!first}>${t('chooseOne')}</option>
          ${attribute.values.map((v) => html`<option .value=${v.key} ?selected=${first === v.key}>${v.name}</option>`)}
        </select>`,
      );
    case 'datetime':
      return dateInput(parts, first, attribute.hint ? undefined : t('dateHint'), onChange);
    default:
      return group(
        parts,
        html`<input
          id=${base}
          type="text"
          inputmode=${ifDefined(attribute.datatype === 'number' ? 'decimal' : undefined)}
          class=${attribute.datatype === 'number' ? 'width-10' : ''}
          spellcheck=${attribute.datatype === 'string' ? 'true' : 'false'}
          .value=${live(first)}
          aria-describedby=${ifDefined(aria.describedby)}
          aria-invalid=${ifDefined(aria.invalid)}
          @input=${input}
        />`,
      );
  }
}

/** The parts of a date answer as typed: `2026-7-1T9:30` (kept as typed, so nothing is lost mid-entry). */
export function dateParts(value: string): { year: string; month: string; day: string; time: string } {
  const [, year = '', month = '', day = '', time = ''] = /^([^-T]*)-([^-T]*)-([^-T]*)(?:T(.*))?$/.exec(value) ?? [];
  return { year, month, day, time };
}

/**
 * GOV.UK's date input instead of a native date-time field (which differs in every browser and reads
 * badly): Day, Month and Year fields, each labelled, in a fieldset with the question as its legend,
 * and a Time field. The answer is kept as typed; journey.ts checks it and sends ISO 8601.
 */
function dateInput(parts: FieldParts, value: string, hint: string | undefined, onChange: (value: string) => void): TemplateResult {
  const p = { ...parts, hint: parts.hint || hint };
  const current = dateParts(value);
  const field = (key: keyof typeof current, id: string, label: string, width: string, inputmode: string) => html`<div class="item ${key}">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      class=${width}
      type="text"
      inputmode=${inputmode}
      spellcheck="false"
      .value=${live(current[key])}
      aria-invalid=${ifDefined(p.error ? 'true' : undefined)}
      @input=${(event: Event) => {
        const next = { ...dateParts(value), [key]: (event.target as HTMLInputElement).value.trim() };
        value = Object.values(next).some(Boolean) ? `${next.year}-${next.month}-${next.day}${next.time ? `T${next.time}` : ''}` : '';
        onChange(value);
      }}
    />
  </div>`;
  return html`<div class="group ${p.error ? 'group-error' : ''}" part="field">
    <fieldset role="group" aria-describedby=${ifDefined(describedBy(p))}>
      <legend class="label">${p.label}</legend>
      ${hintOf(p)} ${errorOf(p)}
      <div class="date-input">
        ${field('day', p.id, p.t('dateDay'), 'day', 'numeric')} ${field('month', `${p.id}-month`, p.t('dateMonth'), 'month', 'numeric')}
        ${field('year', `${p.id}-year`, p.t('dateYear'), 'year', 'numeric')} ${field('time', `${p.id}-time`, p.t('dateTime'), 'time', 'text')}
      </div>
    </fieldset>
  </div>`;
}

