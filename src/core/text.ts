/**
 * Feed text is plain text. These helpers turn whatever a feed (or a council's server) holds into a
 * string that is safe to bind as text (never as HTML), keeping the line breaks the author meant, and
 * that cannot break out of its element: well-formed Unicode (a CMS that cut a string in the middle of
 * a character leaves a lone surrogate, which `encodeURIComponent` throws on), no bidi controls (an
 * unclosed right-to-left override reverses whatever follows it on the line: the "Hide" button, the
 * severity), no combining mark without its character, no tower of stacked marks drawn over the lines
 * above and below, and nothing made only of invisible characters.
 */
const MAX_TEXT = 10_000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Embeddings, overrides and isolates (LRE…RLO, LRI…PDI). The marks LRM and RLM are harmless and stay. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
/** With the `u` flag, \p{Cs} matches only surrogates that are not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/gu;
const LEADING_MARKS = /\n[\p{M}\s]*\p{M}/gu;
/** More than three marks on one character is "Zalgo" text. */
const STACKED_MARKS = /(\p{M}{3})\p{M}+/gu;
const INVISIBLE = /^[\p{Cf}\p{Z}\s]*$/u;

/** The string with each lone surrogate replaced by U+FFFD, as `String.prototype.toWellFormed` does. */
export const wellFormed = (text: string): string =>
  // The platform's own where there is one: WebKit's regular expressions miss some lone surrogates.
  (text as { toWellFormed?: () => string }).toWellFormed?.() ?? text.replace(LONE_SURROGATE, '\ufffd');

/** `encodeURIComponent`, which never throws: the text is made well-formed first. */
export const encode = (value: string): string => encodeURIComponent(wellFormed(value));

/** The user-perceived characters of `text` (a flag, a family emoji, a letter with its accents: one each). */
export function graphemes(text: string): string[] {
  // Intl.Segmenter is in every browser the widgets support (see the README's table).
  return Array.from(new Intl.Segmenter().segment(text), (s) => s.segment);
}

let cuts = 0;
/** How many texts `cut` has shortened so far on this page (the feed source reads it around a parse). */
export const textCuts = (): number => cuts;

/** At most `max` UTF-16 units, cut between characters (never inside one), ending with "…" when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  cuts++;
  let out = '';
  for (const g of graphemes(text)) {
    if (out.length + g.length > max - 1) break;
    out += g;
  }
  return `${out.trimEnd()}…`;
}

/** Normalises a plain-text field: string only, line endings, no control characters, bounded length. */
export function plainText(value: unknown, max = MAX_TEXT): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return '';
  let text = wellFormed(value).replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(BIDI, '');
  text = text.replace(LEADING_MARKS, '\n').replace(STACKED_MARKS, '$1').replace(/[ \t\u00a0]+\n/g, '\n');
  // Leading spaces and marks go together: a mark left first would sit on whatever comes before the text.
  text = text.replace(/\n{3,}/g, '\n\n').replace(/^[\s\p{M}]+/u, '').trim();
  return INVISIBLE.test(text) ? '' : cut(text, max);
}

/** A single-line field such as a title: plain text with every run of whitespace folded to one space. */
export function lineText(value: unknown, max = 500): string {
  return plainText(value, max).replace(/\s+/g, ' ');
}
