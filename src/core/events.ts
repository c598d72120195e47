/**
 * Every event the widgets fire. All bubble and are composed, so a listener on `document` hears them
 * from inside any shadow root. Names are `civic-<verb>`.
 */

/** Why a feed could not be used. */
export type FeedErrorReason =
  | 'network' // offline, DNS, CORS refused, connection reset
  | 'timeout'
  | 'http' // a status other than 2xx or 304
  | 'too-large' // the body is over 2 MB
  | 'content-type' // an HTML page, an image… where a feed was expected
  | 'parse' // malformed JSON or XML, or not a feed format we know
  | 'shape' // well-formed, but not the shape of the chosen format
  | 'empty' // no body
  | 'script' // the widget's own code could not be downloaded (tried again when the device is back online)
  | 'too-long'; // a length limit removed something: feed texts cut, a share text shortened to fit a link

export interface CivicErrorDetail {
  /** The absolute URL that failed. */
  url: string;
  /** The HTTP status, or 0 when there was no response. */
  status: number;
  reason: FeedErrorReason;
  /** Items dropped because they were malformed (when the rest of the feed was usable). */
  skipped?: number;
  /** The server's own error descriptions, as plain text (report form). */
  messages?: string[];
  /** With `too-long` from the share bar: the networks whose text was shortened. */
  networks?: string[];
  /** With `too-long` from a feed: how many of its texts were cut to their length limit. */
  shortened?: number;
}

/** A feed or request failed. The widget keeps its last good data or its fallback content. */
export class CivicErrorEvent extends CustomEvent<CivicErrorDetail> {
  constructor(detail: CivicErrorDetail) {
    super('civic-error', { bubbles: true, composed: true, detail });
  }
}

export interface CivicDataDetail<T> {
  /** The items now shown. */
  items: T[];
  /** When the data was fetched (it may come from this device's stored copy). */
  updatedAt: Date;
}

/** The first data has been shown (from the network or from this device's stored copy). */
export class CivicLoadEvent<T = unknown> extends CustomEvent<CivicDataDetail<T>> {
  constructor(detail: CivicDataDetail<T>) {
    super('civic-load', { bubbles: true, composed: true, detail });
  }
}

/** A later poll brought new or changed data. */
export class CivicUpdateEvent<T = unknown> extends CustomEvent<CivicDataDetail<T>> {
  constructor(detail: CivicDataDetail<T>) {
    super('civic-update', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-error': CivicErrorEvent;
    'civic-load': CivicLoadEvent;
    'civic-update': CivicUpdateEvent;
  }
}

export interface CivicDismissDetail {
  id: string;
  title: string;
  severity: string;
}

/** A resident is hiding an alert. Cancel it (`preventDefault()`) to keep the alert shown. */
export class CivicDismissEvent extends CustomEvent<CivicDismissDetail> {
  constructor(detail: CivicDismissDetail) {
    super('civic-dismiss', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-dismiss': CivicDismissEvent;
  }
}

export interface CivicShareDetail {
  /** `facebook`, `x`, `email`, `copy`, `native`, `print`… */
  network: string;
  /** The URL being shared (with utm parameters when `utm` is on). */
  url: string;
}

/** A resident chose a share network. Cancel it (`preventDefault()`) to stop the share. */
export class CivicShareEvent extends CustomEvent<CivicShareDetail> {
  constructor(detail: CivicShareDetail) {
    super('civic-share', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-share': CivicShareEvent;
  }
}

export interface CivicSubmittedDetail {
  /** The council's reference (`service_request_id`), when the server gave one. */
  id?: string | undefined;
  /** The token of a server that queues requests, when it gave no reference in time. */
  token?: string | undefined;
  /** The server's `service_notice`, as plain text. */
  notice: string;
  /** True when the report had waited in this device's outbox. */
  fromOutbox: boolean;
}

/** A report was accepted by the council's Open311 server. */
export class CivicSubmittedEvent extends CustomEvent<CivicSubmittedDetail> {
  constructor(detail: CivicSubmittedDetail) {
    super('civic-submitted', { bubbles: true, composed: true, detail });
  }
}

/** A report could not be sent (offline) and waits in this device's outbox. `detail: { id }` (the outbox entry). */
export class CivicQueuedEvent extends CustomEvent<{ id: string }> {
  constructor(detail: { id: string }) {
    super('civic-queued', { bubbles: true, composed: true, detail });
  }
}

export interface CivicLocationDetail {
  lat: number;
  long: number;
  /** What the map knows of the place (an address or a description), shown to the resident. */
  address?: string;
}

/**
 * Dispatched by a council's own map in the report form's `location` slot, to set the place:
 * `el.dispatchEvent(new CivicLocationEvent({ lat, long, address }))` or a plain CustomEvent with the
 * same name and detail.
 */
export class CivicLocationEvent extends CustomEvent<CivicLocationDetail> {
  constructor(detail: CivicLocationDetail) {
    super('civic-location', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-submitted': CivicSubmittedEvent;
    'civic-queued': CivicQueuedEvent;
    'civic-location': CivicLocationEvent;
  }
}
