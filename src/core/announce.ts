/**
 * Screen-reader announcements that never move focus.
 *
 * Two live regions (polite and assertive) live at the end of `<body>`, shared by every widget and
 * every copy of the library on the page. They are created when the first widget connects, before any
 * text is set, because NVDA and VoiceOver ignore a region that appears already holding its text.
 * Each announcement replaces the region's child element, which is read as an addition even when the
 * same words come twice.
 */
export type Politeness = 'polite' | 'assertive';

const ATTR = 'data-civic-live';

function region(politeness: Politeness): HTMLElement | undefined {
  if (typeof document === 'undefined' || !document.body) return undefined;
  let el = document.querySelector<HTMLElement>(`[${ATTR}="${politeness}"]`);
  if (!el) {
    el = document.createElement('div');
    el.setAttribute(ATTR, politeness);
    el.setAttribute('aria-live', politeness);
    el.setAttribute('aria-atomic', 'true');
    if (politeness === 'assertive') el.setAttribute('role', 'alert');
    // Visually hidden, but not display:none (which would hide it from assistive technology too).
    el.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
    document.body.append(el);
  }
  return el;
}

/** Creates both live regions if they are not there yet. Called when a widget connects. */
export function prepareAnnouncer(): void {
  region('polite');
  region('assertive');
}

/** Announces `text` politely (default) or assertively, without moving focus. */
export function announce(text: string, politeness: Politeness = 'polite'): void {
  const el = region(politeness);
  if (!el || !text) return;
  const line = document.createElement('p');
  line.textContent = text;
  el.replaceChildren(line);
}
