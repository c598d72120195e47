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
  | 'empty'; // no body

export interface CivicErrorDetail {
  /** The absolute URL that failed. */
  url: string;
  /** The HTTP status, or 0 when there was no response. */
  status: number;
  reason: FeedErrorReason;
  /** Items dropped because they were malformed (when the rest of the feed was usable). */
  skipped?: number;
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
