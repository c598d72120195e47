import type { Message } from './text-controller.js';

/** A catalogue with the same keys as English; plural messages may use other CLDR forms. */
type Messages<T> = { [K in keyof T]: Message };

/**
 * English strings. Each widget has its own export so that a page using one widget does not download
 * the others' strings. Keys are named for their meaning; `cy.ts` has the same keys.
 */
export const core = {
  updatedAt: 'Updated {time}',
  updatedOn: 'Updated {date} at {time}',
  changedAt: 'Last changed at {time}',
  changedOn: 'Last changed on {date} at {time}',
  unchangedAt: 'Unchanged since {time}',
  unchangedOn: 'Unchanged since {date} at {time}',
};

export type CoreMessages = Messages<typeof core>;

export const alertBanner = {
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
};

export type AlertBannerMessages = Messages<typeof alertBanner>;

export const shareBar = {
  label: 'Share this page',
  newTab: '(opens in new tab)',
  shareOn: 'Share on {network}',
  email: 'Share by email',
  sms: 'Share by text message',
  native: 'Share…',
  copy: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Press Ctrl+C to copy',
  linkField: 'Link to this page',
  print: 'Print this page',
};

export type ShareBarMessages = Messages<typeof shareBar>;

export const closureTicker = {
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

export type ClosureTickerMessages = Messages<typeof closureTicker>;
