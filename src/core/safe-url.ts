/**
 * The one gate for every URL that a widget binds into `href` or `src`.
 *
 * Feeds are written by other people and may be hostile. A URL is returned only when both the raw
 * string, once entity- and percent-decoded with whitespace and control characters removed, and the
 * WHATWG-parsed result use an allowed scheme. Everything else returns `null`, and the caller renders
 * the text without a link.
 */
const ALLOWED = ['https:', 'http:', 'mailto:', 'tel:'];

/** The scheme a browser could end up seeing, after undoing entities and percent-encoding (repeatedly). */
function schemeOf(raw: string): string | undefined {
  let value = raw;
  for (let round = 0; round < 4; round++) {
    // DOMParser decodes every HTML entity (&colon; &#106; …) and runs nothing.
    let next = /[&<]/.test(value) ? (new DOMParser().parseFromString(value, 'text/html').documentElement.textContent ?? '') : value;
    try {
      next = decodeURIComponent(next);
    } catch {
      next = unescape(next);
    }
    if (next === value) break;
    value = next;
  }
  // Browsers ignore whitespace, control and invisible format characters inside a scheme.
  return /^([a-z][a-z\d+.-]*):/.exec(value.replace(/[\s\p{Cc}\p{Cf}]/gu, '').toLowerCase())?.[1];
}

/**
 * Returns an absolute `http:`, `https:`, `mailto:` or `tel:` URL, resolved against `base` (the feed's
 * URL, else the document), or `null` when the value must not become a link. `extra` allows more
 * schemes for links the library builds itself (the share bar's `sms:`), never for feed data.
 */
export function safeUrl(value: unknown, base?: string, extra: readonly string[] = []): string | null {
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  const allowed = (protocol: string) => ALLOWED.includes(protocol) || extra.includes(protocol);
  // Empty and absurdly long values get an impossible scheme, so they are refused.
  const scheme = raw && raw.length < 4096 ? schemeOf(raw) : ':';
  if (scheme !== undefined && !allowed(`${scheme}:`)) return null;
  try {
    const url = new URL(raw, base ?? document.baseURI);
    return allowed(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A URL a council configured (`src`, `endpoint`, `media-endpoint`, `track-url`, `list-url`…), made
 * absolute against the document's base, or `undefined` when it is empty or not http(s). Resolve once,
 * here, before the URL is stored or used as a base: a relative base (`new URL(x, '/open311/media')`)
 * throws, and a report queued on one page may be sent from another with a different base.
 */
export function absoluteUrl(value: unknown): string | undefined {
  const url = safeUrl(value);
  return url?.startsWith('https:') || url?.startsWith('http:') ? url : undefined;
}
