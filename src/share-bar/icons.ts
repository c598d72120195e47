import { svg, type SVGTemplateResult } from 'lit/html.js';
import type { Network } from './networks.js';

// Simple 24×24 glyphs, drawn small on purpose (the bar's whole budget is a few kilobytes); each is
// decorative and always paired with the network's name.
const PATHS: Readonly<Record<Network, string>> = {
  facebook: 'M14 8h3V4h-3c-3 0-5 2-5 5v2H6v4h3v9h4v-9h3l1-4h-4V9l1-1z',
  x: 'M3 3h5l4 6 6-6h3l-8 8 8 10h-5l-5-6-6 6H2l9-9z',
  linkedin: 'M3 9h4v12H3zm2-6a2 2 0 110 4 2 2 0 010-4zm4 6h4v2c2-3 9-3 9 3v7h-4v-6c0-3-5-3-5 0v6H9z',
  whatsapp: 'M12 2a10 10 0 00-9 15l-1 5 5-1a10 10 0 105-19zM8 7h2l1 3-1 1a7 7 0 004 4l1-1 3 1v2c-6 2-12-4-10-10z',
  bluesky: 'M12 11C9 5 3 1 2 5c0 3 1 7 5 7-4 1-4 5 0 6 2 0 4-3 5-5 1 2 3 5 5 5 4-1 4-5 0-6 4 0 5-4 5-7-1-4-7 0-10 6z',
  mastodon: 'M21 8c0-6-5-6-9-6S3 2 3 8c0 5-1 13 9 13l4-1v-2s-9 2-9-2c7 1 14 0 14-5zm-4 6h-2V9c0-2-3-2-3 0v3h-2V9c0-2-3-2-3 0v5H5V9c0-4 5-5 7-2 2-3 7-2 7 2z',
  threads: 'M12 2a10 10 0 100 20l5-1-1-2-4 1a8 8 0 118-8c0 4-4 4-4 1V8h-2v1a4 4 0 101 6c2 3 7 2 7-3A10 10 0 0012 2zm0 12a2 2 0 110-4 2 2 0 010 4z',
  reddit: 'M12 2a10 10 0 100 20 10 10 0 000-20zM7 10h3v3H7zm7 0h3v3h-3zm-7 5h10c-2 4-8 4-10 0z',
  telegram: 'M2 11L22 3l-4 18-6-4-3 3v-5l9-8-11 7z',
  nextdoor: 'M12 3l10 8h-3v9h-5v-6h-4v6H5v-9H2z',
  email: 'M2 5h20v14H2zm2 2v1l8 5 8-5V7l-8 5z',
  sms: 'M3 4h18v12H9l-6 4zm4 5v2h2V9zm4 0v2h2V9zm4 0v2h2V9z',
  copy: 'M8 2h12v14H8zm2 2v10h8V4zM4 6h2v14h12v2H4z',
  native: 'M18 2a3 3 0 11-3 4L9 9v2l6 3a3 3 0 11-1 2l-6-3a3 3 0 110-4l6-3a3 3 0 014-4z',
  print: 'M6 2h12v5H6zM2 8h20v9h-4v5H6v-5H2zm6 7v5h8v-5z',
};

export const icon = (network: Network): SVGTemplateResult =>
  svg`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill-rule="evenodd" d="${PATHS[network]}"></path></svg>`;

/** A network this bar knows (own names only: `constructor` or `__proto__` is no network). */
export const isNetwork = (name: string): name is Network => Object.hasOwn(PATHS, name);
