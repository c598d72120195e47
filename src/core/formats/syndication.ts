import { htmlToText } from '../html-to-text.js';
import { lineText, plainText } from '../text.js';
import { parseTime } from '../i18n/format.js';
import { hash } from '../hash.js';
import { safeUrl } from '../safe-url.js';
import { child, childText, children, descendants, syndicationKind } from './xml.js';

/** One RSS item or Atom entry, as plain text. */
export interface Entry {
  id: string;
  title: string;
  /** description / summary / content, HTML reduced to text. */
  summary: string;
  /** A safe absolute URL, or undefined. */
  link: string | undefined;
  /** pubDate / updated / published, epoch ms. */
  updated: number | undefined;
  categories: string[];
  /** The item element, for extensions (CAP, georss). */
  el: Element;
}

function atomText(el: Element | undefined): string {
  if (!el) return '';
  // type="html" holds escaped markup; "text" and "xhtml" hold text (xhtml's markup is already elements).
  return el.getAttribute('type') === 'html' ? htmlToText(el.textContent) : plainText(el.textContent);
}

function atomLink(entry: Element): string | null {
  const links = children(entry, 'link');
  const link = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return link?.getAttribute('href') ?? null;
}

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) or Atom 1.0 into entries. Links resolve against the feed's URL and pass
 * the safe-link rule. Returns [] for any other document.
 */
export function parseSyndication(doc: Document, base: string): Entry[] {
  const kind = syndicationKind(doc);
  if (!kind) return [];
  const items = kind === 'atom' ? children(doc.documentElement, 'entry') : descendants(doc, 'item');
  return items.map((el) => {
    const atom = kind === 'atom';
    const title = lineText(htmlToText(childText(el, 'title')));
    const summary = atom
      ? atomText(child(el, 'summary') ?? child(el, 'content'))
      : htmlToText(childText(el, 'description') || childText(el, 'encoded'));
    const rawLink = atom ? atomLink(el) : childText(el, 'link').trim() || null;
    const updated = parseTime(
      atom ? childText(el, 'updated') || childText(el, 'published') : childText(el, 'pubDate') || childText(el, 'date'),
    );
    const categories = children(el, 'category')
      .map((c) => lineText(atom ? (c.getAttribute('term') ?? c.getAttribute('label') ?? '') : c.textContent))
      .filter(Boolean);
    const id = lineText(childText(el, atom ? 'id' : 'guid')) || rawLink || hash(`${title}|${summary}|${updated ?? ''}`);
    return { id, title, summary, link: safeUrl(rawLink, base) ?? undefined, updated, categories, el };
  });
}
