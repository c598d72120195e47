/**
 * Feed text is plain text. These helpers turn whatever a feed holds into a string that is safe to
 * bind as text (never as HTML), keeping the line breaks the author meant.
 */
const MAX_TEXT = 10_000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Elements that start a new paragraph (a blank line) or a new line.
const PARAGRAPH = /^(P|H[1-6]|BLOCKQUOTE|UL|OL|DL|TABLE|PRE|FIGURE|HR|SECTION|ARTICLE|ASIDE|HEADER|FOOTER|MAIN|NAV|ADDRESS|FORM)$/;
const LINE = /^(DIV|LI|DT|DD|TR|FIGCAPTION|CAPTION)$/;
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|IFRAME|OBJECT|SVG|MATH|HEAD|TITLE|SELECT|TEXTAREA|BUTTON)$/;

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

/**
 * Reduces an HTML fragment (an RSS description, an escaped CAP field) to plain text with DOMParser.
 * A document made by DOMParser runs no scripts and loads nothing. Block elements and `<br>` become
 * line breaks; scripts, styles and form controls are dropped.
 */
export function htmlToText(html: unknown, max = MAX_TEXT): string {
  if (typeof html !== 'string' || !html) return '';
  if (!/[<&]/.test(html)) return plainText(html, max);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let out = '';
  // Breaks wait until more text comes, so nested and adjacent blocks give one break, not several.
  let pending = 0;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (out.length > max * 2) return;
      if (child.nodeType === 3) {
        const text = (child.nodeValue ?? '').replace(/\s+/g, ' ');
        if (!text.trim()) {
          if (!pending && out) out += ' ';
          continue;
        }
        if (pending && out) out += '\n'.repeat(pending);
        pending = 0;
        out += text;
      } else if (child.nodeType === 1) {
        const name = (child as Element).tagName;
        if (SKIP.test(name)) continue;
        if (name === 'BR') {
          out += '\n'.repeat(pending) + '\n';
          pending = 0;
          continue;
        }
        const breaks = PARAGRAPH.test(name) ? 2 : LINE.test(name) ? 1 : 0;
        pending = Math.max(pending, breaks);
        walk(child);
        pending = Math.max(pending, breaks);
      }
    }
  };
  walk(doc.body);
  return plainText(out.replace(/[ \t]*\n[ \t]*/g, '\n'), max);
}
