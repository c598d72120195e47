/**
 * The one gate for every URL that a widget binds into `href` or `src`.
 *
 * Feeds are written by other people and may be hostile. A URL is returned only when both the raw
 * string, once entity- and percent-decoded with whitespace and control characters removed, and the
 * WHATWG-parsed result use an allowed scheme. Everything else returns `null`, and the caller renders
 * the text without a link.
 */
const ALLOWED = new Set(['https:', 'http:', 'mailto:', 'tel:']);
// Anything that looks like "scheme:" at the start, after decoding.
const SCHEME = /^([a-z][a-z0-9+.-]*):/;
// C0 controls, space, DEL and the invisible characters browsers drop inside schemes.
// eslint-disable-next-line no-control-regex, no-misleading-character-class
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi;
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&', sol: '/', lpar: '(', rpar: ')', period: '.' };

function decodeEntities(value: string): string {
  return value.replace(ENTITY, (whole, body: string) => {
    let code: number;
    if (body[0] === '#') code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    else return NAMED[body.toLowerCase()] ?? whole;
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** The scheme a browser could end up seeing, after undoing the usual encodings (repeatedly). */
function schemeOf(raw: string): string | undefined {
  let value = raw;
  for (let round = 0; round < 4; round++) {
    const next = percentDecode(decodeEntities(value));
    if (next === value) break;
    value = next;
  }
  return SCHEME.exec(value.replace(INVISIBLE, '').toLowerCase())?.[1];
}

/**
 * Returns an absolute `http:`, `https:`, `mailto:` or `tel:` URL, resolved against `base` (the feed's
 * URL, else the document), or `null` when the value must not become a link.
 */
export function safeUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  if (!raw || raw.length > 4096) return null;
  const scheme = schemeOf(raw);
  if (scheme !== undefined && !ALLOWED.has(`${scheme}:`)) return null;
  let url: URL;
  try {
    url = new URL(raw, base ?? globalThis.document?.baseURI);
  } catch {
    return null;
  }
  return ALLOWED.has(url.protocol) ? url.href : null;
}
