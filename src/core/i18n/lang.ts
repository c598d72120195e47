/** The languages every visible string exists in. */
export type Lang = 'en' | 'cy';

/** `cy`, `cy-GB`, `CY` → `cy`; everything else → `en`. */
export function toLang(tag: string | null | undefined): Lang {
  return /^cy(-|$)/i.test(tag?.trim() ?? '') ? 'cy' : 'en';
}

/** The language of the nearest `[lang]`: the element, its ancestors (across shadow roots), then `<html>`. */
export function langOf(el: Element): Lang {
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof Element && node.hasAttribute('lang')) return toLang(node.getAttribute('lang'));
  }
  return toLang(document.documentElement.lang);
}
