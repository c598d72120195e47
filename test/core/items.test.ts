import { expectingBugs, takeErrors } from '../setup.js';
import { expect } from '@open-wc/testing';
import { mapItems } from '../../src/core/formats/items.js';
import { FeedError } from '../../src/core/feed/feed-error.js';

describe('mapItems', () => {
  it('drops and counts malformed items (undefined, or FeedError) quietly', () => {
    const result = mapItems([1, 2, 3, 4], (n) => {
      if (n === 2) return undefined;
      if (n === 3) throw new FeedError('shape');
      return n * 10;
    });
    expect(result).to.deep.equal({ items: [10, 40], skipped: 2 });
    expect(takeErrors()).to.deep.equal([]);
  });

  it('reports a bug in the mapping (a TypeError) instead of counting it as bad data, and keeps the other items', async () => {
    const result = await expectingBugs(() => Promise.resolve(mapItems([{ a: { b: 1 } }, {}] as { a?: { b: number } }[], (item) => item.a!.b)));
    expect(result.items).to.deep.equal([1]);
    const reported = takeErrors();
    expect(reported).to.have.length(1);
    expect(reported[0]).to.match(/TypeError|undefined/);
  });
});
