import { FeedError } from './feed-error.js';

/** What a body looks like before any adapter reads it. */
export type FeedKind = 'json' | 'xml' | 'csv' | 'html' | 'text';

// Types a feed may come with. HTML, images, PDFs… at a feed URL are error or login pages.
const FEED_TYPES = /json|xml|csv|rss|atom|cap|text\/plain|octet-stream/;

/**
 * A fetched body, with lazily parsed views shared by every adapter that sniffs it. JSON and XML are
 * parsed by the platform (JSON.parse, DOMParser); XML with entity declarations is refused outright,
 * since no real feed needs them and they are how "billion laughs" and XXE attacks work.
 */
export class FeedInput {
  #json: unknown;
  #xml: Document | undefined;
  readonly kind: FeedKind;

  constructor(
    readonly text: string,
    readonly contentType: string,
    /** The feed's absolute URL: relative links in it resolve against this. */
    readonly url: string,
  ) {
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    if (type && (type.includes('html') || !FEED_TYPES.test(type))) throw new FeedError('content-type');
    const start = text.trimStart();
    if (!start) throw new FeedError('empty');
    if (start[0] === '{' || start[0] === '[') this.kind = 'json';
    else if (start[0] === '<') this.kind = /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(start) ? 'html' : 'xml';
    else if (type.includes('csv') || /^[^\n<{]*,[^\n]*\n/.test(start)) this.kind = 'csv';
    else this.kind = 'text';
  }

  /** The body as JSON; throws FeedError('parse') when it is not. */
  json(): unknown {
    if (this.#json === undefined) {
      if (this.kind !== 'json') throw new FeedError('parse');
      try {
        this.#json = JSON.parse(this.text) as unknown;
      } catch {
        throw new FeedError('parse');
      }
    }
    return this.#json;
  }

  /** The body as an XML document; throws FeedError('parse') when it is not well-formed. */
  xml(): Document {
    if (!this.#xml) {
      if (this.kind !== 'xml' || /<!ENTITY/i.test(this.text)) throw new FeedError('parse');
      const doc = new DOMParser().parseFromString(this.text, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) throw new FeedError('parse');
      this.#xml = doc;
    }
    return this.#xml;
  }

  /** The lower-case local name of the XML root element ('rss', 'feed', 'alert'…), or ''. */
  xmlRoot(): string {
    try {
      return this.xml().documentElement.localName.toLowerCase();
    } catch {
      return '';
    }
  }
}
