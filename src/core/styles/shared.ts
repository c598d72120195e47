// css-tag alone: importing `lit` would bring LitElement into the share bar's file (see lite-element.ts).
import { css } from '@lit/reactive-element/css-tag.js';
import { baseTokens, widgetTokens } from './tokens.js';

/**
 * Styles every widget starts from: tokens, the inherited font, GOV.UK's yellow focus ring with a
 * dark underline on links (visible on any background), a visually-hidden utility, forced-colors
 * (Windows high contrast) and reduced-motion support.
 */
const base = css`
    :host {
      display: block;
      box-sizing: border-box;
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.5;
      color: var(--_text);
    }
    :host([hidden]),
    [hidden] {
      display: none !important;
    }
    * {
      box-sizing: inherit;
    }
    a {
      color: var(--_link);
      text-underline-offset: 0.15em;
    }
    a:visited {
      color: var(--_link-visited);
    }
    a:hover {
      text-decoration-thickness: 3px;
    }
    :focus-visible {
      outline: 3px solid var(--_focus);
      box-shadow: inset 0 0 0 2px var(--_focus-text);
    }
    a:focus-visible {
      outline-color: transparent;
      color: var(--_focus-text);
      background: var(--_focus);
      box-shadow:
        0 -2px var(--_focus),
        0 4px var(--_focus-text);
      text-decoration: none;
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    svg {
      fill: currentColor;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    /* Targets of at least 44×44 px (WCAG 2.5.8 asks 24). */
    button {
      min-width: 44px;
      min-height: 44px;
      padding: var(--_space-1) var(--_space-3);
      border: 2px solid currentColor;
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_link);
      font: inherit;
      cursor: pointer;
    }
    input,
    textarea,
    select {
      display: block;
      width: 100%;
      max-width: 30rem;
      min-height: 44px;
      padding: var(--_space-1);
      border: 2px solid var(--_text);
      border-radius: 0;
      background: var(--_bg);
      color: var(--_text);
      font: inherit;
    }
    @media (forced-colors: active) {
      :focus-visible {
        outline-color: CanvasText !important;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      * {
        animation: none !important;
        transition: none !important;
      }
    }
  `;

export const sharedStyles = [baseTokens, widgetTokens, base];
/** The share bar's: without the tokens it does not use (its file is budgeted to the byte). */
export const liteStyles = [baseTokens, base];
