/**
 * A report checked before it is kept or forwarded, with Open311 error lists the widget already
 * shows. Only the spec's fields pass (the keys are the relay's to add); each single field once.
 */
import type { Open311Error, Record311 } from './open311.js';
import type { Definition } from './services.js';

export const MAX_DESCRIPTION = 4000;
const SINGLE: Record<string, number> = {
  service_code: 64,
  lat: 32,
  long: 32,
  address_string: 500,
  address_id: 100,
  email: 254,
  device_id: 100,
  account_id: 100,
  first_name: 100,
  last_name: 100,
  phone: 40,
  description: MAX_DESCRIPTION,
};
const MAX_ATTRIBUTE = 2000;
const MAX_MEDIA = 5;
/** The relay adds these itself; anything the browser sends under them is dropped. */
const OURS = new Set(['api_key', 'jurisdiction_id']);
const ATTRIBUTE = /^attribute\[([^\][]{1,100})\](\[\])?$/;
// The WHATWG form's email rule: what a browser's type=email accepts.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const error = (code: string, description: string): Open311Error => ({ code, description });

/** The form's fields, in order: only known names, ours dropped, single fields at most once. */
export function readFields(pairs: [string, string][]): { fields: [string, string][]; errors: Open311Error[] } {
  const errors: Open311Error[] = [];
  const seen = new Set<string>();
  const fields: [string, string][] = [];
  for (const [name, raw] of pairs) {
    if (OURS.has(name)) continue;
    const value = raw.normalize('NFC');
    const attribute = ATTRIBUTE.exec(name);
    if (Object.hasOwn(SINGLE, name) || (attribute && !attribute[2])) {
      if (seen.has(name)) {
        errors.push(error(name, `${name} was sent more than once`));
        continue;
      }
      seen.add(name);
    }
    if (Object.hasOwn(SINGLE, name)) {
      if (value.length > (SINGLE[name] ?? 0)) errors.push(error(name, name === 'description' ? `The description must be ${MAX_DESCRIPTION} characters or fewer` : `${name} is too long`));
      else fields.push([name, value]);
    } else if (attribute) {
      if (value.length > MAX_ATTRIBUTE) errors.push(error(name, `${name} is too long`));
      else fields.push([name, value]);
    } else if (name === 'media_url') {
      fields.push([name, value]);
    }
    // Anything else is not Open311's and is dropped.
  }
  return { fields, errors };
}

const values = (fields: [string, string][], name: string) => fields.filter(([n]) => n === name).map(([, v]) => v);
const one = (fields: [string, string][], name: string) => values(fields, name)[0];

/** Checks a report's fields against the service and its definition; returns the errors. */
export function checkReport(fields: [string, string][], service: Record311, definition: Definition | undefined, mediaPrefix: string | undefined): Open311Error[] {
  const errors: Open311Error[] = [];
  const lat = one(fields, 'lat');
  const long = one(fields, 'long');
  const number = (v: string | undefined, limit: number) => v !== undefined && /^-?\d{1,3}(\.\d+)?$/.test(v.trim()) && Math.abs(Number(v)) <= limit;
  if (lat !== undefined || long !== undefined) {
    if (!number(lat, 90) || !number(long, 180)) errors.push(error('lat', 'The location is not a valid latitude and longitude'));
  } else if (!one(fields, 'address_string')?.trim() && !one(fields, 'address_id')?.trim()) {
    errors.push(error('address_string', 'Say where the problem is: a location or an address'));
  }
  const email = one(fields, 'email');
  if (email && !EMAIL.test(email.trim())) errors.push(error('email', 'Enter an email address in the correct format, like name@example.com'));
  const media = values(fields, 'media_url');
  if (media.length > MAX_MEDIA) errors.push(error('media_url', `At most ${MAX_MEDIA} photos`));
  // Photos are the relay's own: a report cannot carry someone else's link to council staff.
  if (media.some((url) => !mediaPrefix || !url.startsWith(mediaPrefix) || !/^[A-Za-z0-9_-]{20,64}\.jpg$/.test(url.slice(mediaPrefix.length))))
    errors.push(error('media_url', 'Photos must be uploaded through this service'));
  if (service.metadata === true || service.metadata === 'true') {
    if (!definition) return [...errors, error('service_code', 'The questions for this service cannot be checked just now')];
    for (const rule of definition.attributes) {
      if (!rule.variable) continue;
      const answers = [...values(fields, `attribute[${rule.code}]`), ...values(fields, `attribute[${rule.code}][]`)].filter((v) => v.trim());
      const name = `attribute[${rule.code}]`;
      if (rule.required && !answers.length) errors.push(error(name, `${rule.code} is required`));
      if (rule.datatype === 'singlevaluelist' && answers.length > 1) errors.push(error(name, `${rule.code} takes one answer`));
      if ((rule.datatype === 'singlevaluelist' || rule.datatype === 'multivaluelist') && answers.some((a) => !rule.values.includes(a)))
        errors.push(error(name, `${rule.code} has an answer that is not one of its choices`));
      if (rule.datatype === 'number' && answers.some((a) => !Number.isFinite(Number(a)))) errors.push(error(name, `${rule.code} must be a number`));
      if (rule.datatype === 'datetime' && answers.some((a) => Number.isNaN(Date.parse(a)))) errors.push(error(name, `${rule.code} must be a date and time`));
    }
    // Answers to questions the service does not ask are dropped by the caller.
  }
  return errors;
}

/** Drops attribute answers the service's definition does not ask for. */
export function knownAttributes(fields: [string, string][], definition: Definition | undefined): [string, string][] {
  const codes = new Set(definition?.attributes.filter((a) => a.variable).map((a) => a.code));
  return fields.filter(([name]) => {
    const attribute = ATTRIBUTE.exec(name);
    return !attribute || codes.has(attribute[1] ?? '');
  });
}
