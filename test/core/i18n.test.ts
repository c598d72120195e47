import '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import sinon from 'sinon';
import { CivicElement } from '../../src/core/civic-element.js';
import { TextController } from '../../src/core/i18n/text-controller.js';
import { formatDate, formatTime, londonDay, pluralCategory } from '../../src/core/i18n/format.js';
import { toLang } from '../../src/core/i18n/lang.js';
import * as core from '../../src/core/i18n/messages.js';
import * as alertBanner from '../../src/alert-banner/messages.js';
import * as closureTicker from '../../src/closure-ticker/messages.js';
import * as reportForm from '../../src/report-form/messages.js';
import * as shareBar from '../../src/share-bar/messages.js';

const en = { core: core.en };
const cy = { core: core.cy };
/** Each catalogue, from its own folder. */
const catalogues = { core, alertBanner, closureTicker, reportForm, shareBar };
/** Strings that are the same in both languages: only placeholders and punctuation. */
const sameInBoth = (key: string, text: string) => key === 'rowProblem' /* "Problem" is Welsh too */ || !text.replace(/\{\w+\}/g, '').replace(/[\p{P}\p{S}\s]/gu, '');
import { until } from '../helpers.js';

const catalogue = {
  en: { ...en.core, cats: { one: '{count} cat', other: '{count} cats' } },
  cy: {
    ...cy.core,
    // Welsh mutates the noun after numbers: cath, gath, chath, cathod.
    cats: { zero: '{count} cathod', one: '{count} gath', two: '{count} gath', few: '{count} chath', many: '{count} chath', other: '{count} cath' },
  },
};

class TextTest extends CivicElement {
  readonly text = new TextController(this, catalogue);
  override render() {
    return litHtml`<p>${this.text.t('updatedAt', { time: '07:42' })}</p>`;
  }
}
TextTest.define('text-test');

const shown = (el: TextTest) => el.shadowRoot!.querySelector('p')!.textContent;

describe('i18n', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
    sinon.restore();
  });

  it('has every English string in Welsh, and no Welsh string left in English', () => {
    expect(Object.keys(cy.core).sort()).to.deep.equal(Object.keys(en.core).sort());
    for (const key of Object.keys(en.core) as (keyof typeof en.core)[]) {
      expect(cy.core[key], key).to.be.a('string').and.not.equal('');
      expect(cy.core[key], key).to.not.equal(en.core[key]);
    }
  });

  for (const [name, { en: english, cy: welsh }] of Object.entries(catalogues)) {
    it(`has every ${name} string in Welsh (its own folder's catalogue), none left in English`, () => {
      expect(Object.keys(welsh).sort()).to.deep.equal(Object.keys(english).sort());
      for (const [key, value] of Object.entries(english)) {
        const cyValue: unknown = (welsh as Record<string, unknown>)[key];
        expect(cyValue, key).to.not.equal(undefined);
        if (typeof value === 'string') {
          expect(cyValue, key).to.be.a('string').and.not.equal('');
          if (!sameInBoth(key, value)) expect(cyValue, key).to.not.equal(value);
        } else expect((cyValue as { other?: string }).other, `${key} (other)`).to.be.a('string').and.not.equal(value.other);
      }
    });
  }

  it('uses all six Welsh plural forms (zero, one, two, few, many, other)', async () => {
    const el = await fixture<TextTest>(html`<text-test lang="cy"></text-test>`);
    const forms = [0, 1, 2, 3, 6, 4, 10, 100].map((n) => el.text.plural('cats', n));
    expect(forms).to.deep.equal(['0 cathod', '1 gath', '2 gath', '3 chath', '6 chath', '4 cath', '10 cath', '100 cath']);
    expect([0, 1, 2, 3, 6, 4].map((n) => pluralCategory(n, 'cy'))).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
    el.lang = 'en';
    await until(() => el.text.lang === 'en', 'English');
    expect([0, 1, 2].map((n) => el.text.plural('cats', n))).to.deep.equal(['0 cats', '1 cat', '2 cats']);
  });

  it('takes the language from the nearest [lang]: the element, its ancestors across shadow roots, then <html>', async () => {
    document.documentElement.lang = 'cy';
    const bare = await fixture<TextTest>(html`<text-test></text-test>`);
    expect(shown(bare)).to.equal('Diweddarwyd 07:42');

    const wrapper = await fixture(html`<div lang="en-GB"><section><text-test></text-test></section></div>`);
    expect(shown(wrapper.querySelector('text-test')!)).to.equal('Updated 07:42');

    const own = await fixture<TextTest>(html`<text-test lang="CY-gb"></text-test>`);
    expect(own.text.lang).to.equal('cy');

    const host = await fixture(html`<div lang="cy"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('text-test') as TextTest;
    root.append(inner);
    await inner.updateComplete;
    document.documentElement.lang = 'en';
    expect(inner.text.lang).to.equal('cy');
  });

  it('re-renders when a lang attribute changes anywhere above it', async () => {
    const wrapper = await fixture(html`<div lang="en"><text-test></text-test></div>`);
    const el = wrapper.querySelector<TextTest>('text-test')!;
    wrapper.setAttribute('lang', 'cy');
    await until(() => shown(el) === 'Diweddarwyd 07:42', 'Welsh');
    wrapper.removeAttribute('lang');
    await until(() => shown(el) === 'Updated 07:42', 'back to the page language');
  });

  it('lets one instance override any string, by property or JSON attribute, for all or one language', async () => {
    const el = await fixture<TextTest>(html`<text-test strings='{"updatedAt":"Refreshed {time}","cy":{"updatedAt":"Adnewyddwyd {time}"}}'></text-test>`);
    expect(shown(el)).to.equal('Refreshed 07:42');
    el.lang = 'cy';
    await until(() => shown(el) === 'Adnewyddwyd 07:42', 'Welsh override');
    el.strings = { cats: { one: 'un gath', other: '{count} o gathod' } };
    expect(el.text.plural('cats', 1)).to.equal('un gath');
    expect(el.text.plural('cats', 5)).to.equal('5 o gathod');
  });

  it('ignores a strings attribute that is not a JSON object, with a warning and nothing thrown', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fixture<TextTest>(html`<text-test strings="{oops"></text-test>`);
    expect(shown(el)).to.equal('Updated 07:42');
    expect(warn.calledOnce).to.equal(true);
    el.setAttribute('strings', '["a"]');
    await el.updateComplete;
    expect(shown(el)).to.equal('Updated 07:42');
  });

  it('formats times and dates in Europe/London, in English and Welsh', () => {
    const winter = new Date('2026-01-09T07:42:00Z');
    const summer = new Date('2026-07-10T06:42:00Z'); // 07:42 BST
    expect(formatTime(winter, 'en')).to.equal('07:42');
    expect(formatTime(summer, 'en')).to.equal('07:42');
    expect(formatTime(new Date('2026-07-10T23:30:00Z'), 'cy')).to.equal('00:30');
    expect(londonDay(new Date('2026-07-10T23:30:00Z'))).to.equal('2026-07-11');
    const now = new Date('2026-01-01T12:00:00Z');
    expect(formatDate(winter, 'en', now)).to.equal('Friday 9 January');
    expect(formatDate(winter, 'cy', now)).to.equal('dydd Gwener 9 Ionawr');
    expect(formatDate(summer, 'cy', now)).to.equal('dydd Gwener 10 Gorffennaf');
    expect(formatDate(new Date('2026-03-29T00:30:00Z'), 'cy', now)).to.equal('dydd Sul 29 Mawrth');
    expect(formatDate(winter, 'en', new Date('2025-12-01T12:00:00Z'))).to.equal('Friday 9 January 2026');
  });

  it('maps language tags to en or cy', () => {
    expect(['cy', 'CY', 'cy-GB', ' cy ', 'en', 'en-GB', 'fr', '', null, undefined, 'cym'].map(toLang)).to.deep.equal([
      'cy', 'cy', 'cy', 'cy', 'en', 'en', 'en', 'en', 'en', 'en', 'en',
    ]);
  });
});
