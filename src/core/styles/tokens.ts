// css-tag alone: importing `lit` would bring LitElement into the share bar's file (see lite-element.ts).
import { css } from '@lit/reactive-element/css-tag.js';

/**
 * Design tokens. Every `--civic-*` custom property falls back to a GOV.UK-like default that meets
 * WCAG 2.2 AA contrast on white. Widgets read the private `--_*` names, so a council sets only the
 * public ones, on the widget or on any ancestor.
 */
export const baseTokens = css`
  :host {
    --_text: var(--civic-color-text, #0b0c0c);
    --_bg: var(--civic-color-background, #ffffff);
    --_link: var(--civic-color-link, #1d70b8);
    --_link-visited: var(--civic-color-link-visited, #4c2c92);
    --_focus: var(--civic-color-focus, #ffdd00);
    --_focus-text: var(--civic-color-focus-text, #0b0c0c);
    --_space-1: var(--civic-space-1, 0.25rem);
    --_space-2: var(--civic-space-2, 0.5rem);
    --_space-3: var(--civic-space-3, 1rem);
    --_radius: var(--civic-radius, 0);
    --_font: var(--civic-font-family, inherit);
    --_font-size: var(--civic-font-size, 1rem);
  }
`;

/** The tokens only the feed widgets and the report form use (the share bar's file goes without). */
export const widgetTokens = css`
  :host {
    --_muted: var(--civic-color-secondary-text, #505a5f);
    --_brand: var(--civic-color-brand, #1d70b8);
    --_warning: var(--civic-color-warning, #f47738);
    --_surface: var(--civic-color-surface, #f3f2f1);
  }
`;

/** Every token. */
export const tokens = [baseTokens, widgetTokens];
