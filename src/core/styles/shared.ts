import { css } from 'lit';
import { tokens } from './tokens.js';

/**
 * Styles every widget starts from: tokens, the inherited font, GOV.UK's yellow focus ring with a
 * dark underline (visible on any background), a visually-hidden utility and forced-colors support.
 */
export const sharedStyles = [
  tokens,
  css`
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
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    a {
      color: var(--_link);
      text-decoration-thickness: max(1px, 0.0625rem);
      text-underline-offset: 0.15em;
    }
    a:visited {
      color: var(--_link-visited);
    }
    a:hover {
      text-decoration-thickness: max(3px, 0.1875rem);
    }
    a:focus-visible {
      outline: 3px solid transparent;
      color: var(--_focus-text);
      background-color: var(--_focus);
      box-shadow:
        0 -2px var(--_focus),
        0 4px var(--_focus-text);
      text-decoration: none;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible,
    [tabindex]:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 0;
      box-shadow: inset 0 0 0 2px var(--_focus-text);
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px !important;
      height: 1px !important;
      margin: 0 !important;
      padding: 0 !important;
      overflow: hidden !important;
      clip-path: inset(50%) !important;
      white-space: nowrap !important;
      border: 0 !important;
    }
    svg {
      fill: currentColor;
    }
    @media (forced-colors: active) {
      a:focus-visible,
      button:focus-visible,
      input:focus-visible,
      select:focus-visible,
      textarea:focus-visible,
      [tabindex]:focus-visible {
        outline: 3px solid CanvasText;
      }
      svg {
        fill: CanvasText;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        animation-duration: 0.01ms !important;
        animation-iteration-count: 1 !important;
        transition-duration: 0.01ms !important;
        scroll-behavior: auto !important;
      }
    }
  `,
];
