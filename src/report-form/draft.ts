/**
 * The journey so far, kept in sessionStorage as the resident types, so that a reload or a crash
 * loses nothing. Photos are not kept (sessionStorage holds text, and only about 5 MB). Storage that is
 * full or disabled is ignored: the journey goes on in memory.
 */
import { isRecord, PREFIX, readJson, removeKey, writeJson } from '../core/storage.js';

export interface Draft {
  step: 1 | 2 | 3 | 4 | 5 | 6;
  service: string;
  lat: string;
  long: string;
  /** What the resident is shown for lat/long: the nearest address from the council's service, or ''. */
  place: string;
  address: string;
  description: string;
  attributes: Record<string, string | string[]>;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  /** When the journey started (the time-trap measures from here). */
  startedAt: number;
  /** The outbox entry holding this report, once it is queued. */
  queued?: string | undefined;
}

const key = (endpoint: string) => `${PREFIX}report:${endpoint}`;

/** The stored journey, as an object: `reviveDraft` (journey.ts) then keeps only known, bounded fields. */
export function loadDraft(endpoint: string): Partial<Draft> | undefined {
  return readJson('session', key(endpoint), (value) => (isRecord(value) ? (value as Partial<Draft>) : undefined));
}

export function saveDraft(endpoint: string, draft: Draft): void {
  writeJson('session', key(endpoint), draft); // full or disabled: the journey goes on in memory
}

export function clearDraft(endpoint: string): void {
  removeKey('session', key(endpoint));
}
