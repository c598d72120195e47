import { css } from 'lit';

/*
 * Each severity has its own colours (per-widget tokens falling back to GOV.UK-like defaults, all AA),
 * and is also told apart by its visible label and icon: never by colour alone.
 */
export const styles = css`
  :host {
    --_major-bg: var(--civic-alert-banner-major-background, #942514);
    --_major-fg: var(--civic-alert-banner-major-text, #ffffff);
    --_major-accent: var(--civic-alert-banner-major-accent, #5e1409);
    --_controls-bg: var(--civic-alert-banner-controls-background, var(--_bg));
    --_controls-fg: var(--civic-alert-banner-controls-text, var(--_text));
    --_minor-bg: var(--civic-alert-banner-minor-background, #fff7d6);
    --_minor-fg: var(--civic-alert-banner-minor-text, var(--_text));
    --_minor-accent: var(--civic-alert-banner-minor-accent, #f47738);
    --_info-bg: var(--civic-alert-banner-announcement-background, #e8f1f8);
    --_info-fg: var(--civic-alert-banner-announcement-text, var(--_text));
    --_info-accent: var(--civic-alert-banner-announcement-accent, var(--_brand));
    --_death-bg: var(--civic-alert-banner-notable-death-background, #0b0c0c);
    --_death-fg: var(--civic-alert-banner-notable-death-text, #ffffff);
  }
  :host([empty]) {
    display: none;
  }
  .alert {
    --_fg: var(--_info-fg);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
    align-items: flex-start;
    margin: 0 0 var(--_space-2);
    padding: var(--_space-3);
    border-left: 5px solid var(--_info-accent);
    border-radius: var(--_radius);
    background: var(--_info-bg);
    color: var(--_fg);
  }
  .minor {
    --_fg: var(--_minor-fg);
    background: var(--_minor-bg);
    border-left-color: var(--_minor-accent);
  }
  .major {
    --_fg: var(--_major-fg);
    background: var(--_major-bg);
    border-left-color: var(--_major-accent);
  }
  .notable-death {
    --_fg: var(--_death-fg);
    background: var(--_death-bg);
    border-left-color: var(--_death-bg);
  }
  .major a,
  .notable-death a,
  .major a:visited,
  .notable-death a:visited {
    color: inherit;
  }
  .icon {
    flex: none;
    width: 2rem;
    height: 2rem;
  }
  .body {
    flex: 1 1 14rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  /* Sentence case, as GOV.UK writes: capitals are harder to read. */
  .severity {
    margin: 0;
    font-weight: 700;
  }
  .meaning {
    margin: 0 0 var(--_space-1);
    font-weight: 700;
  }
  .heading {
    margin: 0 0 var(--_space-1);
    font-weight: 700;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .heading:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .message {
    margin: 0 0 var(--_space-2);
    white-space: pre-line;
  }
  .meta,
  .attribution {
    margin: var(--_space-1) 0 0;
    font-size: 0.875em;
  }
  /* One button style for Hide, Show more and Show hidden: outlined in the text colour around it. */
  button {
    background: transparent;
    color: inherit;
  }
  .hide {
    flex: none;
    margin-left: auto;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
    margin: 0 0 var(--_space-2);
    padding: var(--_space-1) var(--_space-2);
    /* Its own colours, from tokens: the banner often sits in a dark site header. */
    background: var(--_controls-bg);
    color: var(--_controls-fg);
  }
  .controls:empty {
    display: none;
  }
  .stale {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border-left: 5px solid var(--_warning);
    background: var(--_surface);
    font-weight: 700;
  }
  .updated {
    margin: 0;
    font-size: 0.875em;
  }
  @media (forced-colors: active) {
    .alert {
      border: 2px solid CanvasText;
      border-left-width: 5px;
    }
  }
`;
