/**
 * Open311 GeoReport v2, read faithfully and forgivingly: JSON or XML (the spec's required format),
 * codes and ids as strings even when a server sends numbers, and a single object accepted where a
 * list was expected (what XML-to-JSON converters produce for one-item lists).
 * https://wiki.open311.org/GeoReport_v2/
 */
import type { FeedInput } from '../../core/feed/input.js';
import { idOf, isRecord } from '../../core/formats/items.js';
import { lineText, plainText } from '../../core/text.js';

export interface Service {
  code: string;
  name: string;
  description: string;
  group: string;
  /** The service has questions: fetch its definition. */
  metadata: boolean;
}

export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Attribute {
  code: string;
  /** false: guidance to show, not a question. */
  variable: boolean;
  datatype: Datatype;
  required: boolean;
  /** The question. */
  description: string;
  /** Hint text (datatype_description). */
  hint: string;
  order: number;
  values: { key: string; name: string }[];
}

export interface RequestResult {
  /** The council's reference, once known. */
  id?: string | undefined;
  /** A token to look the reference up later (for servers that queue requests). */
  token?: string | undefined;
  notice: string;
}

type Data = Record<string, unknown>;

/** An element as a record: leaf children become trimmed text, repeated children become lists. */
export function xmlRecord(el: Element): Data {
  const out: Data = Object.create(null) as Data;
  for (const child of el.children) {
    const value = child.children.length ? xmlRecord(child) : (child.textContent ?? '').trim();
    const key = child.localName;
    out[key] = key in out ? ([] as unknown[]).concat(out[key], value) : value;
  }
  return out;
}

/** A list, whatever the server sent: a list, one object, or nothing. */
const list = (value: unknown): Data[] => ([] as unknown[]).concat(value ?? []).filter(isRecord);
const bool = (value: unknown) => value === true || value === 'true';
/**
 * `automated` names who fills the attribute in ("hidden_field", "server_set", true): such a question
 * is not the resident's. Read as text, so XML's `<automated>false</automated>` keeps the question.
 */
const automated = (value: unknown) =>
  value === true || (typeof value === 'number' && value !== 0) || (typeof value === 'string' && !/^(false|0|)$/i.test(value.trim()));

/** The body's records: the XML root's `name` children, or the JSON list itself. */
function records(input: FeedInput, name: string): Data[] {
  return input.kind === 'xml' ? list(xmlRecord(input.xml().documentElement)[name]) : list(input.json());
}

/** `GET services.json|xml`: the services offered, in the server's order. */
export function readServices(input: FeedInput): Service[] {
  return records(input, 'service').flatMap((s) => {
    const code = idOf(s['service_code']);
    if (!code) return [];
    return [
      {
        code,
        name: lineText(s['service_name']) || code,
        description: plainText(s['description'], 1000),
        group: lineText(s['group']),
        metadata: bool(s['metadata']),
      },
    ];
  });
}

const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

/**
 * `GET services/{code}.json|xml`: the service's questions, in `order`. Attributes the server fills
 * in itself (`automated`) are left out.
 */
export function readDefinition(input: FeedInput): Attribute[] {
  const root: Data = input.kind === 'xml' ? xmlRecord(input.xml().documentElement) : isRecord(input.json()) ? (input.json() as Data) : {};
  // Early servers put <attribute> straight under <service_definition>.
  const wrapper = root['attributes'];
  const attributes = list(isRecord(wrapper) && 'attribute' in wrapper ? wrapper['attribute'] : (wrapper ?? root['attribute']));
  return attributes
    .flatMap((a): Attribute[] => {
      const code = idOf(a['code']);
      const datatype = typeof a['datatype'] === 'string' ? a['datatype'].toLowerCase() : 'string';
      if (!code || automated(a['automated']) || !DATATYPES.includes(datatype)) return [];
      // XML wraps each in <value>; JSON may send one object instead of a list.
      const values = isRecord(a['values']) && 'value' in a['values'] ? a['values']['value'] : a['values'];
      return [
        {
          code,
          variable: a['variable'] === undefined || bool(a['variable']),
          datatype: datatype as Datatype,
          required: bool(a['required']),
          description: plainText(a['description'], 1000) || code,
          hint: plainText(a['datatype_description'], 500),
          order: Number(a['order']) || 0,
          values: list(values).flatMap((v) => {
            const key = idOf(v['key']);
            return key ? [{ key, name: lineText(v['name']) || key }] : [];
          }),
        },
      ];
    })
    .sort((a, b) => a.order - b.order);
}

/** `POST requests.json|xml` and `GET tokens/{token}`: the first request in the answer. */
export function readRequest(input: FeedInput): RequestResult {
  const first = records(input, 'request')[0] ?? {};
  return {
    id: idOf(first['service_request_id']),
    token: idOf(first['token']),
    notice: plainText(first['service_notice'], 2000),
  };
}

/** An error answer's descriptions, as plain text: `[{code, description}]`, `<errors>`, or a bare `<error>`. */
export function readErrors(input: FeedInput): string[] {
  if (input.kind === 'xml') {
    const root = input.xml().documentElement;
    if (root.localName === 'error' && !root.children.length) return [plainText(root.textContent, 500)].filter(Boolean);
  }
  return records(input, 'error')
    .map((e) => plainText(e['description'], 500))
    .filter(Boolean);
}
