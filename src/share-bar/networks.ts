/**
 * Share URLs for each network, built from the page's URL and text. Values are encoded with
 * encodeURIComponent (so spaces are %20, never +). Text is cut on grapheme boundaries to each
 * network's limit, and never inside the URL.
 */
export interface ShareInput {
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

/** Cuts `text` to at most `max` graphemes (user-perceived characters), ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  const graphemes = Array.from(new Intl.Segmenter().segment(text), (s) => s.segment);
  return graphemes.length > max ? `${graphemes.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…` : text;
}

// Mastodon servers are named by host only; anything else falls back to the share hub.
const HOST = /^[a-z\d-]+(\.[a-z\d-]+)+(:\d+)?$/i;

/**
 * Each network's URL, with placeholders: {u} the URL, {t} the text, {p} text and URL as one post,
 * {h} the page's host, {m} the Mastodon server. A number after t or p is the network's limit in
 * graphemes (X and Threads count a link as 23 characters plus a space).
 */
const TEMPLATES: Record<LinkNetwork, string> = {
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

/** The share URL for `network`, or undefined for networks that are buttons (native, copy, print). */
export function shareUrl(network: Network, { url, text, instance }: ShareInput): string | undefined {
  return TEMPLATES[network as LinkNetwork]?.replace(/\{(\w)(\d*)\}/g, (_, key: string, limit: string) => {
    const max = Number(limit) || Infinity;
    const value =
      key === 'u'
        ? url
        : key === 't'
          ? truncate(text, max)
          : key === 'p'
            ? `${truncate(text, max - Array.from(url).length - 1)} ${url}`.trim()
            : key === 'h'
              ? new URL(url).host
              : instance && HOST.test(instance)
                ? instance
                : 'share.joinmastodon.org';
    // The Mastodon server is part of the address, not a value.
    return key === 'm' ? value : encodeURIComponent(value);
  });
}

export const NAMES: Partial<Record<Network, string>> = {
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
