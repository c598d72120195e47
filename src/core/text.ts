/**
 * Feed text is plain text. These helpers turn whatever a feed holds into a string that is safe to
 * bind as text (never as HTML), keeping the line breaks the author meant.
 */
const MAX_TEXT = 10_000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Normalises a plain-text field: string only, line endings, no control characters, bounded length. */
export function plainText(value: unknown, max = MAX_TEXT): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return '';
  let text = value.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(/[ \t\u00a0]+\n/g, '\n');
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** A single-line field such as a title: plain text with every run of whitespace folded to one space. */
export function lineText(value: unknown, max = 500): string {
  return plainText(value, max).replace(/\s+/g, ' ');
}
