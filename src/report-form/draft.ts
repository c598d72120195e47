/**
 * The journey so far, kept in sessionStorage as the resident types, so that a reload or a crash
 * loses nothing. Photos are not kept (sessionStorage holds text, and only about 5 MB). Storage that is
 * full or disabled is ignored: the journey goes on in memory.
 */
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

const key = (endpoint: string) => `civic-widgets:report:${endpoint}`;

export function loadDraft(endpoint: string): Partial<Draft> | undefined {
  try {
    const value: unknown = JSON.parse(globalThis.sessionStorage?.getItem(key(endpoint)) ?? 'null');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(endpoint: string, draft: Draft): void {
  try {
    globalThis.sessionStorage.setItem(key(endpoint), JSON.stringify(draft));
  } catch {
    /* full or disabled: the journey goes on in memory */
  }
}

export function clearDraft(endpoint: string): void {
  try {
    globalThis.sessionStorage.removeItem(key(endpoint));
  } catch {
    /* disabled */
  }
}
