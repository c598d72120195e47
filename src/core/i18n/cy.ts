import type { CoreMessages } from './en.js';

/** Welsh strings, at parity with `en.ts` (Welsh Language Standards). */
export const core: CoreMessages = {
  updatedAt: 'Diweddarwyd {time}',
  updatedOn: 'Diweddarwyd {date} am {time}',
  outOfDate: "Efallai fod yr wybodaeth hon wedi dyddio. Byddwn yn dal ati i geisio'i diweddaru.",
  loadFailed: "Mae'n ddrwg gennym, nid oedd modd llwytho'r wybodaeth hon. Rhowch gynnig arall arni nes ymlaen.",
  loading: 'Wrthi’n llwytho…',
  newTab: '(yn agor mewn tab newydd)',
  errorPrefix: 'Gwall:',
};

/**
 * Welsh day and month names. Chromium ships without Welsh date data (Intl falls back to English),
 * so Welsh dates are built from these names, identically in every browser.
 */
export const days = ['dydd Sul', 'dydd Llun', 'dydd Mawrth', 'dydd Mercher', 'dydd Iau', 'dydd Gwener', 'dydd Sadwrn'];
export const months = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
