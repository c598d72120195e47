/**
 * English strings. Each widget has its own export so that a page using one widget does not download
 * the others' strings. Keys are named for their meaning; `cy.ts` has the same keys.
 */
export const core = {
  updatedAt: 'Updated {time}',
  updatedOn: 'Updated {date} at {time}',
  outOfDate: 'This information may be out of date. We will keep trying to update it.',
  loadFailed: 'Sorry, we could not load this information. Please try again later.',
  loading: 'Loading…',
  newTab: '(opens in new tab)',
  errorPrefix: 'Error:',
};

export type CoreMessages = typeof core;
