import { worker, http, HttpResponse, expectingBugs, takeErrors } from '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/report-form/define.js';
import type { CivicErrorEvent, CivicQueuedEvent, CivicSubmittedEvent } from '../../src/core/events.js';
import { outboxEntries } from '../../src/report-form/outbox.js';
import type { CivicReportForm } from '../../src/report-form/report-form.js';
import { OPEN311, open311HandlersAt, received, setTokenDelay } from '../mocks/open311.js';
import { collect, settled, until } from '../helpers.js';
import { $, $$, answerFlyTipping, choose, focused, heading, mount, next, ready, summary, textOf, toCheck, type, useJourneySetup, toDetails } from './helpers.js';

const EP = `endpoint="${OPEN311}"`;


/** A graffiti report (no questions) on "Where is it?", after pressing "Use my location". */
async function useMyLocation(attrs: string, lang = 'en'): Promise<CivicReportForm> {
  const el = await mount(attrs, lang);
  await ready(el);
  await choose(el, 'service-1');
  await next(el);
  $<HTMLButtonElement>(el, '#use-location')!.click();
  await el.updateComplete;
  return el;
}

describe('<civic-report-form>', () => {
  let clock: sinon.SinonFakeTimers;
  useJourneySetup();
  beforeEach(() => (clock = sinon.clock));

  describe('loading', () => {
    it('shows the fallback until services load, then the first step with groups in the server’s order and descriptions as hints', async () => {
      const el = await mount(EP);
      expect(el.shadowRoot!.querySelector('slot:not([name])'), 'fallback slot while loading').to.not.equal(null);
      await ready(el);
      expect(heading(el)).to.equal('What is the problem?');
      expect(textOf($(el, '#step-of'))).to.equal('Step 1 of 5');
      expect($$(el, '.group-heading').map(textOf)).to.deep.equal(['Street cleaning', 'Roads']);
      expect($$(el, '.choice label').map(textOf)).to.deep.equal(['Fly-tipping', 'Graffiti', 'Pothole']);
      expect(textOf($(el, '#service-1-hint'))).to.equal('Graffiti on walls, signs or bus shelters.');
      expect($(el, '#service-1')!.getAttribute('aria-describedby')).to.equal('service-1-hint');
      expect(el.shadowRoot!.querySelector('slot:not([name])'), 'fallback hidden once ready').to.equal(null);
      expect($(el, '#filter'), 'no filter for 3 services').to.equal(null);
    });

    it('offers only the codes in `services`, in that order', async () => {
      const el = await mount(`${EP} services="POT, FLY"`);
      await ready(el);
      expect($$(el, '.choice label').map(textOf)).to.deep.equal(['Pothole', 'Fly-tipping']);
    });

    it('keeps the fallback with a message when services cannot load, fires civic-error, and recovers when back online', async () => {
      worker.use(http.get(`${OPEN311}/services.json`, () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }), { once: true }));
      const errors = collect<CivicErrorEvent>(document, 'civic-error');
      const el = await mount(EP);
      await until(() => !!$(el, '[part="message"]'), 'the unavailable message');
      expect(textOf($(el, '[part="message"]'))).to.contain('cannot be loaded');
      expect(el.shadowRoot!.querySelector('slot:not([name])')).to.not.equal(null);
      expect(errors.map((e) => [e.detail.status, e.detail.reason])).to.deep.equal([[502, 'http']]);
      window.dispatchEvent(new Event('online'));
      await ready(el);
      expect(heading(el)).to.equal('What is the problem?');
    });

    it('loads again when moved in the page while it could not load (its retry went with it)', async () => {
      worker.use(http.get(`${OPEN311}/services.json`, () => new HttpResponse(null, { status: 503 }), { once: true }));
      const el = await mount(EP);
      await until(() => !!$(el, '[part="message"]'), 'the unavailable message');
      const home = el.parentElement!;
      el.remove();
      home.append(el); // a CMS moving the block, or a framework re-rendering it
      await ready(el);
      expect(heading(el)).to.equal('What is the problem?');
    });

    it('brings back the saved journey of each endpoint it is pointed at, not only the first', async () => {
      const other = 'https://other-council.example/open311/v2';
      worker.use(...open311HandlersAt(other, 'https://other-council.example/media'));
      sessionStorage.setItem(`civic-widgets:report:${other}`, JSON.stringify({ step: 2, service: 'GRAF', address: 'Saved for the other council', startedAt: Date.now() }));
      const el = await mount(EP);
      await ready(el);
      expect(heading(el)).to.equal('What is the problem?');
      el.setAttribute('endpoint', other);
      await until(() => heading(el) === 'Where is it?', 'the other endpoint’s saved step');
      expect($<HTMLTextAreaElement>(el, '#address')!.value).to.equal('Saved for the other council');
    });

    it('adds a filter over 8 services, matching without case or accents, and says how many match', async () => {
      const many = Array.from({ length: 12 }, (_, i) => ({ service_code: `S${i}`, service_name: i === 7 ? 'Café litter' : `Problem ${i}`, description: '', metadata: false, type: 'realtime', keywords: '', group: '' }));
      worker.use(http.get(`${OPEN311}/services.json`, () => HttpResponse.json(many)));
      const el = await mount(EP);
      await ready(el);
      expect($$(el, '.group-heading'), 'no groups when the server sends none').to.have.length(0);
      await type(el, 'filter', 'CAFE');
      const shown = $$(el, '.choice').filter((c) => !c.hidden);
      expect(shown.map(textOf)).to.deep.equal(['Café litter']);
      expect(textOf($(el, '.filter [role="status"]'))).to.equal('1 problem matches');
    });
  });

  describe('the whole journey', () => {
    it('sends a fly-tipping report with every datatype, confirms with the reference, and clears the draft', async () => {
      const submitted = collect<CivicSubmittedEvent>(document, 'civic-submitted');
      const el = await mount(`${EP} track-url="/reports/{id}" api-key="public-demo-key"`);
      await toCheck(el);
      const rows = $$(el, '.summary-row').map((row) => [textOf(row.querySelector('dt')), textOf(row.querySelector('dd'))]);
      expect(rows).to.deep.equal([
        ['Problem', 'Fly-tipping'],
        ['Location', 'Outside 14 High Street'],
        ['Description', 'Six black bags and a sofa by the bus stop.'],
        ['What has been dumped?', 'Black bags, Furniture'],
        ['How much is there?', 'A van load'],
        ['Is it blocking the path?', 'No'],
        ['How many bags?', '6'],
        ['When did you see it being dumped?', 'Wednesday 1 July, 09:30'],
        ['Anything else about who dumped it?', 'A white van, AB12 CDE'],
        ['Which land is it on?', 'Park'],
        ['Contact details', 'resident@example.org'],
      ]);
      clock.tick(5000);
      await next(el);
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(received).to.have.length(1);
      expect([...received[0]!]).to.deep.equal([
        ['service_code', 'FLY'],
        ['address_string', 'Outside 14 High Street'],
        ['description', 'Six black bags and a sofa by the bus stop.'],
        ['email', 'resident@example.org'],
        ['attribute[TYPE][]', 'bags'],
        ['attribute[TYPE][]', 'furniture'],
        ['attribute[SIZE]', 'van'],
        ['attribute[BLOCKING]', 'no'],
        ['attribute[COUNT]', '6'],
        ['attribute[SEEN]', '2026-07-01T08:30:00.000Z'], // 09:30 London summer time
        ['attribute[WHO]', 'A white van, AB12 CDE'],
        ['attribute[COUNCIL]', 'l2'],
        ['api_key', 'public-demo-key'],
      ]);
      expect(textOf($(el, '[part="reference"]'))).to.equal('100001');
      expect(textOf($(el, '[part="confirmation"] ~ p'))).to.equal('We aim to clear this within 2 working days.');
      expect($<HTMLAnchorElement>(el, 'a[href$="/reports/100001"]')).to.not.equal(null);
      expect(focused(el), 'focus on the confirmation heading').to.equal($(el, '[part="heading"]'));
      expect(submitted.map((e) => e.detail)).to.deep.equal([{ id: '100001', token: undefined, notice: 'We aim to clear this within 2 working days.', fromOutbox: false }]);
      expect(sessionStorage.length, 'draft cleared').to.equal(0);
    });

    it('sends lat and long from "Use my location", shows the place in words with a map link, and moves focus there', async () => {
      sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((success) => success({ coords: { latitude: 51.4816, longitude: -3.17909 } } as GeolocationPosition));
      const el = await mount(`${EP} contact="none"`);
      await ready(el);
      await choose(el, 'service-1'); // graffiti: no questions
      await next(el);
      $<HTMLButtonElement>(el, '#use-location')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(textOf($(el, '#location-now p'))).to.equal('Using your location: 51.4816° north, 3.1791° west');
      expect(focused(el), 'focus on the place now used, not <body>').to.equal($(el, '#location-now'));
      const map = $<HTMLAnchorElement>(el, '#location-now a')!;
      expect(map.href).to.equal('https://www.openstreetmap.org/?mlat=51.481600&mlon=-3.179090#map=18/51.481600/-3.179090');
      expect(textOf(map)).to.equal('View this place on a map (opens in new tab)');
      await next(el);
      await type(el, 'description', 'Tags on the bridge');
      await next(el);
      expect(textOf($(el, '#step-of'))).to.equal('Step 4 of 4');
      const location = $$(el, '.summary-row').find((row) => textOf(row.querySelector('dt')) === 'Location');
      expect(textOf(location!.querySelector('dd'))).to.equal('51.4816° north, 3.1791° west');
      clock.tick(5000);
      await next(el);
      await until(() => received.length === 1, 'the report');
      expect(received[0]!.get('lat')).to.equal('51.481600');
      expect(received[0]!.get('long')).to.equal('-3.179090');
      expect(received[0]!.has('address_string')).to.equal(false);
      expect(received[0]!.has('email')).to.equal(false);
    });

    it('"Do not use this location" puts focus back on "Use my location"', async () => {
      sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((success) => success({ coords: { latitude: 51.4816, longitude: -3.17909 } } as GeolocationPosition));
      const el = await useMyLocation(EP);
      $$(el, 'button.secondary').find((b) => textOf(b) === 'Do not use this location')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, '#location-now')).to.equal(null);
      expect(focused(el)).to.equal($(el, '#use-location'));
      const saved = Object.keys(sessionStorage).filter((k) => k.startsWith('civic-widgets:report:')).map((k) => JSON.parse(sessionStorage.getItem(k)!) as { lat?: string });
      expect(saved.map((d) => d.lat), 'the kept journey has no position either').to.deep.equal(['']);
    });

    it('shows the nearest address from the council’s address service (reverse-geocode-url), in Welsh too', async () => {
      const asked: string[] = [];
      worker.use(
        http.get('https://council.example/address/reverse', ({ request }) => {
          asked.push(new URL(request.url).search);
          return HttpResponse.json({ features: [{ properties: { label: '14 Stryd Fawr, Caerdydd' } }] });
        }),
      );
      sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((success) => success({ coords: { latitude: 51.4816, longitude: -3.17909 } } as GeolocationPosition));
      const el = await useMyLocation(`${EP} reverse-geocode-url="https://council.example/address/reverse?lat={lat}&lon={long}"`, 'cy');
      await until(() => textOf($(el, '#location-now p')).includes('Stryd Fawr'), 'the address');
      expect(textOf($(el, '#location-now p'))).to.equal('Yn defnyddio eich lleoliad: 14 Stryd Fawr, Caerdydd');
      expect(asked).to.deep.equal(['?lat=51.481600&lon=-3.179090']);
      expect(textOf($(el, '#location-now a'))).to.equal('Gweld y lle hwn ar fap (yn agor mewn tab newydd)');
    });

    it('falls back to the position in words when the address service fails', async () => {
      let asked = 0;
      worker.use(http.get('https://council.example/address/reverse', () => (asked++, new HttpResponse('<html>oops</html>', { status: 500 }))));
      sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((success) => success({ coords: { latitude: -33.8688, longitude: 151.2093 } } as GeolocationPosition));
      const el = await useMyLocation(`${EP} reverse-geocode-url="https://council.example/address/reverse?lat={lat}&lon={long}" map-url="javascript:alert({lat})"`);
      await until(() => asked === 1, 'the address service to be asked');
      await settled(el);
      expect(textOf($(el, '#location-now p'))).to.equal('Using your location: 33.8688° south, 151.2093° east');
      expect($(el, '#location-now a'), 'a map-url that is not http(s) gives no link').to.equal(null);
    });

    const locationFailures: [string, number, string][] = [
      ['refused', 1, 'We cannot use your location because permission was not given. Type the address or describe the place instead.'],
      ['unavailable', 2, 'Your location is not available. Type the address or describe the place instead.'],
    ];
    for (const [what, code, message] of locationFailures) {
      it(`explains a location that is ${what}, and leaves the address open`, async () => {
        sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((_s, failure) => failure!({ code, PERMISSION_DENIED: 1 } as GeolocationPositionError));
        const el = await useMyLocation(EP);
        expect(textOf($(el, '.notice'))).to.equal(message);
        expect(textOf(document.querySelector('[data-civic-live="polite"]'))).to.equal(message);
        await type(el, 'address', 'By the war memorial');
        await next(el);
        expect(heading(el)).to.equal('Tell us about the problem');
      });
    }

    it('takes the place from a council map in the location slot (civic-location)', async () => {
      const el = await mount(EP);
      const map = document.createElement('div');
      map.slot = 'location';
      map.textContent = 'Council map';
      el.append(map);
      await ready(el);
      await choose(el, 'service-1');
      await next(el);
      expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="location"]')!.assignedElements()).to.deep.equal([map]);
      map.dispatchEvent(new CustomEvent('civic-location', { bubbles: true, composed: true, detail: { lat: 52.1, long: -4.05, address: 'Pier Street' } }));
      await el.updateComplete;
      expect(textOf($(el, '#location-now p'))).to.equal('Using your location: 52.1000° north, 4.0500° west');
      expect($<HTMLTextAreaElement>(el, '#address')!.value).to.equal('Pier Street');
      map.dispatchEvent(new CustomEvent('civic-location', { bubbles: true, composed: true, detail: { lat: 'x', long: 500 } }));
      await el.updateComplete;
      expect(textOf($(el, '#location-now p')), 'nonsense ignored').to.equal('Using your location: 52.1000° north, 4.0500° west');
    });

    it('keeps answers going back and forth, and Change returns to Check your answers', async () => {
      const el = await mount(EP);
      await toCheck(el);
      ($$(el, '.summary-row button')[1] as HTMLButtonElement).click(); // Change location
      await el.updateComplete;
      await el.updateComplete;
      expect(heading(el)).to.equal('Where is it?');
      expect(focused(el)).to.equal($(el, '[part="heading"]'));
      expect($<HTMLTextAreaElement>(el, '#address')!.value).to.equal('Outside 14 High Street');
      await type(el, 'address', 'Behind the library');
      await next(el);
      expect(heading(el), 'back to check').to.equal('Check your answers before sending your report');
      expect(textOf($$(el, '.summary-row dd')[2])).to.equal('Behind the library');
      ($(el, '[part="back-link"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Your contact details (optional)');
      ($(el, '[part="back-link"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Tell us about the problem');
      expect($<HTMLInputElement>(el, '#attr-1-1')!.checked).to.equal(true);
      expect($<HTMLSelectElement>(el, '#attr-7')!.value).to.equal('l2');
    });

    it('restores the journey after a reload, from sessionStorage', async () => {
      const first = await mount(EP);
      await ready(first);
      await choose(first, 'service-0');
      await next(first);
      await type(first, 'address', 'Corner of Mill Lane');
      first.remove();
      const second = await mount(EP);
      await ready(second);
      expect(heading(second)).to.equal('Where is it?');
      expect($<HTMLTextAreaElement>(second, '#address')!.value).to.equal('Corner of Mill Lane');
      ($(second, '[part="back-link"]') as HTMLButtonElement).click();
      await second.updateComplete;
      expect($<HTMLInputElement>(second, '#service-0')!.checked).to.equal(true);
    });

    it('ignores a corrupted or hostile draft', async () => {
      sessionStorage.setItem(`civic-widgets:report:${OPEN311}`, '{"step":99,"service":"NOPE","attributes":{"__proto__":{"x":1}},"description":{"a":1}}');
      const el = await mount(EP);
      await ready(el);
      expect(heading(el)).to.equal('What is the problem?');
      expect(({} as Record<string, unknown>)['x']).to.equal(undefined);
    });
  });

  describe('validation (on Continue, GOV.UK error summary)', () => {
    it('focuses "There is a problem", links each error to its field, and shows it inline with a hidden "Error:"', async () => {
      const el = await mount(EP);
      await ready(el);
      await next(el);
      expect(textOf($(el, '[part="error-summary"] h2'))).to.equal('There is a problem');
      expect(focused(el)).to.equal($(el, '[part="error-summary"]'));
      expect(summary(el)).to.deep.equal(['Select the problem you want to report']);
      expect(textOf($(el, '#service-error'))).to.equal('Error: Select the problem you want to report');
      expect(textOf($(el, '#service-error .visually-hidden'))).to.equal('Error:');
      ($(el, '[part="error-summary"] a') as HTMLAnchorElement).click();
      expect(focused(el)).to.equal($(el, '#service-0'));
      expect(heading(el), 'still on step 1').to.equal('What is the problem?');
    });

    it('brings the question itself into view from the error summary, not just its control (GOV.UK)', async () => {
      const el = await mount(EP);
      await toDetails(el, 'service-0');
      await until(() => !!$(el, '#attr-1-0'), 'questions');
      await type(el, 'description', 'Bags');
      el.parentElement!.style.paddingBottom = '3000px'; // room to scroll
      await next(el);
      window.scrollTo(0, document.documentElement.scrollHeight);
      const link = $$(el, '[part="error-summary"] a').find((a) => a.getAttribute('href') === '#attr-1-0')!;
      link.click();
      const legend = $(el, '#attr-1-0')!.closest('fieldset')!.querySelector('legend')!;
      expect(focused(el)).to.equal($(el, '#attr-1-0'));
      const top = legend.getBoundingClientRect().top;
      expect(top, 'the legend “What has been dumped?” is on screen').to.be.within(-1, 50);
      el.parentElement!.style.paddingBottom = '';
    });

    it('asks for a place, then a description and each required question, in page order, keeping the answers', async () => {
      const el = await mount(EP);
      await ready(el);
      await choose(el, 'service-0');
      await next(el);
      await next(el);
      expect(summary(el)).to.deep.equal(['Enter the address or describe the place, or use your location']);
      expect($(el, '#address')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#address')!.getAttribute('aria-describedby')).to.equal('address-hint address-error');
      await type(el, 'address', 'Park gates');
      await next(el);
      await until(() => !!$(el, '#attr-1-0'), 'questions');
      await type(el, 'attr-4', 'lots');
      await next(el);
      expect(summary(el)).to.deep.equal(['Enter a description of the problem', 'Answer “What has been dumped?”', 'Answer “How much is there?”', 'The answer to “How many bags?” must be a number']);
      expect($$(el, '[part="error-summary"] a').map((a) => a.getAttribute('href'))).to.deep.equal(['#description', '#attr-1-0', '#attr-2-0', '#attr-4']);
      expect($<HTMLInputElement>(el, '#attr-4')!.value, 'answer kept').to.equal('lots');
    });

    it('counts characters to 4,000, warns when over without blocking typing, and refuses on Continue', async () => {
      const el = await mount(EP);
      await toDetails(el);
      await type(el, 'description', 'a'.repeat(3999));
      expect(textOf($(el, '.count'))).to.equal('You have 1 character remaining');
      await type(el, 'description', 'a'.repeat(4002));
      expect(textOf($(el, '.count'))).to.equal('You have 2 characters too many');
      expect($(el, '.count')!.classList.contains('count-error')).to.equal(true);
      expect($<HTMLTextAreaElement>(el, '#description')!.value.length, 'not cut').to.equal(4002);
      await next(el);
      expect(summary(el)).to.deep.equal(['The description must be 4,000 characters or fewer']);
    });

    it('announces each form’s own character count once typing pauses, nothing for a field the resident has left, and nothing for a form that has left', async () => {
      const first = await mount(EP);
      const second = await mount(`${EP.replace('open311/v2', 'open311/v2/')}`); // its own draft key
      await toDetails(first);
      await toDetails(second);
      const region = document.querySelector('[data-civic-live="polite"]')!;
      const heard: string[] = [];
      const observer = new MutationObserver(() => heard.push(textOf(region)));
      observer.observe(region, { childList: true, subtree: true, characterData: true });
      // The pause is measured on a fake clock: a second of it passes exactly when the test says.
      sinon.restore();
      const timers = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
      const settle = async (ms: number) => {
        await timers.tickAsync(ms);
        await Promise.resolve(); // mutation records are delivered in a microtask
      };
      await type(first, 'description', 'a'.repeat(3990));
      await type(second, 'description', 'b'.repeat(3995)); // focus moves: the first field is left
      await settle(900);
      expect(heard.filter(Boolean), 'not while typing').to.deep.equal([]);
      await settle(200);
      await until(() => heard.filter(Boolean).length > 0, 'the count');
      await settle(1000);
      expect(heard.filter(Boolean), 'only the field still in use').to.deep.equal(['You have 5 characters remaining']);
      heard.length = 0;
      await type(first, 'description', 'a'.repeat(3980));
      second.remove(); // another form leaving does not silence this one
      await settle(1100);
      await until(() => heard.filter(Boolean).length > 0, 'the first form’s count');
      expect(heard.filter(Boolean)).to.deep.equal(['You have 20 characters remaining']);
      heard.length = 0;
      await type(first, 'description', 'a'.repeat(3970));
      first.remove();
      await settle(1100);
      observer.disconnect();
      expect(heard.filter(Boolean), 'a form that has left the page says nothing').to.deep.equal([]);
    });

    it('checks the email when contact is required, and the format of any phone number', async () => {
      const el = await mount(`${EP} contact="required"`);
      await toDetails(el);
      await type(el, 'description', 'Tags');
      await next(el);
      expect(heading(el)).to.equal('Your contact details');
      expect($(el, '#email')!.getAttribute('autocomplete')).to.equal('email');
      expect($(el, '#email')!.getAttribute('type')).to.equal('email');
      expect($(el, '#email')!.getAttribute('spellcheck')).to.equal('false');
      expect($(el, '#phone')!.getAttribute('autocomplete')).to.equal('tel');
      expect($(el, '#first-name')!.getAttribute('autocomplete')).to.equal('given-name');
      await next(el);
      expect(summary(el)).to.deep.equal(['Enter your email address']);
      await type(el, 'email', 'not an email');
      await type(el, 'phone', 'call me');
      await next(el);
      expect(summary(el)).to.deep.equal(['Enter an email address in the correct format, like name@example.com', 'Enter a phone number, like 01632 960 001 or 07700 900 982']);
      await type(el, 'email', 'a@b.cy');
      await type(el, 'phone', '07700 900 982');
      await next(el);
      expect(heading(el)).to.equal('Check your answers before sending your report');
    });

    it('links to the council’s privacy notice through the safe-link gate', async () => {
      const el = await mount(`${EP} privacy-url="/privacy"`);
      await toCheck(el);
      ($$(el, '.summary-row button').at(-1) as HTMLButtonElement).click();
      await el.updateComplete;
      expect($<HTMLAnchorElement>(el, 'a')!.href).to.equal(new URL('/privacy', location.href).href);
      el.privacyUrl = 'javascript:alert(1)';
      await el.updateComplete;
      expect($(el, 'a'), 'a javascript: notice is not linked').to.equal(null);
      expect(textOf($(el, 'p:has(+ .button)'))).to.equal('The council will see the details you give here and use them only to deal with your report.');
    });
  });

  describe('sending', () => {
    it('reports a bug while sending (a TypeError) where developers see it, not as "could not confirm", and keeps the report to send again', async () => {
      const el = await mount(`${EP} jurisdiction-id="anyshire"`);
      await toCheck(el);
      clock.tick(5000);
      const errors = collect<CivicErrorEvent>(document, 'civic-error');
      // A bug in the middle of building the request (jurisdiction_id is set on the POST body).
      const bug = sinon.stub(URLSearchParams.prototype, 'set').throws(new TypeError('a bug'));
      await expectingBugs(async () => {
        await next(el);
        await until(() => summary(el).length > 0, 'the error summary');
      });
      bug.restore();
      expect(takeErrors().join()).to.match(/a bug/);
      expect(summary(el)).to.deep.equal(['Sorry, the council’s system is not working at the moment. Your report has not been sent. Try again later.']);
      expect(errors, 'not the council\'s answer').to.deep.equal([]);
      expect(received).to.have.length(0);
      await next(el); // "Try again"
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(received).to.have.length(1);
    });

    it('polls a batch server’s token 2 s apart and shows the reference it gives', async () => {
      const el = await mount(EP);
      await toDetails(el, 'service-2', 'A38 by the garage'); // Pothole: a batch service
      await until(() => !!$(el, '#attr-0-0'), 'questions');
      await type(el, 'description', 'Deep pothole');
      await choose(el, 'attr-0-1');
      await next(el);
      await next(el);
      clock.tick(5000);
      await next(el);
      await until(() => heading(el) === 'Report sent', 'the confirmation', 6000);
      expect(textOf($(el, '[part="reference"]'))).to.equal('100001');
    });

    it('confirms with "received" wording when the token never gives a reference', async () => {
      sinon.restore();
      clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
      setTokenDelay(99);
      const submitted = collect<CivicSubmittedEvent>(document, 'civic-submitted');
      const el = await mount(`${EP} services="POT" contact="none"`);
      await toDetails(el, 'service-0');
      await until(() => !!$(el, '#attr-0-0'), 'questions');
      await type(el, 'description', 'Pothole');
      await choose(el, 'attr-0-0');
      await next(el);
      clock.tick(5000);
      await next(el);
      // Counted by a handler that passes each lookup on (msw's response events never arrive in WebKit).
      let lookups = 0;
      worker.use(http.get(`${OPEN311}/tokens/:token`, () => void lookups++));
      await until(() => received.length === 1, 'the report');
      // The 2 s wait before each lookup (not a request's own timeout) must be scheduled before time moves.
      const timers = clock as unknown as { timers?: Map<number, { callAt: number }> | Record<string, { callAt: number }> };
      const waiting = () => {
        const all = timers.timers instanceof Map ? [...timers.timers.values()] : Object.values(timers.timers ?? {});
        return all.some((t) => t.callAt === clock.now + 2000);
      };
      for (let poll = 0; poll < 3; poll++) {
        await until(waiting, `wait ${poll + 1} to be scheduled`);
        await clock.tickAsync(2000);
        await until(() => lookups === poll + 1, `token lookup ${poll + 1}`);
      }
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect($(el, '[part="reference"]')).to.equal(null);
      expect(textOf($(el, '[part="confirmation"] + p'))).to.equal('The council has received your report. It will give it a reference soon.');
      expect(submitted[0]!.detail).to.deep.equal({ id: undefined, token: 't-100001', notice: 'We will look at this within 5 working days.', fromOutbox: false });
    });

    it('works the same in XML mode (the spec’s required format)', async () => {
      const requests: string[] = [];
      const record = ({ request }: { request: Request }) => void requests.push(new URL(request.url).pathname);
      worker.events.on('request:start', record);
      const el = await mount(`${EP} response-format="xml"`);
      await toCheck(el);
      clock.tick(5000);
      await next(el);
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(textOf($(el, '[part="reference"]'))).to.equal('100001');
      expect(requests.filter((p) => p.startsWith('/open311'))).to.deep.equal(['/open311/v2/services.xml', '/open311/v2/services/FLY.xml', '/open311/v2/requests.xml']);
      worker.events.removeListener('request:start', record); // only this test's: setup.ts listens too
    });

    it('shows a 400’s descriptions as plain text, keeps the answers, and fires civic-error', async () => {
      worker.use(http.post(`${OPEN311}/requests.json`, () => HttpResponse.json([{ code: 400, description: '<b>Location</b> is outside our area' }], { status: 400 })));
      const errors = collect<CivicErrorEvent>(document, 'civic-error');
      const el = await mount(EP);
      await toCheck(el);
      clock.tick(5000);
      await next(el);
      await until(() => summary(el).length > 0, 'the error summary');
      expect(summary(el)).to.deep.equal(['The council could not accept your report. Check your answers and try again.', '<b>Location</b> is outside our area']);
      expect($(el, '[part="error-summary"] b'), 'text, not HTML').to.equal(null);
      expect(focused(el)).to.equal($(el, '[part="error-summary"]'));
      expect(heading(el)).to.equal('Check your answers before sending your report');
      expect(errors.at(-1)!.detail).to.deep.include({ status: 400, reason: 'http', messages: ['<b>Location</b> is outside our area'] });
    });

    it('shows the server’s 403 for a bad api_key', async () => {
      const el = await mount(`${EP} api-key="bad-key"`);
      await toCheck(el);
      clock.tick(5000);
      await next(el);
      await until(() => summary(el).length > 0, 'the error summary');
      expect(summary(el)[1]).to.equal('Invalid api_key');
      expect(received).to.have.length(0);
    });

    it('keeps the draft on a 5xx and offers "Try again", which then sends once', async () => {
      worker.use(http.post(`${OPEN311}/requests.json`, () => new HttpResponse(null, { status: 503 }), { once: true }));
      const el = await mount(EP);
      await toCheck(el);
      clock.tick(5000);
      await next(el);
      await until(() => summary(el).length > 0, 'the error summary');
      expect(summary(el)).to.deep.equal(['Sorry, the council’s system is not working at the moment. Your report has not been sent. Try again later.']);
      expect(textOf($(el, '[part="submit-button"]'))).to.equal('Try again');
      expect(sessionStorage.length, 'draft kept').to.equal(1);
      await next(el);
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(received).to.have.length(1);
    });
  });

  describe('nothing lost', () => {
    it('queues an offline report in IndexedDB, and sends it exactly once when back online', async () => {
      let offline = true;
      worker.use(http.post(`${OPEN311}/requests.json`, () => (offline ? HttpResponse.error() : undefined)));
      const queued = collect<CivicQueuedEvent>(document, 'civic-queued');
      const submitted = collect<CivicSubmittedEvent>(document, 'civic-submitted');
      const el = await mount(EP);
      await toCheck(el);
      clock.tick(5000);
      await next(el);
      await until(() => heading(el) === 'Saved on this device', 'the queued panel');
      expect(textOf($(el, '[part="confirmation"] p'))).to.equal('It will be sent when you are back online.');
      expect(focused(el)).to.equal($(el, '[part="heading"]'));
      expect(queued).to.have.length(1);
      const [entry] = await outboxEntries();
      expect(entry!.id).to.equal(queued[0]!.detail.id);
      expect(entry!.fields).to.deep.include(['service_code', 'FLY']);
      offline = false;
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('online'));
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(textOf($(el, '[part="reference"]'))).to.equal('100001');
      expect(submitted.map((e) => e.detail.fromOutbox)).to.deep.equal([true]);
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received, 'sent exactly once').to.have.length(1);
      expect(await outboxEntries()).to.deep.equal([]);
      expect(sessionStorage.length, 'draft cleared after the server confirmed').to.equal(0);
    });

    it('sends what an earlier visit left in the outbox when a page with the form loads', async () => {
      worker.use(http.post(`${OPEN311}/requests.json`, () => HttpResponse.error(), { once: true }));
      const first = await mount(EP);
      await toCheck(first);
      clock.tick(5000);
      await next(first);
      await until(() => heading(first) === 'Saved on this device', 'the queued panel');
      first.remove();
      // The next page load: a fresh form (the queued draft is in sessionStorage too).
      const second = await mount(EP);
      await until(() => received.length === 1, 'the queued report to be sent');
      await ready(second);
      await until(() => heading(second) === 'Report sent', 'the confirmation');
      expect(await outboxEntries()).to.deep.equal([]);
    });

    it('brings back a queued report the council then refused, to change and send again', async () => {
      let answer: 'offline' | 'refuse' | 'accept' = 'offline';
      worker.use(
        http.post(`${OPEN311}/requests.json`, () =>
          answer === 'offline' ? HttpResponse.error() : answer === 'refuse' ? HttpResponse.json([{ code: 400, description: 'That place is outside Anyshire' }], { status: 400 }) : undefined,
        ),
      );
      const el = await mount(EP);
      await toCheck(el);
      clock.tick(5000);
      await next(el);
      await until(() => heading(el) === 'Saved on this device', 'the queued panel');
      answer = 'refuse';
      window.dispatchEvent(new Event('online'));
      await until(() => !!$(el, '[part="refused"]'), 'the refused notice');
      expect(textOf($(el, '[part="refused"]'))).to.contain('That place is outside Anyshire');
      expect(heading(el), 'back on Check your answers').to.equal('Check your answers before sending your report');
      ($$(el, '[part="refused"] button')[0] as HTMLButtonElement).click();
      await until(() => !$(el, '[part="refused"]'), 'the notice to go');
      expect(focused(el)).to.equal($(el, '[part="heading"]'));
      expect(textOf($$(el, '.summary-row dd')[2])).to.equal('Outside 14 High Street');
      expect(await outboxEntries()).to.deep.equal([]);
      answer = 'accept';
      await next(el);
      await until(() => heading(el) === 'Report sent', 'the confirmation');
      expect(received).to.have.length(1);
    });

    it('shows a refused report from an earlier visit, and deletes it when asked', async () => {
      let answer: 'offline' | 'refuse' = 'offline';
      worker.use(http.post(`${OPEN311}/requests.json`, () => (answer === 'offline' ? HttpResponse.error() : HttpResponse.json([{ code: 400, description: 'Duplicate report' }], { status: 400 }))));
      const first = await mount(EP);
      await toCheck(first);
      clock.tick(5000);
      await next(first);
      await until(() => heading(first) === 'Saved on this device', 'the queued panel');
      first.remove();
      sessionStorage.clear(); // another visit: the tab was closed
      answer = 'refuse';
      const second = await mount(EP);
      await until(() => !!second.shadowRoot?.querySelector('[part="refused"]'), 'the refused notice');
      expect(heading(second)).to.equal('What is the problem?');
      expect(textOf($(second, '[part="refused"]'))).to.contain('Duplicate report');
      // One clear block: a heading, the reasons, a real button and a warning button.
      expect(textOf($(second, '[part="refused"] h2'))).to.equal('A report saved on this device was not accepted');
      const [change, remove] = $$(second, '[part="refused"] button');
      expect([textOf(change), textOf(remove)]).to.deep.equal(['Change it and send again', 'Delete it']);
      expect(getComputedStyle(remove!).backgroundColor, 'Delete it is a warning button').to.equal('rgb(212, 53, 28)');
      expect(getComputedStyle(remove!).color).to.equal('rgb(255, 255, 255)');
      ($$(second, '[part="refused"] button')[1] as HTMLButtonElement).click();
      await until(() => !$(second, '[part="refused"]'), 'the notice to go');
      expect(textOf(document.querySelector('[data-civic-live="polite"]'))).to.equal('The saved report was deleted');
      expect(await outboxEntries()).to.deep.equal([]);
      expect(received).to.have.length(0);
    });

    it('keeps the draft and says so when this device cannot keep the report either', async () => {
      worker.use(http.post(`${OPEN311}/requests.json`, () => HttpResponse.error()));
      // A full disk: IndexedDB refuses every write.
      sinon.stub(IDBObjectStore.prototype, 'put').throws(new DOMException('full', 'QuotaExceededError'));
      const el = await mount(EP);
      await toCheck(el);
      clock.tick(5000);
      await next(el);
      await until(() => summary(el).length > 0, 'the error summary');
      expect(summary(el)).to.deep.equal(['Your report could not be sent and this device could not keep it. Try again when you are back online.']);
      expect(sessionStorage.length).to.equal(1);
    });
  });

  describe('spam, without a CAPTCHA', () => {
    it('shows a bot that fills the hidden field a normal confirmation, and sends nothing', async () => {
      const submitted = collect<CivicSubmittedEvent>(document, 'civic-submitted');
      const el = await mount(EP);
      await toDetails(el, 'service-0');
      await answerFlyTipping(el);
      expect($(el, '.hp')!.getAttribute('aria-hidden')).to.equal('true');
      expect($(el, '#hp-field')!.tabIndex).to.equal(-1);
      await type(el, 'hp-field', 'https://spam.example');
      await next(el);
      await next(el);
      clock.tick(5000);
      await next(el);
      expect(heading(el)).to.equal('Report sent');
      expect(received).to.have.length(0);
      expect(submitted).to.have.length(0);
    });

    it('treats a journey done in under 3 seconds as a bot’s', async () => {
      const el = await mount(EP);
      await toCheck(el);
      clock.tick(1000);
      await next(el);
      expect(heading(el)).to.equal('Report sent');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received).to.have.length(0);
    });
  });

  describe('GOV.UK patterns', () => {
    it('draws 40 px radios and checkboxes with thick borders, the whole label a target', async () => {
      const el = await mount(EP);
      await ready(el);
      const label = $(el, 'label[for="service-0"]')!;
      const box = getComputedStyle(label, '::before');
      expect([box.width, box.height, box.borderTopWidth, box.borderTopLeftRadius]).to.deep.equal(['40px', '40px', '2px', '50%']);
      const input = $(el, '#service-0')!.getBoundingClientRect();
      expect([input.width, input.height]).to.deep.equal([44, 44]);
      label.click();
      await el.updateComplete;
      expect(($(el, '#service-0') as HTMLInputElement).checked, 'clicking the label chooses it').to.equal(true);
      expect(getComputedStyle(label, '::after').opacity).to.equal('1');
    });

    it('takes a date as Day, Month, Year and Time, and says when it is not a real date', async () => {
      const el = await mount(EP);
      await toDetails(el, 'service-0');
      await until(() => !!$(el, '#attr-5'), 'the questions');
      expect($$(el, '.date-input label').map(textOf)).to.deep.equal(['Day', 'Month', 'Year', 'Time']);
      expect(textOf($(el, '.date-input')!.closest('fieldset')!.querySelector('legend'))).to.equal('When did you see it being dumped? (optional)');
      expect($(el, 'input[type="datetime-local"]'), 'no native date-time field').to.equal(null);
      await answerFlyTipping(el);
      await type(el, 'attr-5', '31');
      await type(el, 'attr-5-month', '2');
      await next(el);
      expect(summary(el)).to.deep.equal(['“When did you see it being dumped?” must be a real date, with a time like 14:30']);
      expect(($(el, '#attr-5') as HTMLInputElement).value, 'what was typed is kept').to.equal('31');
      await type(el, 'attr-5-month', '3');
      await next(el);
      expect(heading(el)).to.match(/^Your contact details/);
    });

    it('has a photo picker in the page’s language that says how many photos are added', async () => {
      const el = await mount(`${EP} media-endpoint="https://council.example/media" max-photos="2"`, 'cy');
      await toDetails(el, 'service-1');
      const button = $(el, '#photos-button')!;
      expect(textOf(button)).to.equal('Dewis lluniau');
      expect(textOf($(el, '#photos-status'))).to.equal('Dim lluniau wedi’u hychwanegu');
      expect($(el, '#photos')!.getBoundingClientRect().width, 'the browser’s own “No file chosen” is not shown').to.be.at.most(1);
      let opened = 0;
      $(el, '#photos')!.addEventListener('click', (event) => (opened++, event.preventDefault()));
      button.click();
      expect(opened, 'the button opens the file chooser').to.equal(1);
    });

    it('names Back "Back", its chevron drawn in CSS (a ‹ in the text would be read aloud)', async () => {
      const el = await mount(EP);
      await ready(el);
      await choose(el, 'service-1');
      await next(el);
      const back = $(el, '[part="back-link"]')!;
      expect(back.textContent.trim()).to.equal('Back');
      expect(getComputedStyle(back, '::before').content).to.not.contain('‹');
      expect(getComputedStyle(back, '::before').borderTopWidth).to.equal('1px');
    });

    it('puts no focus box around a heading that took focus', async () => {
      const el = await mount(EP);
      await ready(el);
      await choose(el, 'service-1');
      await next(el);
      const h = $(el, '[part="heading"]')!;
      expect(focused(el)).to.equal(h);
      expect(getComputedStyle(h).outlineStyle).to.equal('none');
    });
  });

  describe('Welsh', () => {
    const strings = JSON.stringify({
      cy: {
        FLY: { name: 'Tipio anghyfreithlon', description: 'Sbwriel wedi’i adael', attributes: { TYPE: { description: 'Beth sydd wedi’i ddympio?', values: { bags: 'Bagiau duon' } } } },
        constructor: { name: 'x' },
        toString: 'y',
      },
    });

    it('shows the council’s Welsh service names and questions from service-strings, and sends the codes', async () => {
      const el = await mount(`${EP} service-strings='${strings}'`, 'cy');
      await ready(el);
      expect(textOf($(el, 'label[for="service-0"]'))).to.equal('Tipio anghyfreithlon');
      expect(textOf($(el, '#service-0-hint'))).to.equal('Sbwriel wedi’i adael');
      expect(textOf($(el, 'label[for="service-1"]')), 'untranslated: as the server wrote it').to.equal('Graffiti');
      await choose(el, 'service-0');
      await next(el);
      await type(el, 'address', 'Stryd Fawr');
      await next(el);
      await until(() => !!$(el, '#attr-1-0'), 'the questions');
      expect(textOf($(el, 'fieldset legend')).startsWith('Beth sydd wedi’i ddympio?'), textOf($(el, 'fieldset legend'))).to.equal(true);
      expect(textOf($(el, 'label[for="attr-1-0"]'))).to.equal('Bagiau duon');
      expect(($(el, '#attr-1-0') as HTMLInputElement).value, 'the code is sent, not the words').to.equal('bags');
    });

    it('keeps English on an English page, and ignores broken service-strings', async () => {
      const el = await mount(`${EP} service-strings='${strings}'`, 'en');
      await ready(el);
      expect(textOf($(el, 'label[for="service-0"]'))).to.equal('Fly-tipping');
      const broken = await mount(`${EP} service-strings='{"cy": oops'`, 'cy');
      await ready(broken);
      expect(textOf($(broken, 'label[for="service-0"]'))).to.equal('Fly-tipping');
    });

    it('runs the journey in Welsh, with Welsh errors', async () => {
      const el = await mount(`${EP} contact="required"`, 'cy');
      await ready(el);
      expect(heading(el)).to.equal('Beth yw’r broblem?');
      expect(textOf($(el, '#step-of'))).to.equal('Cam 1 o 5');
      await next(el);
      expect(textOf($(el, '[part="error-summary"] h2'))).to.equal('Mae problem wedi codi');
      expect(textOf($(el, '#service-error'))).to.equal('Gwall: Dewiswch y broblem rydych am roi gwybod amdani');
      await choose(el, 'service-1');
      await next(el);
      expect(heading(el)).to.equal('Ble mae hi?');
      expect(textOf($(el, '[part="back-link"]'))).to.equal('Yn ôl');
    });
  });
});
