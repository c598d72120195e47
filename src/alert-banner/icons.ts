import type { Severity } from './types.js';

/** Each severity's icon (a 32×32 path), shared by the widget and the server-rendered fragment (no Lit here: it runs on servers too). */
export const ICON_PATHS: Partial<Record<Severity, string>> = {
  // A warning triangle with an exclamation mark.
  major: 'M16 2 1 29h30L16 2Zm-2 10h4v8h-4v-8Zm0 11h4v4h-4v-4Z',
  // A circle with an exclamation mark.
  minor: 'M16 2a14 14 0 1 0 0 28 14 14 0 0 0 0-28Zm-2 6h4v10h-4V8Zm0 13h4v4h-4v-4Z',
  // A circle with an "i".
  announcement: 'M16 2a14 14 0 1 0 0 28 14 14 0 0 0 0-28Zm-2 6h4v4h-4V8Zm0 7h4v10h-4V15Z',
  // notable-death has no icon (the GOV.UK emergency banner convention).
};
