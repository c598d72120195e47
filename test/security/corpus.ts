/**
 * Hostile inputs for every text and URL field of every feed format. Kept in one table so that each
 * widget and parser meets all of them. Every payload tries to set `window.__pwned`.
 */
const PWN = 'window.__pwned=1';

/** Markup and script that must only ever appear as text. */
export const MARKUP = [
  `<script>${PWN}</script>`,
  `<img src=x onerror="${PWN}">`,
  `<svg onload="${PWN}"></svg>`,
  `<svg><script>${PWN}</script></svg>`,
  `"><script>${PWN}</script>`,
  `'><img src=x onerror=${PWN}>`,
  `<iframe src="javascript:${PWN}"></iframe>`,
  `<a href="javascript:${PWN}">click</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${PWN}">`,
  `<details open ontoggle="${PWN}">`,
  `<body onload="${PWN}">`,
  `<input autofocus onfocus="${PWN}">`,
  `<video><source onerror="${PWN}"></video>`,
  `<object data="javascript:${PWN}"></object>`,
  `<embed src="javascript:${PWN}">`,
  `<base href="javascript:/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${PWN}">`,
  `<style>*{display:none}</style>`,
  `<form action="javascript:${PWN}"><button>go</button></form>`,
  `<template><img src=x onerror="${PWN}"></template>`,
  `&lt;script&gt;${PWN}&lt;/script&gt;`,
  `&amp;lt;img src=x onerror=${PWN}&amp;gt;`,
  `{{constructor.constructor('${PWN}')()}}`,
  `\${${PWN}}`,
  `<!--<img src=x onerror="${PWN}">-->`,
  `<noscript><p title="</noscript><img src=x onerror=${PWN}>">`,
  `<svg><animate onbegin="${PWN}" attributeName=x dur=1s>`,
  `<marquee onstart="${PWN}">`,
  `\u202e\u0000\u0007<b>control</b>\ufeff`,
  `<img src="x" onerror="${PWN}" style="position:fixed;inset:0">`,
];

const SCHEMES = [
  `javascript:${PWN}`,
  `data:text/html,<script>${PWN}</script>`,
  `data:image/svg+xml,<svg onload="${PWN}"/>`,
  `vbscript:msgbox(1)`,
  `jav&#x09;ascript:${PWN}`,
  `&#106;avascript:${PWN}`,
  `&#x6A;avascript:${PWN}`,
  `javascript&colon;${PWN}`,
  `java\u0000script:${PWN}`,
  `%6Aavascript:${PWN}`,
  `javascript%3A${PWN}`,
  `\u200bjavascript:${PWN}`,
  `file:///etc/passwd`,
  `blob:https://example.org/x`,
  `java\nscript:${PWN}`,
  `&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${PWN}`,
  `javascript://%0a${PWN}`,
  `JaVaScRiPt:${PWN}`,
  `data:,${PWN}`,
  `javascript:/*--></title></style></textarea></script><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${PWN}//'>`,
  `\\javascript:${PWN}`,
  `jAvAsCrIpT&#58;${PWN}`,
  `javascript&#x3A;${PWN}`,
  `%26%23106%3Bavascript:${PWN}`,
  `ja&Tab;vascript:${PWN}`,
];

/** Each scheme trick as written, and with the disguises feeds add: case, spaces, tabs, line breaks. */
export const URLS = SCHEMES.flatMap((u) => [u, u.toUpperCase(), ` ${u}`, `\t${u}\n`, `\u0001${u}`, `\u00a0${u}`]);

/** Everything together: at least 150 distinct hostile inputs. */
export const ALL = [...new Set([...MARKUP, ...URLS])];

export const pwned = (): boolean => (window as { __pwned?: unknown }).__pwned !== undefined;

export const xmlEscape = (s: string) =>
  // eslint-disable-next-line no-control-regex
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** Checks a rendered widget: no script ran, no handler attribute, no dangerous element, only allowed links. */
export function unsafeParts(root: ShadowRoot | Element): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) if (/^on/i.test(name)) problems.push(`${el.localName}[${name}]`);
    if (/^(script|iframe|object|embed|img|base|meta|form|template|video|source|math|marquee|details|style|animate)$/.test(el.localName)) {
      problems.push(`<${el.localName}>`);
    }
    const href = el.getAttribute('href');
    if (href !== null && !/^(https?|mailto|tel|sms):$/.test(new URL(href, location.href).protocol)) problems.push(`href=${href.slice(0, 40)}`);
  }
  return problems;
}
