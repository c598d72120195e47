import { worker, http, HttpResponse } from '../setup.js';
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '../harness/engine.js';
import sinon from 'sinon';
import '../../src/report-form/define.js';
import type { CivicReportForm } from '../../src/report-form/report-form.js';
import { MEDIA, OPEN311 } from '../mocks/open311.js';
import { expectAccessible } from '../a11y.js';
import { until } from '../helpers.js';
import { $, answerFlyTipping, choose, focused, heading, mount, next, ready, type, useJourneySetup, toDetails } from './helpers.js';

const ATTRS = `endpoint="${OPEN311}" media-endpoint="${MEDIA}" privacy-url="/privacy" track-url="/reports/{id}" contact="required"`;

/** No part of the widget is wider than the viewport (WCAG 1.4.10 reflow: 320 CSS px is 1280 px at 400%). */
function expectNoSidewaysScroll(el: CivicReportForm, what: string): void {
  const wide = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter((node) => node.getBoundingClientRect().right > window.innerWidth + 1);
  expect(wide.map((node) => `${node.localName}.${node.className}`), `${what}: wider than 320 px`).to.deep.equal([]);
  expect(document.documentElement.scrollWidth, `${what}: page scrolls sideways`).to.be.at.most(window.innerWidth);
}

describe('<civic-report-form> accessibility', () => {
  useJourneySetup();
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['en', 'cy']) {
    it(`passes axe and reflows at 320 px at every step and state (${lang})`, async function () {
      this.timeout(40_000); // axe on twelve states
      await setViewport({ width: 320, height: 640 });
      const check = async (el: CivicReportForm, state: string) => {
        await el.updateComplete;
        await expectAccessible(el, `${state} (${lang})`);
        expectNoSidewaysScroll(el, `${state} (${lang})`);
      };
      const el = await mount(ATTRS, lang);
      await check(el, 'loading (fallback)');
      await ready(el);
      await check(el, 'step 1');
      await next(el);
      await check(el, 'step 1 with an error');
      await choose(el, 'service-0');
      await next(el);
      await check(el, 'step 2');
      await next(el);
      await check(el, 'step 2 with an error');
      await type(el, 'address', 'Outside the Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch post office, by the long wall');
      await next(el);
      await until(() => !!$(el, '#attr-1-0'), 'questions');
      await check(el, 'step 3 with every datatype and the photo field');
      await next(el);
      await check(el, 'step 3 with errors');
      await answerFlyTipping(el);
      await next(el);
      await check(el, 'step 4');
      await next(el);
      await check(el, 'step 4 with an error');
      await type(el, 'email', 'resident@example.org');
      await next(el);
      await check(el, 'step 5, check your answers');
      worker.use(http.post(`${OPEN311}/requests.json`, () => new HttpResponse(null, { status: 500 }), { once: true }));
      sinon.clock.tick(5000);
      await next(el);
      await until(() => !!$(el, '[part="error-summary"]'), 'the server error');
      await check(el, 'step 5 with a server error');
      await next(el);
      await until(() => !!$(el, '[part="confirmation"]'), 'the confirmation');
      await check(el, 'confirmation');
    });

    it(`passes axe when unavailable, in a long filtered list, queued offline and then refused (${lang})`, async () => {
      worker.use(http.get(`${OPEN311}/services.json`, () => new HttpResponse(null, { status: 500 }), { once: true }));
      const broken = await mount(ATTRS, lang);
      await until(() => !!$(broken, '[part="message"]'), 'the unavailable message');
      await expectAccessible(broken, `unavailable (${lang})`);
      broken.remove();

      const many = Array.from({ length: 10 }, (_, i) => ({ service_code: `S${i}`, service_name: `Problem ${i}`, description: 'Hint', metadata: false, group: i < 5 ? 'Streets' : '' }));
      worker.use(http.get(`${OPEN311}/services.json`, () => HttpResponse.json(many), { once: true }));
      const long = await mount(ATTRS, lang);
      await ready(long);
      await type(long, 'filter', '1');
      await expectAccessible(long, `filtered list (${lang})`);
      long.remove();

      let offline = true;
      worker.use(http.post(`${OPEN311}/requests.json`, () => (offline ? HttpResponse.error() : HttpResponse.json([{ code: 400, description: 'Outside Anyshire' }], { status: 400 }))));
      const el = await mount(`endpoint="${OPEN311}" contact="none"`, lang);
      await toDetails(el);
      await type(el, 'description', 'Tags');
      await next(el);
      sinon.clock.tick(5000);
      await next(el);
      await until(() => !!$(el, '.panel-queued'), 'the queued panel');
      await expectAccessible(el, `queued (${lang})`);
      // Back online, the council refuses it: the reasons, with "Change it and send again" and "Delete it".
      offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => !!$(el, '[part="refused"]'), 'the refused notice');
      await expectAccessible(el, `refused (${lang})`);
    });
  }

  it('works end to end with the keyboard alone, focus following each step', async () => {
    const el = await mount(`endpoint="${OPEN311}" contact="optional"`);
    await ready(el);
    const tabTo = async (check: () => boolean, what: string) => {
      for (let i = 0; i < 30 && !check(); i++) await sendKeys({ press: 'Tab' });
      expect(check(), `Tab reaches ${what}`).to.equal(true);
    };
    await tabTo(() => focused(el)?.id === 'service-0', 'the first problem');
    await sendKeys({ press: 'ArrowDown' }); // radios: arrows move and choose
    expect(focused(el)?.id).to.equal('service-1');
    expect($<HTMLInputElement>(el, '#service-1')!.checked).to.equal(true);
    await sendKeys({ press: 'Enter' }); // Enter in a form submits it: Continue
    await until(() => heading(el) === 'Where is it?', 'step 2');
    expect(focused(el), 'the new step’s heading').to.equal($(el, '[part="heading"]'));
    await tabTo(() => focused(el)?.id === 'address', 'the address');
    await sendKeys({ type: 'Bus shelter on Mill Road' });
    await tabTo(() => focused(el)?.getAttribute('part') === 'submit-button', 'Continue');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'Tell us about the problem', 'step 3');
    await tabTo(() => focused(el)?.id === 'description', 'the description');
    await sendKeys({ type: 'Spray paint on the glass' });
    await tabTo(() => focused(el)?.getAttribute('part') === 'submit-button', 'Continue (skipping the hidden honeypot)');
    await sendKeys({ press: 'Space' });
    await until(() => heading(el) === 'Your contact details (optional)', 'step 4');
    await tabTo(() => focused(el)?.id === 'email', 'the email');
    await sendKeys({ type: 'me@example.org' });
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'Check your answers before sending your report', 'step 5');
    expect(focused(el)).to.equal($(el, '[part="heading"]'));
    await tabTo(() => focused(el)?.getAttribute('part') === 'submit-button', 'Send report');
    sinon.clock.tick(5000);
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'Report sent', 'the confirmation');
    expect(focused(el)).to.equal($(el, '[part="heading"]'));
    await tabTo(() => focused(el)?.textContent?.trim() === 'Report another problem', 'Report another problem');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'What is the problem?', 'a new report');
    expect(focused(el)).to.equal($(el, '[part="heading"]'));
  });

  it('has no motion to reduce: the form neither animates nor transitions', async () => {
    const el = await mount(ATTRS);
    await ready(el);
    const moving = [...el.shadowRoot!.querySelectorAll('*')].filter((node) => {
      const style = getComputedStyle(node);
      return style.animationName !== 'none' || (style.transitionDuration !== '0s' && style.transitionProperty !== 'all');
    });
    expect(moving.map((node) => node.localName)).to.deep.equal([]);
  });
});
