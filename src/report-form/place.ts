/**
 * A place a resident can check. "51.454500, -2.587900" tells nobody anything, so a position is shown
 * as the nearest address when the council gives an address service (`reverse-geocode-url`), else as a
 * rounded position in words, with a link to see it on a map. Open311 still gets the full lat/long.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { announce } from '../core/announce.js';
import type { CivicLocationDetail } from '../core/events.js';
import { fetchBody, HttpError } from '../core/http.js';
import { absoluteUrl } from '../core/safe-url.js';
import { encode } from '../core/text.js';
import type { Answers, Translate } from './journey.js';

/** OpenStreetMap's own page for a point: a link the resident may follow, never a request we make. */
export const DEFAULT_MAP_URL = 'https://www.openstreetmap.org/?mlat={lat}&mlon={long}#map=18/{lat}/{long}';

const fill = (template: string, lat: string, long: string) => template.replaceAll('{lat}', encode(lat)).replaceAll('{long}', encode(long));

/** "51.4545° north, 2.5879° west": four decimals is about 10 metres, as precise as a phone is. */
export function positionText(lat: string, long: string, t: Translate): string {
  const y = Number(lat);
  const x = Number(long);
  return t('position', {
    lat: Math.abs(y).toFixed(4),
    ns: t(y < 0 ? 'south' : 'north'),
    long: Math.abs(x).toFixed(4),
    ew: t(x < 0 ? 'west' : 'east'),
  });
}

/** The map link for a position, through the safe-link gate; `undefined` for a template that is not http(s). */
export const mapLink = (template: string | undefined, lat: string, long: string): string | undefined => absoluteUrl(fill(template || DEFAULT_MAP_URL, lat, long));

/**
 * Asks the council's address service for the nearest address: `{lat}` and `{long}` in the template.
 * It may answer JSON with `address`, `label`, `name` or `display_name` (Nominatim), or GeoJSON whose
 * first feature has one of those in `properties`. Anything else, a slow answer or an error: undefined,
 * and the rounded position is shown instead (never an error for the resident).
 */
export async function reverseGeocode(template: string | undefined, lat: string, long: string, signal?: AbortSignal): Promise<string | undefined> {
  const url = template ? absoluteUrl(fill(template, lat, long)) : undefined;
  if (!url) return undefined;
  let json: unknown;
  try {
    const answer = await fetchBody(url, { signal, timeout: 5000, maxBytes: 256 * 1024, init: { headers: { accept: 'application/json' } } });
    if (!answer.ok) return undefined;
    json = JSON.parse(answer.text);
  } catch (error) {
    if (error instanceof HttpError || error instanceof SyntaxError) return undefined; // no answer, or not JSON
    throw error;
  }
  const pick = (o: unknown): string | undefined => {
    if (!o || typeof o !== 'object') return undefined;
    const record = o as Record<string, unknown>;
    const found = ['address', 'label', 'name', 'display_name'].map((k) => (Object.hasOwn(record, k) ? record[k] : undefined)).find((v) => typeof v === 'string' && v.trim());
    return typeof found === 'string' ? found : undefined;
  };
  const feature = (json as { features?: unknown[] } | null)?.features?.[0] as { properties?: unknown } | undefined;
  const place = pick(json) ?? pick(feature?.properties);
  // Text only, one line, of a sensible length.
  return place?.replace(/[\p{Cc}\s]+/gu, ' ').trim().slice(0, 200) || undefined;
}

export type Locating = 'idle' | 'busy' | 'denied' | 'unavailable';

export interface PlaceHost extends ReactiveControllerHost, HTMLElement {
  readonly reverseGeocodeUrl: string | undefined;
  /** Focuses `selector` in the form once it has rendered. */
  focusOn(selector: string): void;
  readonly t: Translate;
}

/**
 * Where the problem is: "Use my location" (the browser asks the resident; refusal leaves the other
 * ways open), a council map in the `location` slot (`civic-location` events), the nearest address
 * from the council's service, and "Do not use this location".
 */
export class PlaceController implements ReactiveController {
  locating: Locating = 'idle';
  readonly #host: PlaceHost;
  readonly #answers: Answers;
  #geocode: AbortController | undefined;

  constructor(host: PlaceHost, answers: Answers) {
    this.#host = host;
    this.#answers = answers;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('civic-location', this.#handleMapLocation as EventListener);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('civic-location', this.#handleMapLocation as EventListener);
    this.#geocode?.abort();
  }

  #set(locating: Locating): void {
    this.locating = locating;
    this.#host.requestUpdate();
  }

  locate(): void {
    if (this.locating === 'busy') return;
    if (!navigator.geolocation) return this.#set('unavailable');
    this.#set('busy');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        this.#set('idle');
        this.#use(coords.latitude, coords.longitude);
        // Focus goes to the place now used (read out by screen readers: no announcement as well).
        this.#host.focusOn('#location-now');
      },
      (error) => {
        this.#set(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable');
        announce(this.#host.t(this.locating === 'denied' ? 'locationDenied' : 'locationUnavailable'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  /** "Do not use this location": focus back on "Use my location", never on <body>. */
  forget(): void {
    this.#geocode?.abort();
    this.#answers.set({ lat: '', long: '', place: '' });
    this.#host.focusOn('#use-location');
  }

  /** Uses a position, then asks the council's address service (if any) what is there. */
  #use(lat: number, long: number, address?: string): void {
    this.#geocode?.abort();
    const position = { lat: lat.toFixed(6), long: long.toFixed(6) };
    this.#answers.set({ ...position, place: '', ...(address ? { address } : {}) });
    if (!this.#host.reverseGeocodeUrl) return;
    const controller = (this.#geocode = new AbortController());
    void reverseGeocode(this.#host.reverseGeocodeUrl, position.lat, position.long, controller.signal).then((place) => {
      // Still the same position: a later one (or "Do not use") wins.
      const { draft } = this.#answers;
      if (place && !controller.signal.aborted && draft.lat === position.lat && draft.long === position.long) this.#answers.set({ place });
    });
  }

  #handleMapLocation = (event: CustomEvent<CivicLocationDetail>): void => {
    const { lat, long, address } = event.detail ?? {};
    if (!(Math.abs(Number(lat)) <= 90 && Math.abs(Number(long)) <= 180)) return;
    this.#use(Number(lat), Number(long), typeof address === 'string' && address.trim() ? address.trim().slice(0, 500) : undefined);
  };
}
