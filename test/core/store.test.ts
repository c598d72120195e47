import '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { MAX_CHARS, MAX_ENTRIES, readStored, writeStored } from '../../src/core/feed/store.js';

const ours = () => Object.keys(localStorage).filter((key) => key.startsWith('civic-widgets:feed:'));

describe('stored copies', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => sinon.restore());

  it('round-trips data with its fetch time, keyed by kind and URL', () => {
    writeStored('alerts', 'https://a.example/feed', { items: ['x'] }, 1000);
    expect(readStored('alerts', 'https://a.example/feed')).to.deep.equal({ data: { items: ['x'] }, fetchedAt: 1000 });
    expect(readStored('closures', 'https://a.example/feed')).to.equal(undefined);
    expect(readStored('alerts', 'https://b.example/feed')).to.equal(undefined);
  });

  it(`keeps at most ${MAX_ENTRIES} copies, dropping the oldest first`, () => {
    for (let i = 0; i < MAX_ENTRIES + 5; i++) writeStored('alerts', `https://a.example/${i}`, { i }, 1000 + i);
    expect(ours()).to.have.length(MAX_ENTRIES);
    expect(readStored('alerts', 'https://a.example/0')).to.equal(undefined);
    expect(readStored('alerts', `https://a.example/${MAX_ENTRIES + 4}`)?.data).to.deep.equal({ i: MAX_ENTRIES + 4 });
  });

  it('does not keep a copy over the size bound (and removes an older one for that URL)', () => {
    writeStored('alerts', 'https://a.example/big', { small: true }, 1);
    writeStored('alerts', 'https://a.example/big', { text: 'x'.repeat(MAX_CHARS) }, 2);
    expect(readStored('alerts', 'https://a.example/big')).to.equal(undefined);
  });

  it('leaves other sites’ keys alone', () => {
    localStorage.setItem('council-cookie-choice', 'no');
    for (let i = 0; i < MAX_ENTRIES + 2; i++) writeStored('alerts', `https://a.example/${i}`, {}, i);
    expect(localStorage.getItem('council-cookie-choice')).to.equal('no');
  });

  it('makes room when storage is full by dropping its own older copies', () => {
    writeStored('alerts', 'https://a.example/old', { old: true }, 1);
    const real = Storage.prototype.setItem.bind(localStorage);
    let calls = 0;
    sinon.stub(Storage.prototype, 'setItem').callsFake((key: string, value: string) => {
      if (calls++ === 0) throw new DOMException('full', 'QuotaExceededError');
      real(key, value);
    });
    writeStored('alerts', 'https://a.example/new', { fresh: true }, 2);
    expect(readStored('alerts', 'https://a.example/new')?.data).to.deep.equal({ fresh: true });
    expect(readStored('alerts', 'https://a.example/old')).to.equal(undefined);
  });

  it('never throws when storage is unavailable', () => {
    localStorage.clear(); // WebKit runs every file in one page: nothing left from another file
    sinon.stub(window, 'localStorage').get(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    // WebKit keeps the real getter: make every use of Storage fail there too.
    for (const method of ['getItem', 'setItem', 'removeItem', 'key'] as const) {
      sinon.stub(Storage.prototype, method).throws(new DOMException('denied', 'SecurityError'));
    }
    expect(() => writeStored('alerts', 'https://a.example/x', {}, 1)).to.not.throw();
    expect(readStored('alerts', 'https://a.example/x')).to.equal(undefined);
  });
});
