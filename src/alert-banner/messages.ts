/**
 * The alert banner's strings, English and Welsh (at parity: Welsh Language Standards). Keyed by
 * meaning; plural messages use CLDR forms (Welsh has all six). In the widget's own folder, so a
 * page that loads one widget downloads only its strings.
 */
import type { Messages } from '../core/i18n/message.js';

export const en = {
  region: 'Service alerts',
  'severity.major': 'Major alert',
  'severity.minor': 'Minor alert',
  'severity.announcement': 'Announcement',
  'severity.notable-death': 'Notable death',
  testAlert: 'Test alert',
  moreInformation: 'More information',
  hide: 'Hide',
  hideAlert: 'Hide alert: {title}',
  showMore: { one: 'Show {count} more alert', other: 'Show {count} more alerts' },
  showFewer: 'Show fewer alerts',
  showHidden: { one: 'Show {count} hidden alert', other: 'Show {count} hidden alerts' },
  area: 'Area: {area}',
  outOfDate: 'These alerts may be out of date. We will keep trying to update them.',
  newAlert: '{severity}: {title}',
  // The Environment Agency's own words for its levels, and what each means (GOV.UK flood warnings).
  'ea.1': 'Severe flood warning',
  'ea.2': 'Flood warning',
  'ea.3': 'Flood alert',
  'eaMeaning.1': 'Danger to life.',
  'eaMeaning.2': 'Flooding is expected. Immediate action required.',
  'eaMeaning.3': 'Flooding is possible. Be prepared.',
  eaAttribution: 'This uses Environment Agency flood and river level data from the real-time data API (Beta).',
  metAttribution: 'Weather warning from the Met Office. © Crown copyright.',
};

export type AlertBannerMessages = Messages<typeof en>;

export const cy: AlertBannerMessages = {
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
  metAttribution: 'Rhybudd tywydd gan y Swyddfa Dywydd. © Hawlfraint y Goron.',
};
