import { svg, type SVGTemplateResult } from 'lit';
import type { Severity } from './types.js';

// Decorative: the severity is also given in words next to the icon.
const wrap = (body: SVGTemplateResult) =>
  svg`<svg part="icon" class="icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false">${body}</svg>`;

export const icons: Partial<Record<Severity, SVGTemplateResult>> = {
  // A warning triangle with an exclamation mark.
  major: wrap(svg`<path d="M16 2 1 29h30L16 2Zm-2 10h4v8h-4v-8Zm0 11h4v4h-4v-4Z"/>`),
  // A circle with an exclamation mark.
  minor: wrap(svg`<path d="M16 2a14 14 0 1 0 0 28 14 14 0 0 0 0-28Zm-2 6h4v10h-4V8Zm0 13h4v4h-4v-4Z"/>`),
  // A circle with an "i".
  announcement: wrap(svg`<path d="M16 2a14 14 0 1 0 0 28 14 14 0 0 0 0-28Zm-2 6h4v4h-4V8Zm0 7h4v10h-4V15Z"/>`),
  // notable-death has no icon (the GOV.UK emergency banner convention).
};
