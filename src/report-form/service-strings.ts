/**
 * A council's own words for its Open311 services in another language, until its server (or the
 * relay) serves them: the `service-strings` attribute, keyed by language, service code and attribute
 * code. Anything missing stays as the server wrote it. Codes come from a server, so every lookup is
 * of own properties only: `constructor` or `__proto__` is a code like any other, never a prototype.
 *
 * ```json
 * { "cy": { "FLY": { "name": "Tipio anghyfreithlon", "description": "…", "group": "Glanhau strydoedd",
 *   "attributes": { "TYPE": { "description": "Beth sydd wedi’i ddympio?", "hint": "…", "values": { "bags": "Bagiau duon" } } } } } }
 * ```
 */
import { isRecord } from '../core/formats/items.js';
import { lineText, plainText } from '../core/text.js';
import type { Attribute, Service } from './open311/open311.js';

type Record_ = Record<string, unknown>;
const own = (o: unknown, key: string): unknown => (isRecord(o) && Object.hasOwn(o, key) ? o[key] : undefined);

/** The words for `lang`, parsed once per attribute value; undefined when there are none (or the JSON is broken). */
export function parseServiceStrings(json: string | undefined, lang: string): Record_ | undefined {
  if (!json) return undefined;
  try {
    const block = own(JSON.parse(json), lang);
    return isRecord(block) ? block : undefined;
  } catch {
    return undefined;
  }
}

export function localService(service: Service, strings: Record_ | undefined): Service {
  const words = own(strings, service.code);
  if (!isRecord(words)) return service;
  return {
    ...service,
    name: lineText(own(words, 'name')) || service.name,
    description: plainText(own(words, 'description'), 1000) || service.description,
    group: lineText(own(words, 'group')) || service.group,
  };
}

export function localAttribute(serviceCode: string, attribute: Attribute, strings: Record_ | undefined): Attribute {
  const words = own(own(own(strings, serviceCode), 'attributes'), attribute.code);
  if (!isRecord(words)) return attribute;
  const values = own(words, 'values');
  return {
    ...attribute,
    description: plainText(own(words, 'description'), 1000) || attribute.description,
    hint: plainText(own(words, 'hint'), 1000) || attribute.hint,
    values: attribute.values.map((v) => ({ ...v, name: lineText(own(values, v.key)) || v.name })),
  };
}
