/**
 * Open311 GeoReport v2 in both of its formats: what the relay reads from an upstream (JSON or XML)
 * and what it answers in (the format the browser asked for, by the path's extension).
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export type Format = 'json' | 'xml';
export type Open311Error = { code: string; description: string };
export type Record311 = Record<string, unknown>;

/** The element name of each list's items in XML. */
const ITEM: Record<string, string> = { services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value' };

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false, // codes such as "007" stay text
  processEntities: true,
  htmlEntities: false,
  isArray: (name, path) => Object.values(ITEM).includes(name) && String(path).split('.').length > 1,
});
const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

/** Turns `{ services: { service: [...] } }` into `[...]`, recursively, so XML reads like JSON. */
function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrap);
  if (!value || typeof value !== 'object') return value;
  const out: Record311 = Object.create(null) as Record311;
  for (const [key, inner] of Object.entries(value)) {
    const item = Object.hasOwn(ITEM, key) ? ITEM[key] : undefined;
    if (item && inner && typeof inner === 'object' && !Array.isArray(inner)) out[key] = unwrap((inner as Record311)[item] ?? []);
    else if (item && inner === '') out[key] = [];
    else out[key] = unwrap(inner);
  }
  return out;
}

/** What an upstream answered, as JSON values; undefined when it is not JSON or XML at all. */
export function readBody(text: string, format: Format): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    if (format === 'json' || /^[[{]/.test(trimmed)) return JSON.parse(trimmed) as unknown;
    if (!trimmed.startsWith('<') || /^<!doctype html|^<html/i.test(trimmed)) return undefined;
    const doc = unwrap(parser.parse(trimmed)) as Record311;
    const root = Object.keys(doc).find((k) => k !== '?xml');
    if (!root) return undefined;
    const inner = doc[root];
    // A list root (services, service_requests, errors) reads as the array; anything else as the object.
    return Object.hasOwn(ITEM, root) ? (Array.isArray(inner) ? inner : []) : inner;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record311 => !!value && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** The upstream's error descriptions, if the body is Open311's error list. */
export function readErrors(body: unknown): Open311Error[] | undefined {
  if (!Array.isArray(body)) return undefined;
  const errors = body.filter(isRecord).map((e) => ({ code: text(e.code) ?? '', description: text(e.description) ?? '' }));
  return errors.length && errors.every((e) => e.description || e.code) ? errors : undefined;
}

/** A POST answer or token lookup: the first request's id, token and notice. */
export function readRequestAnswer(body: unknown): { serviceRequestId?: string; token?: string; notice?: string } | undefined {
  const first: unknown = Array.isArray(body) ? body[0] : undefined;
  if (!isRecord(first)) return undefined;
  const serviceRequestId = text(first.service_request_id)?.trim();
  const token = text(first.token)?.trim();
  if (!serviceRequestId && !token) return undefined;
  const notice = text(first.service_notice)?.trim();
  return { ...(serviceRequestId && { serviceRequestId }), ...(token && { token }), ...(notice && { notice }) };
}

/** Open311's service list, each entry a record with a text `service_code`. */
export function readServices(body: unknown): Record311[] | undefined {
  if (!Array.isArray(body)) return undefined;
  const services = body.filter((s): s is Record311 => isRecord(s) && !!text(s.service_code));
  return services.length || body.length === 0 ? services : undefined;
}

export interface AttributeRule {
  code: string;
  variable: boolean;
  required: boolean;
  datatype: string;
  values: string[];
}

const flag = (value: unknown) => value === true || value === 'true';

/** A service definition's questions, as rules to check answers against. */
export function readDefinition(body: unknown): { attributes: AttributeRule[]; raw: Record311 } | undefined {
  if (!isRecord(body) || !Array.isArray(body.attributes)) return undefined;
  const attributes = body.attributes.filter(isRecord).flatMap((a): AttributeRule[] => {
    const code = text(a.code);
    if (!code) return [];
    const values = Array.isArray(a.values) ? a.values.filter(isRecord).map((v) => text(v.key) ?? '').filter(Boolean) : [];
    return [{ code, variable: flag(a.variable) || a.variable === undefined, required: flag(a.required), datatype: text(a.datatype) ?? 'string', values }];
  });
  return { attributes, raw: body };
}

/** Serialises an answer in the asked-for format. Lists are wrapped as Open311's XML expects. */
export function serialise(format: Format, root: 'services' | 'service_requests' | 'errors' | 'service_definition', value: unknown): string {
  if (format === 'json') return JSON.stringify(value);
  const wrap = (key: string, inner: unknown): unknown => {
    if (Array.isArray(inner)) return { [ITEM[key] ?? 'item']: inner.map((v) => wrapObject(v)) };
    return wrapObject(inner);
  };
  const wrapObject = (inner: unknown): unknown => {
    if (!isRecord(inner)) return inner;
    const out: Record311 = {};
    for (const [k, v] of Object.entries(inner)) out[k] = Array.isArray(v) ? wrap(k, v) : wrapObject(v);
    return out;
  };
  return `<?xml version="1.0" encoding="utf-8"?>${String(builder.build({ [root]: wrap(root, value) }))}`;
}

export const contentType = (format: Format) => (format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8');
