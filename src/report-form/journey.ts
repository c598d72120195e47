/**
 * The journey's rules, apart from its rendering: which steps there are, what each step needs before
 * Continue (GOV.UK's messages), and the Open311 POST fields the answers become.
 */
import type { ReactiveControllerHost } from 'lit';
import { fromLondon } from '../core/i18n/format.js';
import { clearDraft, loadDraft, saveDraft } from './draft.js';
import type { Params } from '../core/i18n/text-controller.js';
import type { Draft } from './draft.js';
import type { ReportFormMessages } from './messages.js';
import type { Attribute, Service } from './open311/open311.js';

export type Contact = 'required' | 'optional' | 'none';
export type Key = keyof ReportFormMessages;
export type Translate = (key: Key, params?: Params) => string;
export interface FieldError {
  /** The id of the control the error summary links to. */
  field: string;
  text: string;
}

export const MAX_DESCRIPTION = 4000;
/** A journey finished in less time than this is a bot's (a time-trap instead of a CAPTCHA). */
const TIME_TRAP = 3000;
// One @, something either side, a dot in the domain: GOV.UK's advice is not to be stricter than this.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{7,20}$/;

export const Step = { Service: 1, Location: 2, Details: 3, Contact: 4, Check: 5, Done: 6 } as const;
export type Step = (typeof Step)[keyof typeof Step];

/** The steps this form has, in order (no contact step with `contact="none"`). */
export const stepsFor = (contact: Contact): Step[] =>
  contact === 'none' ? [Step.Service, Step.Location, Step.Details, Step.Check] : [Step.Service, Step.Location, Step.Details, Step.Contact, Step.Check];

/** Empty answers for a journey starting now. */
export const emptyDraft = (): Draft => ({
  step: Step.Service,
  service: '',
  lat: '',
  long: '',
  place: '',
  address: '',
  description: '',
  attributes: {},
  email: '',
  firstName: '',
  lastName: '',
  phone: '',
  startedAt: Date.now(),
});

const str = (value: unknown, max = 4100): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** A stored draft made safe to use: only known keys, only strings of bounded length. */
export function reviveDraft(stored: Partial<Draft> | undefined): Draft {
  const draft = emptyDraft();
  if (!stored) return draft;
  // Keyed by the server's codes: a null-prototype record, so `__proto__` is a code, never a prototype.
  const attributes = Object.create(null) as Draft['attributes'];
  const saved: unknown = stored.attributes;
  if (saved && typeof saved === 'object') {
    for (const [code, value] of Object.entries(saved as Record<string, unknown>).slice(0, 100)) {
      attributes[code] = Array.isArray(value) ? value.map((v) => str(v, 200)) : str(value, 4100);
    }
  }
  const step = Number(stored.step);
  return {
    ...draft,
    step: step >= Step.Service && step <= Step.Check ? (step as Step) : Step.Service,
    service: str(stored.service, 200),
    lat: str(stored.lat, 20),
    long: str(stored.long, 20),
    place: str(stored.place, 200),
    address: str(stored.address, 500),
    description: str(stored.description),
    attributes,
    email: str(stored.email, 320),
    firstName: str(stored.firstName, 100),
    lastName: str(stored.lastName, 100),
    phone: str(stored.phone, 30),
    startedAt: Number(stored.startedAt) || draft.startedAt,
    queued: str(stored.queued, 100) || undefined,
  };
}

/** The answer to `code` (own answers only: a question coded `constructor` has no answer until given one). */
export const answerOf = (draft: Draft, code: string): string[] =>
  ([] as unknown[]).concat(Object.hasOwn(draft.attributes, code) ? draft.attributes[code] : []).filter((v): v is string => typeof v === 'string' && !!v.trim());

/** The id of an attribute's control (codes are the server's, so they are not used as ids). */
export const attributeId = (index: number, attribute: Attribute): string =>
  attribute.datatype === 'singlevaluelist' && attribute.values.length <= 6 ? `attr-${index}-0` : attribute.datatype === 'multivaluelist' ? `attr-${index}-0` : `attr-${index}`;

/** What stops the resident continuing from `step`, in page order. */
export function problems(step: number, draft: Draft, attributes: Attribute[], contact: Contact, t: Translate): FieldError[] {
  const out: FieldError[] = [];
  if (step === Step.Service && !draft.service) out.push({ field: 'service-0', text: t('errorService') });
  if (step === Step.Location && !(draft.lat && draft.long) && !draft.address.trim()) out.push({ field: 'address', text: t('errorLocation') });
  if (step === Step.Details) {
    const description = draft.description.trim();
    if (!description) out.push({ field: 'description', text: t('errorDescription') });
    else if (description.length > MAX_DESCRIPTION) out.push({ field: 'description', text: t('errorDescriptionLong') });
    attributes.forEach((attribute, index) => {
      if (!attribute.variable) return;
      const answer = answerOf(draft, attribute.code);
      const question = attribute.description;
      if (attribute.required && !answer.length) out.push({ field: attributeId(index, attribute), text: t('errorAnswer', { question }) });
      else if (attribute.datatype === 'number' && answer.length && !Number.isFinite(Number(answer[0]))) {
        out.push({ field: attributeId(index, attribute), text: t('errorNumber', { question }) });
      } else if (attribute.datatype === 'datetime' && answer.length && !isoFromLocal(answer[0]!)) {
        out.push({ field: attributeId(index, attribute), text: t('errorDate', { question }) });
      }
    });
  }
  if (step === Step.Contact && contact !== 'none') {
    const email = draft.email.trim();
    if (!email && contact === 'required') out.push({ field: 'email', text: t('errorEmail') });
    else if (email && !EMAIL.test(email)) out.push({ field: 'email', text: t('errorEmailFormat') });
    const phone = draft.phone.trim();
    if (phone && !(PHONE.test(phone) && phone.replace(/\D/g, '').length >= 7)) out.push({ field: 'phone', text: t('errorPhone') });
  }
  return out;
}

/**
 * A date answer as typed (`2026-7-1T9:30`: year, month, day, then an optional time, London wall-clock)
 * as ISO 8601 UTC, or '' when it is not a real date and time.
 */
export function isoFromLocal(value: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T(\d{1,2})[:.](\d{2}))?$/.exec(value.trim());
  if (!match) return '';
  const [year, month, day, hour, minute] = [+match[1]!, +match[2]!, +match[3]!, +(match[4] ?? 0), +(match[5] ?? 0)];
  // new Date(year, month - 1, day) rolls 31 February over into March: a real date survives the round trip.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return '';
  return new Date(fromLondon(year, month, day, hour, minute)).toISOString();
}

/**
 * A bot's report: the hidden field filled in, or the journey done in under 3 s. A clock set back
 * mid-journey (negative time) is a person's, not a bot's: never lose their report.
 */
export function isBot(draft: Draft, honeypot: string, now = Date.now()): boolean {
  const elapsed = now - draft.startedAt;
  return !!honeypot || (elapsed >= 0 && elapsed < TIME_TRAP);
}

/** The POST fields of `requests` (everything but `media_url`, added as photos are uploaded). */
export function requestFields(draft: Draft, attributes: Attribute[], contact: Contact, apiKey?: string): [string, string][] {
  const fields: [string, string][] = [['service_code', draft.service]];
  if (draft.lat && draft.long) fields.push(['lat', draft.lat], ['long', draft.long]);
  if (draft.address.trim()) fields.push(['address_string', draft.address.trim()]);
  fields.push(['description', draft.description.trim().slice(0, MAX_DESCRIPTION)]);
  if (contact !== 'none') {
    for (const [name, value] of [
      ['email', draft.email],
      ['first_name', draft.firstName],
      ['last_name', draft.lastName],
      ['phone', draft.phone],
    ] as const) {
      if (value.trim()) fields.push([name, value.trim()]);
    }
  }
  for (const attribute of attributes) {
    if (!attribute.variable) continue;
    const answer = answerOf(draft, attribute.code);
    if (attribute.datatype === 'multivaluelist') answer.forEach((value) => fields.push([`attribute[${attribute.code}][]`, value]));
    else if (answer[0]) fields.push([`attribute[${attribute.code}]`, attribute.datatype === 'datetime' ? isoFromLocal(answer[0]) || answer[0] : answer[0].trim()]);
  }
  if (apiKey) fields.push(['api_key', apiKey]);
  return fields;
}

/**
 * The answers of one form, kept in sessionStorage (per endpoint) as the resident types, so that a
 * reload or a crash loses nothing.
 */
export class Answers {
  draft: Draft = emptyDraft();
  /** The endpoint whose saved journey has been brought back. */
  #restoredFor: string | undefined;

  constructor(
    readonly host: ReactiveControllerHost,
    readonly endpoint: () => string | undefined,
  ) {}

  set(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    const endpoint = this.endpoint();
    if (endpoint) saveDraft(endpoint, this.draft);
    this.host.requestUpdate();
  }

  /** Brings back the journey saved for the endpoint (once per endpoint); a service no longer offered starts again. */
  restore(offered: Service[]): Draft {
    const endpoint = this.endpoint();
    if (!endpoint || this.#restoredFor === endpoint) return this.draft;
    this.#restoredFor = endpoint;
    const draft = reviveDraft(loadDraft(endpoint));
    if (!offered.some((s) => s.code === draft.service)) Object.assign(draft, { service: '', step: Step.Service });
    this.replace(draft);
    return draft;
  }

  /** New answers, not saved yet (a reopened report, or a fresh start). */
  replace(draft: Draft): void {
    this.draft = draft;
    this.host.requestUpdate();
  }

  /** The journey is over (sent, or started again): nothing stays on the device. */
  clear(step: Step = Step.Service): void {
    const endpoint = this.endpoint();
    if (endpoint) clearDraft(endpoint);
    this.replace({ ...emptyDraft(), step });
  }
}
