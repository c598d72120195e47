import { css } from 'lit';

/* Status is told by words, a shape and colour: never colour alone. */
export const styles = css`
  :host {
    --_closed: var(--civic-closure-ticker-closed, #942514);
    --_partial: var(--civic-closure-ticker-partial, #8a4b00);
    --_open: var(--civic-closure-ticker-open, #00703c);
  }
  section {
    padding: var(--_space-2) var(--_space-3);
    background: var(--_bg);
    border-left: 5px solid var(--_brand);
  }
  p {
    margin: 0 0 var(--_space-2);
  }
  .stale {
    padding: var(--_space-1) var(--_space-2);
    border-left: 5px solid var(--_warning);
    background: var(--_surface);
    font-weight: 700;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-3);
  }
  .updated,
  .hint {
    color: var(--_muted);
  }
  .item {
    --_c: var(--_closed);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--_space-2);
    padding: var(--_space-1) 0;
  }
  .partially-open,
  .late-start,
  .early-close {
    --_c: var(--_partial);
  }
  .open {
    --_c: var(--_open);
  }
  .status {
    color: var(--_c);
    font-weight: 700;
  }
  .dot {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    margin-right: 0.3em;
    background: currentColor;
  }
  .closed .dot {
    border-radius: 50%;
  }
  .fresh {
    background: var(--_surface);
    outline: 2px solid var(--_warning);
  }
  .ticker {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .viewport {
    flex: 1;
    min-width: 0;
    overflow: hidden;
  }
  .track {
    display: flex;
    width: max-content;
    animation: civic-scroll var(--_duration, 30s) linear infinite;
  }
  .track ul {
    display: flex;
    gap: var(--_space-4, 1.5rem);
    padding-right: 1.5rem;
  }
  .track .item {
    white-space: nowrap;
  }
  .ticker:hover .track,
  .ticker:focus-within .track,
  .paused .track {
    animation-play-state: paused;
  }
  @keyframes civic-scroll {
    to {
      transform: translateX(-50%);
    }
  }
  /* No motion at all: a static, wrapping list, and nothing to pause. */
  @media (prefers-reduced-motion: reduce) {
    .pause,
    .track .copy {
      display: none;
    }
    .track,
    .track ul {
      width: auto;
      flex-wrap: wrap;
    }
    .track .item {
      white-space: normal;
    }
  }
  label {
    display: block;
    font-weight: 700;
  }
  h3 {
    margin: var(--_space-3) 0 var(--_space-1);
    font-size: 1.1em;
  }
  .star {
    padding: 0;
    border: 0;
    font-size: 1.3em;
  }
  /* A target of at least 44 px high, clear of the ticker's Pause button (WCAG 2.5.8). */
  .see-all {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
`;
