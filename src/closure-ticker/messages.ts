/**
 * The closure ticker's strings, English and Welsh (at parity: Welsh Language Standards). Keyed by
 * meaning; plural messages use CLDR forms (Welsh has all six). In the widget's own folder, so a
 * page that loads one widget downloads only its strings.
 */
import type { Messages } from '../core/i18n/message.js';

export const en = {
  region: 'School closures',
  closedCount: { one: '{count} school closed', other: '{count} schools closed' },
  partialCount: { one: '{count} partially open', other: '{count} partially open' },
  lateCount: { one: '{count} late start', other: '{count} late starts' },
  earlyCount: { one: '{count} closing early', other: '{count} closing early' },
  none: 'No school closures reported',
  outOfDate: 'These closures may be out of date. We will keep trying to update them.',
  tomorrow: 'Closures for tomorrow, {date}',
  'status.closed': 'Closed',
  'status.partially-open': 'Partially open',
  'status.late-start': 'Late start',
  'status.early-close': 'Closing early',
  'status.open': 'Open',
  closedToday: 'Closed today',
  closedTomorrow: 'Closed tomorrow',
  closedUntil: 'Closed until {date}',
  openingAt: 'Opening at {time}',
  closingAt: 'Closing at {time}',
  affected: 'Affected: {list}',
  moreInformation: 'More information',
  pause: 'Pause',
  play: 'Play',
  seeAll: 'See all closures',
  find: 'Find a school',
  findHint: 'School name or URN',
  found: { zero: 'No schools found', one: '{count} school found', other: '{count} schools found' },
  mySchools: 'My schools',
  mySchool: 'My school',
  showAll: { one: 'Show all {count} closure', other: 'Show all {count} closures' },
  showFirst: 'Show fewer',
  moreClosed: { one: '{count} more school closed', other: '{count} more schools closed' },
};

export type ClosureTickerMessages = Messages<typeof en>;

export const cy: ClosureTickerMessages = {
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
