// The types of dist/widgets.js, which build-widgets.mjs bundles from ../src/server-render.ts (the
// widgets' own code). Kept beside it: a change there that breaks these fails the relay's tests.
export interface RenderInput {
  widget: 'alert-banner' | 'closure-ticker';
  bytes: Uint8Array;
  contentType: string;
  url: string;
  format: string;
}
export interface RenderOptions {
  lang: 'en' | 'cy';
  max?: number;
  headingLevel?: number;
  label?: string | undefined;
  area?: string | undefined;
  moreUrl?: string | undefined;
  version: string;
  fetchedAt: number;
  now?: number;
}
export function renderFragment(input: RenderInput, options: RenderOptions): Promise<string>;
export class FeedError extends Error {
  readonly reason: string;
}
