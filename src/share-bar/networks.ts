/**
 * Share URLs for each network, built from the page's URL and text. Values are encoded with
 * encodeURIComponent (so spaces are %20, never +), after lone surrogates are made well-formed. Text
 * is cut on grapheme boundaries to each network's limit, and so that the whole link stays within
 * MAX_URL characters (Welsh or emoji text takes several characters per letter once encoded), never
 * inside the URL; a network is never dropped because its text was long.
 */
import { encode, graphemes } from '../core/text.js';

export interface ShareInput {
  /** Absolute, as `URL.href` gives it (so ASCII: its length is its length in characters). */
  url: string;
  text: string;
  /** Mastodon server for direct sharing (e.g. mastodon.social); without it, the official share hub. */
  instance?: string | undefined;
}

export type LinkNetwork =
  | 'facebook'
  | 'x'
  | 'linkedin'
  | 'whatsapp'
  | 'bluesky'
  | 'mastodon'
  | 'threads'
  | 'reddit'
  | 'telegram'
  | 'nextdoor'
  | 'email'
  | 'sms';
export type Network = LinkNetwork | 'native' | 'copy' | 'print';

/** Links longer than this are refused by some networks, mail programs and proxies (the old 2,083 of Internet Explorer and Outlook). */
export const MAX_URL = 2000;

/** Cuts `text` to at most `max` graphemes (user-perceived characters), ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  const list = graphemes(text);
  return list.length > max ? `${list.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…` : text;
}

// Mastodon servers are named by host only; anything else falls back to the share hub.
const HOST = /^[a-z\d-]+(\.[a-z\d-]+)+(:\d+)?$/i;

/**
 * Each network's URL, with placeholders: {u} the URL, {t} the text, {p} text and URL as one post,
 * {h} the page's host, {m} the Mastodon server. A number after t or p is the network's limit in
 * graphemes (X and Threads count a link as 23 characters plus a space).
 */
const TEMPLATES: Readonly<Record<LinkNetwork, string>> = {
  facebook: 'https://www.facebook.com/sharer/sharer.php?u={u}',
  x: 'https://x.com/intent/tweet?text={t256}&url={u}',
  linkedin: 'https://www.linkedin.com/sharing/share-offsite/?url={u}',
  whatsapp: 'https://wa.me/?text={p}',
  bluesky: 'https://bsky.app/intent/compose?text={p300}',
  mastodon: 'https://{m}/share?text={p500}',
  threads: 'https://www.threads.com/intent/post?text={t476}&url={u}',
  reddit: 'https://www.reddit.com/submit?url={u}&title={t300}',
  telegram: 'https://t.me/share/url?url={u}&text={t}',
  nextdoor: 'https://nextdoor.com/sharekit/?source={h}&body={p}',
  email: 'mailto:?subject={t}&body={u}',
  sms: 'sms:?&body={p}',
};

export interface ShareLink {
  href: string;
  /** The text was shortened (to the network's limit, or to keep the link within MAX_URL). */
  shortened: boolean;
}

/** The share link for `network`, or undefined for networks that are buttons (native, copy, print). */
export function shareLink(network: Network, { url, text, instance }: ShareInput): ShareLink | undefined {
  if (!Object.hasOwn(TEMPLATES, network)) return undefined;
  const all = graphemes(text); // lone surrogates are made well-formed by encode()
  // eslint-disable-next-line no-useless-assignment -- set by build(), read after the last one
  let shortened = false;
  // The link with at most `limit` graphemes of the text (and within each network's own limit).
  const build = (limit: number) =>
    TEMPLATES[network as LinkNetwork].replace(/\{(\w)(\d*)\}/g, (_, key: string, digits: string) => {
      // The Mastodon server is part of the address, not a value.
      if (key === 'm') return HOST.test(instance ?? '') ? instance! : 'share.joinmastodon.org';
      if (key === 'u' || key === 'h') return encode(key === 'u' ? url : new URL(url).host);
      const keep = Math.min(limit, (Number(digits) || Infinity) - (key === 'p' ? url.length + 1 : 0));
      const words = all.length > keep ? ((shortened = true), `${all.slice(0, Math.max(0, keep - 1)).join('').trimEnd()}…`) : all.join('');
      return encode(key === 'p' ? `${words} ${url}`.trim() : words);
    });
  // Fewer graphemes until the link fits, measured as the browser will hold it (URL parsing
  // escapes ' in a query, say): a tenth fewer each time, so at most a tenth more is cut than must be.
  let keep = all.length;
  while (keep && new URL(build(keep)).href.length > MAX_URL) keep = Math.floor(keep * 0.9);
  shortened = false; // what the link finally given says
  return { href: build(keep), shortened };
}

/** The share URL for `network` (see shareLink). */
export const shareUrl = (network: Network, input: ShareInput): string | undefined => shareLink(network, input)?.href;

export const NAMES: Readonly<Partial<Record<Network, string>>> = {
  facebook: 'Facebook',
  x: 'X',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  reddit: 'Reddit',
  telegram: 'Telegram',
  nextdoor: 'Nextdoor',
};
