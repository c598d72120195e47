// The security corpus through <civic-report-form>: everything an Open311 server sends is shown as
// text, and every link it could influence is http(s) only.
import { worker, http, HttpResponse } from '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/report-form/define.js';
import type { CivicReportForm } from '../../src/report-form/report-form.js';
import { ALL, URLS, pwned, unsafeParts, xmlEscape as x } from './corpus.js';
import { MEDIA, OPEN311, resetOpen311 } from '../mocks/open311.js';
import { settled, until } from '../helpers.js';
import { $, $$, mount, next, ready, summary, textOf, toDetails, type, useJourneySetup } from '../report-form/helpers.js';

const n = ALL.length;
const EP = `endpoint="${OPEN311}"`;
/** The form's own <form> element is expected; nothing else on the unsafe list is. */
const unsafe = (el: CivicReportForm) => unsafeParts(el.shadowRoot!).filter((p) => p !== '<form>');

function expectSafe(el: CivicReportForm, what: string): void {
  expect(pwned(), `${what}: script ran`).to.equal(false);
  expect(unsafe(el), what).to.deep.equal([]);
  expect(unsafeParts(el), `${what} (light DOM)`).to.deep.equal([]);
}

describe('security corpus: <civic-report-form>', () => {
  useJourneySetup();

  it(`shows ${n} hostile service names, descriptions and groups as text`, async () => {
    worker.use(
      http.get(`${OPEN311}/services.json`, () =>
        HttpResponse.json(ALL.map((p, i) => ({ service_code: `S${i}`, service_name: `SAFE${i} ${p}`, description: p, group: i % 2 ? p : 'Roads', metadata: false }))),
      ),
    );
    const el = await mount(EP);
    await ready(el);
    // A long list is drawn a batch at a time.
    await until(() => $$(el, '.choice').length >= n, 'every service drawn');
    expect($$(el, '.choice')).to.have.length(n);
    const labels = $$(el, '.choice label').map(textOf);
    // Grouped by their (hostile) group names, so not in index order: each must be there once.
    for (let i = 0; i < n; i++) expect(labels.filter((label) => label.startsWith(`SAFE${i} `)), `service ${i}`).to.have.length(1);
    expectSafe(el, 'services');
    await type(el, 'filter', '<script>');
    expectSafe(el, 'filtered services');
  });

  it(`shows ${n} hostile questions, hints and answers as text`, async () => {
    const attributes = ALL.map((p, i) => ({
      code: `Q${i}`,
      variable: i % 7 !== 0,
      datatype: ['string', 'text', 'singlevaluelist', 'multivaluelist', 'number', 'datetime'][i % 6],
      required: false,
      order: i,
      description: `SAFE${i} ${p}`,
      datatype_description: p,
      values: [
        { key: p, name: p },
        { key: `k${i}`, name: `SAFE${i}` },
      ],
    }));
    worker.use(http.get(`${OPEN311}/services/FLY.json`, () => HttpResponse.json({ service_code: 'FLY', attributes })));
    const el = await mount(EP);
    await toDetails(el, 'service-0');
    await until(() => $$(el, '[part="field"], [part="guidance"]').length > n / 2, 'the questions');
    const text = el.shadowRoot!.textContent ?? '';
    for (let i = 0; i < n; i++) expect(text.includes(`SAFE${i} `), `question ${i}`).to.equal(true);
    expectSafe(el, 'questions');
  });

  it(`shows ${n} hostile error descriptions, notices and references as text, with only http(s) track links`, async function () {
    this.timeout(60_000); // 20 whole journeys: slow on a busy 2-core machine
    for (let i = 0; i < n; i += 9) {
      const p = ALL[i]!;
      resetOpen311();
      sessionStorage.clear();
      worker.use(
        http.post(`${OPEN311}/requests.json`, () => HttpResponse.json([{ code: 400, description: `SAFE${i} ${p}` }], { status: 400 }), { once: true }),
        http.post(`${OPEN311}/requests.json`, () => HttpResponse.json([{ service_request_id: p, service_notice: `SAFE${i} ${p}` }]), { once: true }),
      );
      const el = await mount(`${EP} services="GRAF" contact="none" track-url="${x(URLS[i % URLS.length]!)}{id}" privacy-url="${x(p)}"`);
      await toDetails(el, 'service-0');
      await type(el, 'description', 'y');
      await next(el);
      sinon.clock.tick(5000);
      await next(el);
      await until(() => summary(el).length > 1, `error ${i}`);
      expect(summary(el)[1]!.startsWith(`SAFE${i}`)).to.equal(true);
      expectSafe(el, `error ${i}`);
      await next(el);
      await until(() => !!$(el, '[part="confirmation"]'), `confirmation ${i}`);
      expect(textOf(el.shadowRoot!.querySelector('[part="confirmation"] ~ p'))).to.contain(`SAFE${i}`);
      for (const a of el.shadowRoot!.querySelectorAll('a')) expect(a.protocol, `track link ${i}`).to.be.oneOf(['http:', 'https:']);
      expectSafe(el, `confirmation ${i}`);
      el.remove();
    }
  });

  it('rejects XML entity expansion and external entities in services.xml, keeping the fallback', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><services><service><service_code>A</service_code><service_name>&b;</service_name></service></services>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><services><service><service_code>A</service_code><service_name>&xxe;</service_name></service></services>`;
    for (const body of [laughs, xxe]) {
      worker.use(http.get(`${OPEN311}/services.xml`, () => HttpResponse.xml(body), { once: true }));
      const el = await mount(`${EP} response-format="xml"`);
      await until(() => !!$(el, '[part="message"]'), 'the unavailable message');
      expect((el.shadowRoot!.querySelector('slot:not([name])') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Report a problem');
      el.remove();
    }
  });

  it('ignores prototype keys in JSON answers', async () => {
    worker.use(
      http.get(`${OPEN311}/services.json`, () =>
        HttpResponse.text('[{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"service_code":"A","service_name":"SAFE0"}]', { headers: { 'content-type': 'application/json' } }),
      ),
    );
    const el = await mount(EP);
    await ready(el);
    expect(textOf($(el, '.choice label'))).to.equal('SAFE0');
    expect(({} as { polluted?: string }).polluted).to.equal(undefined);
  });

  it('never sends a media_url the photo store gave as javascript: or data:', async () => {
    worker.use(http.post(MEDIA, () => HttpResponse.json({ url: 'javascript:alert(1)//.jpg' })));
    const el = await mount(`${EP} media-endpoint="${MEDIA}" services="GRAF" contact="none"`);
    await toDetails(el, 'service-0');
    await type(el, 'description', 'y');
    const canvas = new OffscreenCanvas(40, 30);
    canvas.getContext('2d')!.fillRect(0, 0, 40, 30);
    const transfer = new DataTransfer();
    transfer.items.add(new File([await canvas.convertToBlob({ type: 'image/png' })], 'p.png', { type: 'image/png' }));
    const input = $<HTMLInputElement>(el, '#photos')!;
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await until(() => !!$(el, '[part="field"] img'), 'the preview');
    expect($(el, '[part="field"] img')!.getAttribute('src')).to.match(/^data:image\/jpeg;base64,/);
    await next(el);
    sinon.clock.tick(5000);
    await next(el);
    await until(() => summary(el).length > 0, 'the error');
    await settled(el);
    expect(summary(el)[0]).to.contain('not working');
    expectSafe(el, 'media');
  });
});
