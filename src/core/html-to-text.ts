import { plainText } from './text.js';

// Elements that start a new paragraph (a blank line) or a new line.
const PARAGRAPH = /^(P|H[1-6]|BLOCKQUOTE|UL|OL|DL|TABLE|PRE|FIGURE|HR|SECTION|ARTICLE|ASIDE|HEADER|FOOTER|MAIN|NAV|ADDRESS|FORM)$/;
const LINE = /^(DIV|LI|DT|DD|TR|FIGCAPTION|CAPTION)$/;
const MAX_TEXT = 10_000;
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|IFRAME|OBJECT|SVG|MATH|HEAD|TITLE|SELECT|TEXTAREA|BUTTON)$/;

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
