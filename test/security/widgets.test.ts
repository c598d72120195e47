// The security corpus through every widget and feed format, in the real browser.
import { worker, http, HttpResponse } from '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/alert-banner/define.js';
import '../../src/report-form/define.js';
import '../../src/share-bar/define.js';
import '../../src/closure-ticker/define.js';
import { ALL, MARKUP, URLS, pwned, unsafeParts, xmlEscape as x } from './corpus.js';
import { settled, until } from '../helpers.js';

const n = ALL.length;
const url = (i: number) => URLS[i % URLS.length]!;

async function mount(tag: string, attrs: string): Promise<HTMLElement> {
  const wrapper = await fixture(html`<div></div>`);
  wrapper.innerHTML = `<${tag} ${attrs}><a href="/fallback">Fallback</a></${tag}>`; // test markup only
  const el = wrapper.firstElementChild as HTMLElement;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/** Waits for the widget to render its items, then checks nothing unsafe got through. */
async function check(el: HTMLElement, itemSelector: string, expected: number, what: string): Promise<void> {
  await until(() => (el.shadowRoot?.querySelectorAll(itemSelector).length ?? 0) >= expected, `${what}: ${expected} items (have ${el.shadowRoot?.querySelectorAll(itemSelector).length})`, 8000);
  await settled(el);
  expect(pwned(), `${what}: script ran`).to.equal(false);
  expect(unsafeParts(el.shadowRoot!), what).to.deep.equal([]);
  expect(unsafeParts(el.parentElement!), `${what} (light DOM)`).to.deep.equal([]);
  // The safe part of every item is shown.
  const shown = el.shadowRoot!.textContent ?? '';
  for (let i = 0; i < expected; i++) expect(new RegExp(`SAFE${i}(?!\\d)`).test(shown), `${what}: item ${i} shown`).to.equal(true);
}

describe('security corpus', () => {
  it(`has at least 150 hostile inputs (${n})`, () => {
    expect(n).to.be.at.least(150);
  });

  describe('<civic-alert-banner>', () => {
    const feeds: Record<string, () => Response> = {
      json: () =>
        HttpResponse.json({
          alerts: ALL.map((p, i) => ({ id: `a${i}`, title: `SAFE${i} ${p}`, message: p, url: url(i), linkText: p, area: p, severity: 'minor' })),
        }),
      rss: () =>
        HttpResponse.xml(
          `<rss version="2.0"><channel><title>${x(MARKUP[0]!)}</title>${ALL.map((p, i) => `<item><title>${x(`SAFE${i} ${p}`)}</title><description>${x(p)}</description><link>${x(url(i))}</link><guid>${i}</guid><category>${x(p)}</category></item>`).join('')}</channel></rss>`,
        ),
      atom: () =>
        HttpResponse.xml(
          `<feed xmlns="http://www.w3.org/2005/Atom">${ALL.map((p, i) => `<entry><id>${i}</id><title type="html">${x(x(`SAFE${i} `) + p)}</title><summary type="html">${x(p)}</summary><link href="${x(url(i))}"/></entry>`).join('')}</feed>`,
        ),
      cap: () =>
        HttpResponse.xml(
          `<feed xmlns="http://www.w3.org/2005/Atom">${ALL.map(
            (p, i) =>
              `<entry><id>e${i}</id><title>t</title><content type="text/xml"><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>c${i}</identifier><status>Actual</status><msgType>Alert</msgType><info><severity>Moderate</severity><headline>${x(`SAFE${i} ${p}`)}</headline><description><![CDATA[${x(p).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/]]>/g, '')}]]></description><instruction>${x(p)}</instruction><web>${x(url(i))}</web><area><areaDesc>${x(p)}</areaDesc></area></info></alert></content></entry>`,
          ).join('')}</feed>`,
        ),
      'ea-floods': () =>
        HttpResponse.json({
          items: ALL.map((p, i) => ({ floodAreaID: url(i), description: `SAFE${i} ${p}`, message: p, severityLevel: 3, county: p })),
        }),
    };
    for (const [format, body] of Object.entries(feeds)) {
      it(`renders ${n} hostile ${format} alerts as text, with no script, handler or unsafe link`, async () => {
        worker.use(http.get(`/sec/alerts-${format}`, body));
        const el = await mount('civic-alert-banner', `src="/sec/alerts-${format}" format="${format}" max="1000" share`);
        await check(el, '[part~="alert"]', n, `alert banner ${format}`);
        for (const bar of el.shadowRoot!.querySelectorAll('civic-share-bar')) expect(unsafeParts(bar.shadowRoot!)).to.deep.equal([]);
      });
    }

    it('rejects XML entity expansion and external entities, JSON prototype keys and deep nesting, keeping its fallback', async () => {
      const laughs = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><item><title>&c;</title></item></channel></rss>`;
      const xxe = `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><status>Actual</status><msgType>Alert</msgType><info><headline>&xxe;</headline></info></alert>`;
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const proto = '{"alerts":[{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"title":"SAFE0 proto"}]}';
      worker.use(
        http.get('/sec/laughs', () => HttpResponse.xml(laughs)),
        http.get('/sec/xxe', () => HttpResponse.xml(xxe)),
        http.get('/sec/deep', () => HttpResponse.text(deep, { headers: { 'content-type': 'application/json' } })),
        http.get('/sec/proto', () => HttpResponse.text(proto, { headers: { 'content-type': 'application/json' } })),
      );
      for (const path of ['laughs', 'xxe', 'deep']) {
        const el = await mount('civic-alert-banner', `src="/sec/${path}"`);
        await until(() => !!el.shadowRoot!.querySelector('slot'), path);
        await settled(el);
        expect((el.shadowRoot!.querySelector('slot') as HTMLSlotElement).assignedElements()[0]!.textContent, path).to.equal('Fallback');
      }
      const el = await mount('civic-alert-banner', 'src="/sec/proto"');
      await check(el, '[part~="alert"]', 1, 'prototype keys');
      expect(({} as { polluted?: string }).polluted).to.equal(undefined);
    });
  });

  describe('<civic-closure-ticker>', () => {
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const feeds: Record<string, () => Response> = {
      json: () => HttpResponse.json({ closures: ALL.map((p, i) => ({ id: `c${i}`, school: `SAFE${i} ${p}`, status: 'closed', reason: p, affected: [p], area: p, url: url(i) })) }),
      csv: () =>
        HttpResponse.text(
          `school,status,reason,url,affected\n${ALL.map((p, i) => [csvCell(`SAFE${i} ${p}`), 'closed', csvCell(`=HYPERLINK("http://evil.example","${p}")`), csvCell(url(i)), csvCell(p)].join(',')).join('\n')}\n`,
          { headers: { 'content-type': 'text/csv' } },
        ),
      rss: () =>
        HttpResponse.xml(`<rss version="2.0"><channel>${ALL.map((p, i) => `<item><title>${x(`SAFE${i} closed (${p})`)}</title><description>${x(p)}</description><link>${x(url(i))}</link><guid>${i}</guid></item>`).join('')}</channel></rss>`),
    };
    for (const [format, body] of Object.entries(feeds)) {
      it(`renders ${n} hostile ${format} closures as text, in ticker and list mode`, async () => {
        worker.use(http.get(`/sec/closures-${format}`, body));
        for (const mode of ['ticker', 'list']) {
          const el = await mount('civic-closure-ticker', `src="/sec/closures-${format}" format="${format}" mode="${mode}"`);
          await check(el, mode === 'list' ? '[part="list"] .school' : '[part="track"] [part="list"] .school', n, `closure ticker ${format} ${mode}`);
        }
      });
    }
  });

  describe('<civic-share-bar>', () => {
    it(`builds only safe links from ${n} hostile urls and texts`, async () => {
      for (let i = 0; i < n; i += 1) {
        const el = document.createElement('civic-share-bar');
        el.setAttribute('networks', 'facebook,x,whatsapp,bluesky,mastodon,email,sms,copy');
        el.setAttribute('url', url(i));
        el.setAttribute('text', ALL[i]!);
        el.setAttribute('mastodon-instance', ALL[(i + 1) % n]!);
        document.body.append(el);
        await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        expect(unsafeParts(el.shadowRoot!), String(i)).to.deep.equal([]);
        for (const a of el.shadowRoot!.querySelectorAll('a')) expect(a.protocol, String(i)).to.be.oneOf(['https:', 'mailto:', 'sms:']);
        el.remove();
      }
      expect(pwned()).to.equal(false);
    });
  });
});
