// css-tag alone: importing `lit` would bring LitElement into the share bar's file (see lite-element.ts).
import { css } from '@lit/reactive-element/css-tag.js';

export const styles = css`
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-share-bar-gap, var(--_space-2));
  }
  a,
  button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-width: var(--civic-share-bar-button-size, 44px);
    min-height: var(--civic-share-bar-button-size, 44px);
    padding: var(--_space-2) var(--_space-3);
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_link);
    font: inherit;
    text-decoration: none;
    cursor: pointer;
  }
  :host([variant='icons']) :is(a, button) {
    justify-content: center;
    padding: var(--_space-2);
  }
  svg {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  :host([brand-colours]) svg {
    color: var(--_brand-colour, inherit);
  }
  .facebook {
    --_brand-colour: #1877f2;
  }
  .linkedin {
    --_brand-colour: #0a66c2;
  }
  .whatsapp {
    --_brand-colour: #128c7e;
  }
  .bluesky {
    --_brand-colour: #1185fe;
  }
  .mastodon {
    --_brand-colour: #6364ff;
  }
  .reddit {
    --_brand-colour: #ff4500;
  }
  .telegram {
    --_brand-colour: #229ed9;
  }
  .nextdoor {
    --_brand-colour: #00b246;
  }
  p {
    margin: var(--_space-2) 0 0;
    font-weight: 700;
  }

  input {
    max-width: 40rem;
    margin-top: var(--_space-1);
  }
`;
