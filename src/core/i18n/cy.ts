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
