import { idOf, isRecord, translated } from '../../core/formats/items.js';
import { hash } from '../../core/hash.js';
import { londonDay, parseTime } from '../../core/i18n/format.js';
import { safeUrl } from '../../core/safe-url.js';
import { lineText, plainText } from '../../core/text.js';
import { toStatus, type Closure } from '../types.js';

/** A `YYYY-MM-DD` day from an ISO date or date-time (London), or undefined. */
function day(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  const t = parseTime(value);
  return t === undefined ? undefined : londonDay(new Date(t));
}

/**
 * One closure from a JSON object or a CSV row (same field names). `school` and a known `status`
 * are required; anything else that is malformed is left out of that closure.
 */
export function toClosure(raw: unknown, base: string): Closure | undefined {
  if (!isRecord(raw)) return undefined;
  const school = lineText(raw['school']);
  const status = toStatus(raw['status']);
  if (!school || !status) return undefined;
  const urn = idOf(raw['urn']);
  const date = day(raw['date']);
  const affected = Array.isArray(raw['affected'])
    ? raw['affected'].map((a) => lineText(a)).filter(Boolean)
    : typeof raw['affected'] === 'string'
      ? raw['affected'].split(/[;,]/).map((a) => lineText(a)).filter(Boolean)
      : [];
  const time = lineText(raw['time']);
  const list = (value: unknown) =>
    Array.isArray(value) ? value.map((a) => lineText(a)).filter(Boolean) : typeof value === 'string' ? value.split(/[;,]/).map((a) => lineText(a)).filter(Boolean) : [];
  // Welsh words (`cy` object or `school_cy`…), used when the page is in Welsh.
  const cy = {
    school: lineText(translated(raw, 'cy', 'school')) || undefined,
    reason: plainText(translated(raw, 'cy', 'reason'), 500) || undefined,
    affected: list(translated(raw, 'cy', 'affected')),
  };
  return {
    id: idOf(raw['id']) ?? urn ?? hash(`${school}|${date ?? ''}`),
    school,
    status,
    urn,
    reason: plainText(raw['reason'], 500) || undefined,
    date,
    until: day(raw['until']),
    time: /^\d{1,2}:\d{2}$/.test(time) ? time.padStart(5, '0') : undefined,
    affected: affected.length ? affected : undefined,
    area: lineText(raw['area']) || undefined,
    url: safeUrl(raw['url'], base) ?? undefined,
    updated: parseTime(raw['updated']),
    cy: cy.school || cy.reason || cy.affected.length ? { ...cy, affected: cy.affected.length ? cy.affected : undefined } : undefined,
  };
}
