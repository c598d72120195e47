// Class modules have no side effects: importing them registers nothing.
import '../setup.js';
import { expect } from '@open-wc/testing';
import * as library from '../../src/index.js';

describe('the side-effect-free entry (civic-widgets)', () => {
  it('exports the four classes and registers no tag', () => {
    for (const name of ['CivicAlertBanner', 'CivicClosureTicker', 'CivicReportForm', 'CivicShareBar'] as const) {
      expect(library[name], name).to.be.a('function');
    }
    for (const tag of ['civic-alert-banner', 'civic-closure-ticker', 'civic-report-form', 'civic-share-bar']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });
});
