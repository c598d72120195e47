import type { FeedInput } from '../../core/feed/input.js';
import { FeedError } from '../../core/feed/feed-error.js';
import { mapItems } from '../../core/formats/items.js';
import { parseSyndication } from '../../core/formats/syndication.js';
import { childText, children, descendants, elements } from '../../core/formats/xml.js';
import { hash } from '../../core/hash.js';
import { parseTime } from '../../core/i18n/format.js';
import { toLang, type Lang } from '../../core/i18n/lang.js';
import { safeUrl } from '../../core/safe-url.js';
import { htmlToText } from '../../core/html-to-text.js';
import { lineText } from '../../core/text.js';
import type { Alert, AlertFeed, AlertText, Severity } from '../types.js';

/**
 * OASIS CAP 1.0–1.2: one `<alert>`, a feed whose entries embed `<alert>`s, or a feed index whose
 * entries carry `cap:` fields directly (as the US National Weather Service publishes).
 * https://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2-os.html
 */
const CAP_NS = /^urn:oasis:names:tc:emergency:cap:1\.[0-2]$/;

interface Info {
  language: string;
  text: AlertText;
  severity: Severity;
  start: number | undefined;
  end: number | undefined;
}

interface Message {
  identifier: string;
  status: string;
  msgType: string;
  sent: number | undefined;
  /** Identifiers of the messages this one updates or cancels. */
  references: string[];
  infos: Info[];
}

// CAP 1.2 §3.2.2: Extreme and Severe → major, Moderate → minor, Minor and Unknown → announcement.
function severityOf(value: string): Severity {
  const word = value.trim().toLowerCase();
  return word === 'extreme' || word === 'severe' ? 'major' : word === 'moderate' ? 'minor' : 'announcement';
}

/** One `info` block (or an index entry carrying the same fields). */
function readInfo(el: Element, base: string, fallback: Partial<AlertText> = {}): Info {
  const text = (name: string) => childText(el, name);
  const event = lineText(text('event')).replace(/^[\d/]+\s+/, ''); // EA events start with internal codes
  const description = htmlToText(text('description')) || fallback.message || '';
  const instruction = htmlToText(text('instruction'));
  const areas = children(el, 'area').map((area) => lineText(childText(area, 'areaDesc'))).filter(Boolean);
  return {
    language: text('language').trim() || 'en-US', // CAP's default language
    severity: severityOf(text('severity')),
    start: parseTime(text('effective')) ?? parseTime(text('onset')),
    end: parseTime(text('expires')),
    text: {
      title: lineText(text('headline')) || fallback.title || event || areas[0] || '',
      message: [description, instruction].filter((part) => part && part.toLowerCase() !== 'none').join('\n\n'),
      url: safeUrl(text('web').trim(), base) ?? fallback.url,
      area: areas.join('; ') || fallback.area,
    },
  };
}

function readAlert(el: Element, base: string): Message {
  const text = (name: string) => childText(el, name).trim();
  return {
    identifier: text('identifier') || hash(text('sent') + text('sender')),
    status: text('status'),
    msgType: text('msgType'),
    sent: parseTime(text('sent')),
    // "sender,identifier,sent sender,identifier,sent" (§3.2.1)
    references: text('references').split(/\s+/).map((ref) => ref.split(',')[1] ?? '').filter(Boolean),
    infos: children(el, 'info').map((info) => readInfo(info, base)),
  };
}

/** An index entry with `cap:` children: the entry's own title, summary and link fill the gaps. */
function readIndexEntry(doc: Document, base: string): Message[] {
  return parseSyndication(doc, base)
    .filter((entry) => elements(entry.el).some((c) => CAP_NS.test(c.namespaceURI ?? '')))
    .map((entry) => ({
      identifier: entry.id,
      status: childText(entry.el, 'status').trim() || 'Actual',
      msgType: childText(entry.el, 'msgType').trim() || 'Alert',
      sent: entry.updated,
      references: [],
      infos: [readInfo(entry.el, base, { title: entry.title, message: entry.summary, url: entry.link })],
    }));
}

function pick(infos: Info[], lang: Lang): Info | undefined {
  return infos.find((info) => toLang(info.language) === lang && info.language.toLowerCase().startsWith(lang));
}

export function parseCap(input: FeedInput): AlertFeed {
  {
    const doc = input.xml();
    const alertEls = descendants(doc, 'alert').filter((el) => CAP_NS.test(el.namespaceURI ?? ''));
    const messages = alertEls.length ? alertEls.map((el) => readAlert(el, input.url)) : readIndexEntry(doc, input.url);
    if (!messages.length && !descendants(doc, 'feed').length && !descendants(doc, 'rss').length) {
      throw new FeedError('shape');
    }
    // Cancel removes the messages it references; Update replaces them (§3.2.1 msgType).
    const superseded = new Set(
      messages.filter((m) => m.msgType === 'Cancel' || m.msgType === 'Update').flatMap((m) => m.references),
    );
    const live = messages.filter(
      (m) =>
        (m.msgType === 'Alert' || m.msgType === 'Update') &&
        ['Actual', 'Test', 'Exercise'].includes(m.status) &&
        !superseded.has(m.identifier),
    );
    const { items, skipped } = mapItems(live, (m): Alert | undefined => {
      const first = m.infos[0];
      if (!first?.text.title) return undefined;
      const translations: Partial<Record<Lang, AlertText>> = {};
      for (const lang of ['en', 'cy'] as const) {
        const info = pick(m.infos, lang);
        if (info && info !== first && info.text.title) translations[lang] = info.text;
      }
      return {
        id: m.identifier,
        ...first.text,
        severity: first.severity,
        start: first.start,
        end: first.end,
        updated: m.sent,
        translations: Object.keys(translations).length ? translations : undefined,
        test: m.status !== 'Actual' || undefined,
      };
    });
    return { alerts: items, skipped };
  }
}
