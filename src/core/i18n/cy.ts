import type { AlertBannerMessages, ClosureTickerMessages, CoreMessages, ShareBarMessages } from './en.js';

/** Welsh strings, at parity with `en.ts` (Welsh Language Standards). */
export const core: CoreMessages = {
  updatedAt: 'Diweddarwyd {time}',
  updatedOn: 'Diweddarwyd {date} am {time}',
  changedAt: 'Newidiwyd ddiwethaf am {time}',
  changedOn: 'Newidiwyd ddiwethaf ar {date} am {time}',
  unchangedAt: 'Heb newid ers {time}',
  unchangedOn: 'Heb newid ers {date} am {time}',
};

export const alertBanner: AlertBannerMessages = {
  region: 'Rhybuddion gwasanaeth',
  'severity.major': 'Rhybudd mawr',
  'severity.minor': 'Rhybudd bach',
  'severity.announcement': 'Cyhoeddiad',
  'severity.notable-death': 'Marwolaeth nodedig',
  testAlert: 'Rhybudd prawf',
  moreInformation: 'Rhagor o wybodaeth',
  hide: 'Cuddio',
  hideAlert: 'Cuddio rhybudd: {title}',
  // Welsh counts take the singular noun; "dau" (2) softens rhybudd → rybudd.
  showMore: { two: 'Dangos {count} rybudd arall', other: 'Dangos {count} rhybudd arall' },
  showFewer: 'Dangos llai o rybuddion',
  showHidden: { two: 'Dangos {count} rybudd cudd', other: 'Dangos {count} rhybudd cudd' },
  area: 'Ardal: {area}',
  outOfDate: "Efallai fod y rhybuddion hyn wedi dyddio. Byddwn yn dal ati i geisio'u diweddaru.",
  newAlert: '{severity}: {title}',
  // Natural Resources Wales's Welsh words for the same levels.
  'ea.1': 'Rhybudd llifogydd difrifol',
  'ea.2': 'Rhybudd llifogydd',
  'ea.3': 'Hysbysiad llifogydd',
  'eaMeaning.1': 'Perygl i fywyd.',
  'eaMeaning.2': 'Disgwylir llifogydd. Mae angen gweithredu ar unwaith.',
  'eaMeaning.3': 'Mae llifogydd yn bosibl. Byddwch yn barod.',
  eaAttribution: "Mae hwn yn defnyddio data llifogydd a lefelau afonydd Asiantaeth yr Amgylchedd o'r API data amser real (Beta).",
};

export const shareBar: ShareBarMessages = {
  label: "Rhannu'r dudalen hon",
  newTab: '(yn agor mewn tab newydd)',
  shareOn: 'Rhannu ar {network}',
  email: 'Rhannu drwy e-bost',
  sms: 'Rhannu drwy neges destun',
  native: 'Rhannu…',
  copy: 'Copïo dolen',
  copied: "Dolen wedi'i chopïo",
  copyFailed: 'Pwyswch Ctrl+C i gopïo',
  linkField: "Dolen i'r dudalen hon",
  print: "Argraffu'r dudalen hon",
};

export const closureTicker: ClosureTickerMessages = {
  region: 'Ysgolion ar gau',
  // Welsh counts take the singular noun: "3 ysgol ar gau".
  closedCount: { other: '{count} ysgol ar gau' },
  partialCount: { other: "{count} ar agor yn rhannol" },
  lateCount: { other: '{count} yn dechrau’n hwyr' },
  earlyCount: { other: '{count} yn cau’n gynnar' },
  none: "Dim ysgolion ar gau wedi'u hadrodd",
  outOfDate: "Efallai fod y wybodaeth hon wedi dyddio. Byddwn yn dal ati i geisio'i diweddaru.",
  tomorrow: 'Ysgolion ar gau yfory, {date}',
  'status.closed': 'Ar gau',
  'status.partially-open': 'Ar agor yn rhannol',
  'status.late-start': 'Dechrau’n hwyr',
  'status.early-close': 'Cau’n gynnar',
  'status.open': 'Ar agor',
  closedToday: 'Ar gau heddiw',
  closedTomorrow: 'Ar gau yfory',
  closedUntil: 'Ar gau tan {date}',
  openingAt: 'Yn agor am {time}',
  closingAt: 'Yn cau am {time}',
  affected: "Yn effeithio ar: {list}",
  moreInformation: 'Rhagor o wybodaeth',
  pause: 'Oedi',
  play: 'Chwarae',
  seeAll: "Gweld pob ysgol ar gau",
  find: 'Dod o hyd i ysgol',
  findHint: 'Enw ysgol neu URN',
  found: { zero: "Heb ddod o hyd i ysgolion", other: "Wedi dod o hyd i {count} ysgol" },
  mySchools: 'Fy ysgolion',
  mySchool: 'Fy ysgol',
  showAll: { other: 'Dangos pob un o’r {count} ysgol' },
  showFirst: 'Dangos llai',
  moreClosed: { other: '{count} ysgol arall ar gau' },
};

/**
 * Welsh day and month names. Chromium ships without Welsh date data (Intl falls back to English),
 * so Welsh dates are built from these names, identically in every browser.
 */
export const days = ['dydd Sul', 'dydd Llun', 'dydd Mawrth', 'dydd Mercher', 'dydd Iau', 'dydd Gwener', 'dydd Sadwrn'];
export const months = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
