/**
 * Input as a hostile or careless publisher sends it, over whole classes (issue 19), as fast-check
 * properties: names that are lookup keys, malformed Unicode, text that outgrows a link.
 * The widgets meet the same classes in hostile-widgets.test.ts.
 */
import { takeErrors } from '../setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encode, lineText, plainText, wellFormed } from '../../src/core/text.js';
import { idOf } from '../../src/core/formats/items.js';
import { FeedInput } from '../../src/core/feed/input.js';
import { civicJson } from '../../src/alert-banner/formats/civic-json.js';
import { adapters as closureAdapters } from '../../src/closure-ticker/formats/index.js';
import { answerOf, emptyDraft, requestFields, reviveDraft } from '../../src/report-form/journey.js';
import { readDefinition, readServices, type Attribute } from '../../src/report-form/open311/open311.js';
import { localAttribute, localService } from '../../src/report-form/service-strings.js';
import { MAX_URL, shareLink, type Network } from '../../src/share-bar/networks.js';
import { isNetwork } from '../../src/share-bar/icons.js';
import { graphemes } from '../../src/core/text.js';
import { awkwardText, outsideName } from './arbitraries.js';

const lone = /\p{Cs}/u;
const bidi = /[\u202a-\u202e\u2066-\u2069]/;
const prototypeIntact = () => {
  expect(Object.keys(Object.prototype), 'Object.prototype untouched').to.deep.equal([]);
  expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
};

describe('hostile input (issue 19): properties over whole classes', () => {
  afterEach(() => expect(takeErrors(), 'no bug reported').to.deep.equal([]));

  describe('names from outside used as lookup keys', () => {
    it('share bar: a network name is a network only if the bar knows it; links for known ones never throw', () => {
      fc.assert(
        fc.property(outsideName, (name) => {
          const known = ['facebook', 'x', 'linkedin', 'whatsapp', 'bluesky', 'mastodon', 'threads', 'reddit', 'telegram', 'nextdoor', 'email', 'sms', 'native', 'copy', 'print'];
          expect(isNetwork(name), name).to.equal(known.includes(name));
          const link = shareLink(name as Network, { url: 'https://council.example/news', text: 'Bins' });
          if (!['facebook', 'x', 'linkedin', 'whatsapp', 'bluesky', 'mastodon', 'threads', 'reddit', 'telegram', 'nextdoor', 'email', 'sms'].includes(name)) expect(link, name).to.equal(undefined);
        }),
        { numRuns: 300 },
      );
      prototypeIntact();
    });

    it('report form: attribute codes, value keys and service codes are codes like any other (answers, fields, Welsh words, stored drafts)', () => {
      fc.assert(
        fc.property(fc.uniqueArray(outsideName, { minLength: 1, maxLength: 6 }), fc.array(outsideName, { maxLength: 4 }), (codes, keys) => {
          const attributes: Attribute[] = codes.map((code, order) => ({
            code,
            variable: true,
            datatype: order % 2 ? 'multivaluelist' : 'singlevaluelist',
            required: true,
            description: `Q ${order}`,
            hint: '',
            order,
            values: keys.map((key) => ({ key, name: key })),
          }));
          // Nothing answered yet: no code finds an answer on the prototype.
          for (const a of attributes) expect(answerOf(emptyDraft(), a.code), a.code).to.deep.equal([]);
          const answers = Object.fromEntries(codes.map((code, i) => [code, i % 2 ? ['a', 'b'] : 'a']));
          // As stored in sessionStorage and brought back.
          const draft = reviveDraft(JSON.parse(JSON.stringify({ ...emptyDraft(), service: codes[0], attributes: answers })) as never);
          expect(Object.keys(draft.attributes).sort()).to.deep.equal([...codes].sort());
          for (const [i, code] of codes.entries()) expect(answerOf(draft, code), code).to.deep.equal(i % 2 ? ['a', 'b'] : ['a']);
          const fields = requestFields(draft, attributes, 'none');
          for (const [i, code] of codes.entries()) {
            const name = i % 2 ? `attribute[${code}][]` : `attribute[${code}]`;
            expect(fields.filter(([n]) => n === name).map(([, v]) => v), code).to.deep.equal(i % 2 ? ['a', 'b'] : ['a']);
          }
          // The council's Welsh words, keyed by the same codes.
          const strings = JSON.parse(JSON.stringify({ [codes[0]!]: { name: 'Enw', attributes: { [codes[0]!]: { description: 'Cwestiwn' } } } })) as Record<string, unknown>;
          expect(localService({ code: codes[0]!, name: 'Name', description: '', group: '', metadata: true }, strings).name).to.equal('Enw');
          expect(localAttribute(codes[0]!, attributes[0]!, strings).description).to.equal('Cwestiwn');
          for (const other of codes.slice(1)) expect(localService({ code: other, name: 'Name', description: '', group: '', metadata: false }, strings).name, other).to.equal('Name');
        }),
        { numRuns: 200 },
      );
      prototypeIntact();
    });

    it('Open311: services and definitions whose codes and keys are built-in names are read as they are', () => {
      fc.assert(
        fc.property(fc.uniqueArray(outsideName, { minLength: 1, maxLength: 5 }), (codes) => {
          const services = readServices(new FeedInput(JSON.stringify(codes.map((code) => ({ service_code: code, service_name: `S ${code}`, metadata: true }))), 'application/json', 'https://x.example/'));
          expect(services.map((s) => s.code)).to.deep.equal(codes.map((c) => idOf(c)).filter(Boolean));
          const xml = `<service_definition><attributes>${codes.map((c, i) => `<attribute><code>${c.replace(/[<&]/g, '')}</code><datatype>singlevaluelist</datatype><variable>true</variable><order>${i}</order><values><value><key>${c.replace(/[<&]/g, '')}</key><name>n</name></value></values></attribute>`).join('')}</attributes></service_definition>`;
          const definition = readDefinition(new FeedInput(xml, 'text/xml', 'https://x.example/'));
          expect(definition.every((a) => typeof a.code === 'string' && Array.isArray(a.values))).to.equal(true);
        }),
        { numRuns: 200 },
      );
      prototypeIntact();
    });

    it('feeds: ids, severities, statuses and areas that are built-in names never stop the other items', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ id: outsideName, severity: outsideName, status: outsideName, area: outsideName }), { minLength: 1, maxLength: 6 }), async (rows) => {
          const alerts = await civicJson.parse(new FeedInput(JSON.stringify({ alerts: rows.map((r) => ({ ...r, title: `T ${r.id}` })) }), 'application/json', 'https://x.example/'));
          expect(alerts.alerts.length + alerts.skipped).to.equal(rows.length);
          for (const a of alerts.alerts) expect(['notable-death', 'major', 'minor', 'announcement']).to.include(a.severity);
          const closures = await closureAdapters['json']!.parse(new FeedInput(JSON.stringify({ closures: rows.map((r) => ({ ...r, school: `S ${r.id}` })) }), 'application/json', 'https://x.example/'));
          expect(closures.closures.length + closures.skipped).to.equal(rows.length);
        }),
        { numRuns: 150 },
      );
      prototypeIntact();
    });
  });

  describe('malformed Unicode', () => {
    it('text a widget shows is well-formed, without bidi controls, marks without a character or towers of marks, within its length', () => {
      fc.assert(
        fc.property(awkwardText, fc.integer({ min: 2, max: 40 }), (text, max) => {
          for (const out of [plainText(text, max), lineText(text, max)]) {
            expect(lone.test(out), JSON.stringify(out)).to.equal(false);
            expect(bidi.test(out), JSON.stringify(out)).to.equal(false);
            expect(/^\p{M}|\n\p{M}/u.test(out), JSON.stringify(out)).to.equal(false);
            expect(/\p{M}{4}/u.test(out), JSON.stringify(out)).to.equal(false);
            expect(out.length).to.be.at.most(max);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('text a widget sends or links to encodes without a URIError, and ids stay well-formed when cut', () => {
      fc.assert(
        fc.property(awkwardText, (text) => {
          expect(() => encode(text)).to.not.throw();
          expect(decodeURIComponent(encode(text))).to.equal(wellFormed(text));
          const id = idOf(`${'x'.repeat(199)}${text}`);
          if (id) expect(() => encodeURIComponent(id)).to.not.throw();
          for (const network of ['x', 'whatsapp', 'email', 'telegram', 'sms'] as Network[]) {
            expect(() => shareLink(network, { url: 'https://council.example/news', text }), network).to.not.throw();
          }
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('text that outgrows a link', () => {
    it('every network keeps its link within MAX_URL, the text cut between characters, and says when it cut', () => {
      const networks: Network[] = ['facebook', 'x', 'linkedin', 'whatsapp', 'bluesky', 'mastodon', 'threads', 'reddit', 'telegram', 'nextdoor', 'email', 'sms'];
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 1500 }), fc.constantFrom(...networks), (text, network) => {
          const url = 'https://council.example/news/gritting-tonight';
          const link = shareLink(network, { url, text })!;
          expect(link, network).to.not.equal(undefined);
          expect(link.href.length, network).to.be.at.most(MAX_URL);
          const sent = [...new URL(link.href.replace(/^(mailto|sms):\?&?/, 'https://mail.example/?')).searchParams.values()].join(' ');
          const whole = graphemes(text);
          if (!link.shortened) {
            if (whole.length && ['x', 'whatsapp', 'telegram', 'email', 'sms', 'bluesky', 'threads', 'reddit', 'mastodon', 'nextdoor'].includes(network)) expect(sent, network).to.contain(text.trim());
          } else {
            // What was kept is the text's first characters, whole graphemes only, then "…".
            const kept = graphemes(sent.split('…')[0]!.replace(/\s*https:\/\/council\.example\S*/, ''));
            expect(whole.slice(0, kept.length).join('').trimEnd(), network).to.equal(kept.join('').trimEnd());
          }
        }),
        { numRuns: 400 },
      );
    });
  });
});
