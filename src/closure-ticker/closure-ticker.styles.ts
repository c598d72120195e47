import { css } from 'lit';

/**
 * The moving ticker, only where there is room (36 rem) and motion is welcome: the widget sets
 * `.moving` (see closure-ticker.ts for why not a media query). Without it (a phone, Reduce Motion,
 * before the first measure) the ticker is a still list of the first closures.
 */
const moving = css`
  .moving .viewport {
    /* Fading edges: nothing is cut off sharply mid-word. */
    mask-image: linear-gradient(to right, transparent, #000 1.5rem, #000 calc(100% - 1.5rem), transparent);
  }
  .moving .pause {
    display: inline-block;
  }
  .moving .track {
    width: max-content;
    animation: civic-scroll var(--_duration, 30s) linear infinite;
  }
  .moving .track ul,
  .moving .track .copy {
    display: flex;
    flex-direction: row;
    gap: var(--_space-4, 1.5rem);
    padding: 0 1.5rem;
  }
  .moving .track .item,
  .moving:not(.expanded) .track ul > li:nth-child(n + 4) {
    display: flex;
    white-space: nowrap;
  }
  .moving .show-all {
    display: none;
  }
  .moving:hover .track,
  .moving:focus-within .track,
  .moving.paused .track {
    animation-play-state: paused;
  }
`;

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
    align-items: baseline;
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
  /* It may wrap ("Closed until Monday 12 January" is wider than a phone's column); it stays on one
     line only in the moving ticker, where .item is nowrap. */
  .status {
    color: var(--_c);
    font-weight: 700;
  }
  /* A shape for each status (closed ●, partly open ◐, late start or closing early ▲, open ■), so that
     colour is never the only difference. */
  .dot {
    display: inline-block;
    box-sizing: border-box;
    width: 0.75em;
    height: 0.75em;
    margin-right: 0.35em;
    background: currentColor;
    forced-color-adjust: none;
  }
  .closed .dot {
    border-radius: 50%;
  }
  .partially-open .dot {
    border: 2px solid currentColor;
    border-radius: 50%;
    background: linear-gradient(90deg, currentColor 50%, transparent 50%);
  }
  .late-start .dot,
  .early-close .dot {
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  .fresh {
    background: var(--_surface);
    outline: 2px solid var(--_warning);
  }
  .ticker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  /* At least 15 rem before "Show all" sits beside it: on a phone the button goes under the schools,
     which used to be squeezed into a column a word wide and cut off. */
  .viewport {
    flex: 1 1 15rem;
    min-width: 0;
    overflow: hidden;
  }
  /* Still by default: the first closures as a list, the rest behind "Show all". */
  .pause,
  .track .copy {
    display: none;
  }
  .track {
    display: flex;
  }
  .track ul {
    display: flex;
    flex-direction: column;
  }
  .ticker:not(.expanded) .track ul > li:nth-child(n + 4) {
    display: none;
  }
  .show-all {
    display: inline-flex;
  }
  @keyframes civic-scroll {
    to {
      transform: translateX(-50%);
    }
  }
  section {
    container: ticker / inline-size;
  }
  ${moving}
  /* The list: a row per school, its name and details, status, then actions, aligned in columns. */
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-3);
    align-items: start;
    padding: var(--_space-2) 0;
    border-bottom: 1px solid var(--_border, #b1b4b6);
  }
  .row .name,
  .row .state {
    display: flex;
    flex-direction: column;
  }
  .row .reason,
  .row .affected,
  .row .when {
    color: var(--_muted);
  }
  .row .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
  }
  /* Mobile first: one column, then aligned columns where there is room. Proportional columns (the
     actions' only as wide as its widest button at least) line every row up like a table. */
  @container ticker (min-width: 30rem) {
    .row {
      grid-template-columns: minmax(0, 9fr) minmax(0, 5fr) minmax(min-content, 6fr);
    }
    .row .actions {
      justify-content: flex-end;
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
  /* "My school": a visible label, not a bare star. */
  .star {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-height: 44px;
    white-space: nowrap;
  }
  .star-icon {
    font-size: 1.2em;
  }
  .star[aria-pressed='true'] {
    font-weight: 700;
  }
  /* A target of at least 44 px high, clear of the ticker's Pause button (WCAG 2.5.8). */
  .see-all {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
`;
