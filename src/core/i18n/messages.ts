/**
 * Strings shared by the feed widgets (freshness lines), English and Welsh. Each widget's own strings
 * are in its folder (`alert-banner/messages.ts`…); the report form's in `report-form/messages.ts`.
 */
import type { Messages } from './message.js';

export const en = {
  updatedAt: 'Updated {time}',
  updatedOn: 'Updated {date} at {time}',
  changedAt: 'Last changed at {time}',
  changedOn: 'Last changed on {date} at {time}',
  unchangedAt: 'Unchanged since {time}',
  unchangedOn: 'Unchanged since {date} at {time}',
};

export type CoreMessages = Messages<typeof en>;

export const cy: CoreMessages = {
  updatedAt: 'Diweddarwyd {time}',
  updatedOn: 'Diweddarwyd {date} am {time}',
  changedAt: 'Newidiwyd ddiwethaf am {time}',
  changedOn: 'Newidiwyd ddiwethaf ar {date} am {time}',
  unchangedAt: 'Heb newid ers {time}',
  unchangedOn: 'Heb newid ers {date} am {time}',
};
