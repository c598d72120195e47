import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The languages every visible string exists in. */
export type Lang = 'en' | 'cy';

/** `cy`, `cy-GB`, `CY` → `cy`; everything else → `en`. */
export function toLang(tag: string | null | undefined): Lang {
  return /^cy(-|$)/i.test(tag?.trim() ?? '') ? 'cy' : 'en';
}

/** The language of the nearest `[lang]`: the element, its ancestors (across shadow roots), then `<html>`. */
export function langOf(el: Element): Lang {
  for (let node: Node | null = el; node; ) {
    if (node instanceof Element && node.hasAttribute('lang')) return toLang(node.getAttribute('lang'));
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  return toLang(document.documentElement.lang);
}

type LangHost = ReactiveControllerHost & HTMLElement;

/**
 * Keeps `lang` equal to the host's nearest `[lang]`. One MutationObserver for the whole document
 * re-evaluates every connected host when any `lang` attribute changes.
 */
export class LangController implements ReactiveController {
  static #hosts = new Set<LangController>();
  static #observer: MutationObserver | undefined;

  lang: Lang = 'en';
  readonly #host: LangHost;

  constructor(host: LangHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    LangController.#hosts.add(this);
    if (!LangController.#observer && typeof MutationObserver !== 'undefined') {
      LangController.#observer = new MutationObserver(() => {
        for (const controller of LangController.#hosts) controller.check();
      });
      LangController.#observer.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang'],
        subtree: true,
      });
    }
    this.lang = langOf(this.#host);
  }

  hostDisconnected(): void {
    LangController.#hosts.delete(this);
  }

  /** Re-reads the language and re-renders the host if it changed. */
  check(): void {
    const lang = langOf(this.#host);
    if (lang !== this.lang) {
      this.lang = lang;
      this.#host.requestUpdate();
    }
  }
}
