/**
 * A feed's current items as the widget's light-DOM fallback HTML (`GET /fragments/{id}.html?lang=`,
 * `civic-relay render`): made by the widgets' own parsing, ordering and words, bundled from
 * ../src/server-render.ts into dist/widgets.js, with a server-side DOMParser (dom.ts).
 */
import type { FeedConfig } from './config.js';
import { installDomParser } from './dom.js';
import type { FeedCopy } from './feeds.js';
import { renderFragment } from './widgets.js';

installDomParser();

export type Lang = 'en' | 'cy';

/** `cy`, `cy-GB` → cy; anything else → en. */
export const toLang = (value: unknown): Lang => (typeof value === 'string' && /^cy(-|$)/i.test(value.trim()) ? 'cy' : 'en');

/** The page with every item, in the fragment's language when the config names one per language. */
const moreUrlFor = (feed: FeedConfig, lang: Lang): string | undefined => {
  const more = feed.fragment?.moreUrl;
  return typeof more === 'object' ? (more[lang] ?? more.en) : more;
};

/** The fragment, or the reason the feed cannot be read (a FeedError's reason: parse, shape, content-type…). */
export async function fragmentOf(feed: FeedConfig, copy: FeedCopy, lang: Lang, now = Date.now()): Promise<{ html: string } | { failure: string }> {
  try {
    const html = await renderFragment(
      { widget: feed.widget, bytes: Buffer.from(copy.body, 'base64'), contentType: copy.contentType, url: feed.src, format: feed.format },
      { lang, version: copy.etag, fetchedAt: copy.fetchedAt, now, ...feed.fragment, moreUrl: moreUrlFor(feed, lang) },
    );
    return { html };
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason;
    return { failure: typeof reason === 'string' ? reason : 'parse' };
  }
}
