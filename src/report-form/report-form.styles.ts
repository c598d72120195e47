import { css } from 'lit';

/** GOV.UK Design System form patterns, sized for 320 px and 400% zoom (everything wraps, nothing scrolls sideways). */
export const styles = css`
  :host {
    --_error: var(--civic-report-form-error, #d4351c);
    --_button-bg: var(--civic-report-form-button-background, #00703c);
    --_button-text: var(--civic-report-form-button-text, #ffffff);
    --_panel-bg: var(--civic-report-form-panel-background, #00703c);
    --_panel-text: var(--civic-report-form-panel-text, #ffffff);
    max-width: 40rem;
    overflow-wrap: anywhere;
  }
  h2 {
    margin: 0 0 var(--_space-3);
    font-size: 1.5em;
    line-height: 1.25;
  }
  /* Headings take focus only so a screen reader starts there (GOV.UK): no focus box around them. */
  h2:focus,
  .step-heading:focus-visible {
    outline: none;
    box-shadow: none;
  }
  p {
    margin: 0 0 var(--_space-3);
  }
  .caption {
    display: block;
    color: var(--_muted);
    margin-bottom: var(--_space-1);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    max-width: 100%;
  }
  .group {
    margin-bottom: calc(var(--_space-3) * 1.5);
  }
  .group-error {
    padding-left: var(--_space-3);
    border-left: 5px solid var(--_error);
  }
  .label,
  .group-heading {
    display: block;
    font-weight: 700;
    margin-bottom: var(--_space-1);
  }
  .group-heading {
    margin-top: var(--_space-3);
    font-size: 1.125em;
  }
  .hint {
    color: var(--_muted);
    margin-bottom: var(--_space-2);
  }
  .hint:empty {
    margin: 0;
  }
  .error-message,
  .error-text {
    color: var(--_error);
    font-weight: 700;
    margin-bottom: var(--_space-2);
  }
  textarea {
    resize: vertical;
  }
  .width-10 {
    max-width: 10em;
  }
  .width-20 {
    max-width: 20em;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }
  .choices {
    display: grid;
    gap: var(--_space-2);
  }
  /* A council with thousands of services: a row out of view is not laid out until it scrolls near,
     so drawing the next batch costs that batch, not the whole list again. */
  .service-list > .choice {
    content-visibility: auto;
    contain-intrinsic-size: auto 44px;
  }
  /* GOV.UK's radios and checkboxes: a 40 px box with a thick border drawn on the label, the real
     input (44 px, transparent) over it, so the whole label is the target and forced colours work. */
  .choice {
    position: relative;
    min-height: 40px;
    padding-left: 40px;
  }
  .choice input {
    position: absolute;
    z-index: 1;
    top: -2px;
    left: -2px;
    width: 44px;
    height: 44px;
    min-height: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .choice label {
    display: inline-block;
    margin-bottom: 0;
    padding: 8px 15px 5px;
    cursor: pointer;
    touch-action: manipulation;
  }
  .choice label::before {
    content: '';
    box-sizing: border-box;
    position: absolute;
    top: 0;
    left: 0;
    width: 40px;
    height: 40px;
    border: 2px solid currentColor;
    background: transparent;
  }
  .choice input[type='radio'] + label::before {
    border-radius: 50%;
  }
  .choice label::after {
    content: '';
    position: absolute;
    opacity: 0;
  }
  .choice input[type='radio'] + label::after {
    top: 10px;
    left: 10px;
    width: 0;
    height: 0;
    border: 10px solid currentColor;
    border-radius: 50%;
  }
  .choice input[type='checkbox'] + label::after {
    box-sizing: content-box;
    top: 11px;
    left: 9px;
    width: 18px;
    height: 7px;
    transform: rotate(-45deg);
    border: solid;
    border-width: 0 0 5px 5px;
    border-top-color: transparent;
  }
  .choice input:checked + label::after {
    opacity: 1;
  }
  .choice input:focus-visible + label::before {
    border-width: 4px;
    outline: 3px solid transparent;
    outline-offset: 1px;
    box-shadow: 0 0 0 4px var(--_focus);
  }
  .choice-hint {
    padding-left: 15px;
  }
  /* The photo picker: the native input (its "No file chosen" is in the browser's language, not the
     page's) stays for the files, hidden; a button in the page's language opens it. */
  .file-picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }
  .file-picker .secondary {
    margin: 0;
  }
  .file-input {
    position: absolute;
    width: 1px;
    min-width: 0;
    height: 1px;
    min-height: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    opacity: 0;
    pointer-events: none;
  }
  /* GOV.UK's date input: Day, Month, Year (and Time) side by side, each labelled. */
  .date-input {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  .date-input .item label {
    display: block;
    margin-bottom: var(--_space-1);
  }
  .date-input input {
    width: 3.5em;
  }
  .date-input .year input {
    width: 5em;
  }
  .date-input .time input {
    width: 5em;
  }
  /* A report the council refused: one block, its reasons, and real buttons. */
  .refused {
    margin-bottom: var(--_space-3);
    padding: var(--_space-3);
    border: 5px solid var(--_error);
  }
  .refused h2 {
    font-size: 1.25em;
  }
  .refused .bullets,
  [part='guidance'] {
    margin-bottom: var(--_space-3);
  }
  .refused .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
    margin: 0;
  }
  .refused .actions button {
    margin: 0;
  }
  .secondary.warning {
    background: var(--_error);
    color: #ffffff;
    font-weight: 700;
  }
  .button,
  .secondary {
    display: inline-block;
    width: auto;
    margin: 0 0 var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border: 2px solid transparent;
    box-shadow: 0 2px 0 var(--_text);
  }
  .button {
    background: var(--_button-bg);
    color: var(--_button-text);
    font-weight: 700;
  }
  .secondary {
    background: var(--_surface);
    color: var(--_text);
  }
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .button:focus-visible,
  .secondary:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 2px 0 var(--_focus-text);
  }
  .back-link,
  .link {
    min-width: 0;
    padding: var(--_space-1) 0;
    border: 0;
    background: none;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .back-link {
    position: relative;
    margin-bottom: var(--_space-3);
    padding-left: 14px;
  }
  /* GOV.UK's chevron, drawn with borders: a '‹' in content would be read aloud ("‹ Back"). */
  .back-link::before {
    content: '';
    position: absolute;
    top: 0;
    bottom: 0;
    left: 3px;
    width: 7px;
    height: 7px;
    margin: auto 0;
    border: solid currentColor;
    border-width: 1px 1px 0 0;
    transform: rotate(225deg);
  }
  .back-link:focus-visible,
  .link:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
    text-decoration: none;
  }
  .error-summary {
    margin-bottom: var(--_space-3);
    padding: var(--_space-3);
    border: 5px solid var(--_error);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }
  .error-summary h2 {
    font-size: 1.25em;
  }
  .error-summary ul {
    display: grid;
    gap: var(--_space-2);
  }
  .error-summary li,
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .inset,
  .notice {
    padding: var(--_space-3);
    border-left: 5px solid var(--_brand);
    background: var(--_surface);
  }
  .inset > p {
    margin: 0;
  }
  .inset > p + p {
    margin-top: var(--_space-2);
  }
  /* Red on the grey notice would miss 4.5:1: the red is in the border, the words stay dark. */
  .notice.error-text {
    border-left-color: var(--_error);
    color: var(--_text);
  }
  .bullets {
    list-style: disc;
    padding-left: 1.25em;
  }
  .count-error {
    color: var(--_error);
    font-weight: 700;
  }
  .photos {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: var(--_space-3);
    margin-bottom: var(--_space-3);
  }
  .photos img {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    margin-bottom: var(--_space-1);
  }
  .summary {
    margin: 0 0 calc(var(--_space-3) * 2);
  }
  .summary-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    padding: var(--_space-2) 0;
    border-bottom: 1px solid #b1b4b6;
  }
  .summary dt {
    flex: 1 1 10rem;
    font-weight: 700;
  }
  .summary dd {
    flex: 2 1 14rem;
    margin: 0;
  }
  .summary .actions {
    flex: 0 0 auto;
  }
  .line {
    display: block;
    white-space: pre-line;
  }
  .panel {
    margin-bottom: var(--_space-3);
    padding: calc(var(--_space-3) * 1.5);
    background: var(--_panel-bg);
    color: var(--_panel-text);
    text-align: center;
  }
  .panel h2 {
    font-size: 2em;
  }
  .panel-queued {
    background: var(--_surface);
    color: var(--_text);
    border: 5px solid var(--_brand);
  }
  .reference {
    font-size: 1.5em;
  }
  /* The honeypot: off-screen (not display:none, which bots look for) and hidden from assistive technology. */
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  ::slotted([slot='location']) {
    display: block;
    margin-bottom: var(--_space-3);
  }
`;
