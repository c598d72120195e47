/**
 * The widgets' own feed parsing and fragment rendering, for servers (`civic-relay` bundles this file):
 * nothing here touches `window`, `document` or `customElements`; the caller provides a `DOMParser`
 * (the relay uses linkedom's) where the browser has its own.
 */
import { adapters as alertAdapters } from './alert-banner/formats/index.js';
import { alertsFragment, type FragmentOptions } from './alert-banner/fragment.js';
import type { AlertFeed } from './alert-banner/types.js';
import { closuresFragment, type ClosureFragmentOptions } from './closure-ticker/fragment.js';
import { adapters as closureAdapters } from './closure-ticker/formats/index.js';
import type { ClosureFeed } from './closure-ticker/types.js';
import { parseFeed } from './core/feed/parse.js';
import { decodeBody } from './core/http.js';

export interface RenderInput {
  widget: 'alert-banner' | 'closure-ticker';
  /** The feed's bytes as fetched: decoded as the widgets decode them (BOM, charset, XML declaration). */
  bytes: Uint8Array;
  contentType: string;
  /** The feed's own address: relative links resolve against it. */
  url: string;
  format: string;
}

/** How the fragment shows the items: the widget's attributes of the same names (each widget reads its own). */
export type RenderOptions = Omit<FragmentOptions, 'base'> & Omit<ClosureFragmentOptions, 'base'>;

/** The light-DOM fallback HTML for a feed's current items; throws a FeedError for a feed it cannot read. */
export async function renderFragment(input: RenderInput, options: RenderOptions): Promise<string> {
  const text = decodeBody(input.bytes, input.contentType);
  const response = { status: 200, contentType: input.contentType, text };
  if (input.widget === 'closure-ticker') {
    const { data } = await parseFeed<ClosureFeed>(response, input.url, input.format, closureAdapters);
    return closuresFragment(data, { ...options, base: input.url });
  }
  const { data } = await parseFeed<AlertFeed>(response, input.url, input.format, alertAdapters);
  return alertsFragment(data, { ...options, base: input.url });
}

export { FeedError } from './core/feed/feed-error.js';
