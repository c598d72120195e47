import '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { isRecord, keysWith, readJson, removeKey, writeJson } from '../../src/core/storage.js';
import { loadList, saveList } from '../../src/core/stored-list.js';
import { clearDraft, loadDraft, saveDraft } from '../../src/report-form/draft.js';
import { emptyDraft } from '../../src/report-form/journey.js';

const numbers = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'number') ? (value) : undefined);

describe('storage (the one Web Storage module)', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => sinon.restore());

  it('round-trips JSON in both areas, through the validator', () => {
    expect(writeJson('local', 'civic-widgets:test-t', [1, 2])).to.equal(true);
    expect(writeJson('session', 'civic-widgets:test-t', [3])).to.equal(true);
    expect(readJson('local', 'civic-widgets:test-t', numbers)).to.deep.equal([1, 2]);
    expect(readJson('session', 'civic-widgets:test-t', numbers)).to.deep.equal([3]);
    removeKey('local', 'civic-widgets:test-t');
    expect(readJson('local', 'civic-widgets:test-t', numbers)).to.equal(undefined);
  });

  it('gives nothing for what the validator refuses, corrupted JSON or a missing key', () => {
    localStorage.setItem('civic-widgets:test-a', '["x"]');
    localStorage.setItem('civic-widgets:test-b', '{not json');
    expect(readJson('local', 'civic-widgets:test-a', numbers)).to.equal(undefined);
    expect(readJson('local', 'civic-widgets:test-b', numbers)).to.equal(undefined);
    expect(readJson('local', 'civic-widgets:c', numbers)).to.equal(undefined);
  });

  it('answers false or nothing, never throws, when storage is full or disabled', () => {
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
    expect(writeJson('local', 'civic-widgets:x', [1])).to.equal(false);
    expect(saveList('test-hidden', ['a'])).to.equal(false);
    sinon.restore();
    sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('denied', 'SecurityError'));
    sinon.stub(Storage.prototype, 'removeItem').throws(new DOMException('denied', 'SecurityError'));
    expect(readJson('local', 'civic-widgets:x', numbers)).to.equal(undefined);
    expect(loadList('test-hidden')).to.deep.equal([]);
    expect(loadDraft('https://council.example/open311')).to.equal(undefined);
    expect(() => clearDraft('https://council.example/open311')).to.not.throw();
  });

  it('lists only its own keys', () => {
    localStorage.setItem('council-cookie-choice', 'no');
    localStorage.setItem('civic-widgets:feed:a', '1');
    expect(keysWith('local', 'civic-widgets:')).to.deep.equal(['civic-widgets:feed:a']);
  });

  it('is what the three wrappers use: lists of strings, drafts as objects only', () => {
    saveList('test-stars', ['a', 'b']);
    localStorage.setItem('civic-widgets:test-mixed', JSON.stringify(['a', 1, null, 'b']));
    expect(loadList('test-stars')).to.deep.equal(['a', 'b']);
    expect(loadList('test-mixed')).to.deep.equal(['a', 'b']);
    saveDraft('https://council.example/open311', { ...emptyDraft(), description: 'Bags' });
    expect(loadDraft('https://council.example/open311')?.description).to.equal('Bags');
    sessionStorage.setItem('civic-widgets:report:https://council.example/other', '["not", "a", "draft"]');
    expect(loadDraft('https://council.example/other')).to.equal(undefined);
    expect(isRecord([])).to.equal(false);
  });
});
