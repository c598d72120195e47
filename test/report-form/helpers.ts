/** Driving <civic-report-form> as a resident would: through its own controls, inside its shadow root. */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { discard, outboxEntries } from '../../src/report-form/outbox.js';
import type { CivicReportForm } from '../../src/report-form/report-form.js';
import { until } from '../helpers.js';
import { open311Handlers, resetOpen311 } from '../mocks/open311.js';
import { worker } from '../setup.js';

/**
 * The hooks of every report-form suite: a fresh Open311 mock and session, only Date faked (the
 * time-trap measures the journey; tests move it on with `sinon.clock.tick`), and an empty outbox after.
 */
export function useJourneySetup(): void {
  beforeEach(() => {
    resetOpen311();
    sessionStorage.clear();
    worker.use(...open311Handlers);
    sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
  });
  afterEach(async () => {
    sinon.restore();
    for (const entry of await outboxEntries()) await discard(entry.id);
  });
}

export const $ = <T extends HTMLElement = HTMLElement>(el: CivicReportForm, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
export const $$ = (el: CivicReportForm, selector: string): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
export const textOf = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const heading = (el: CivicReportForm): string => textOf($(el, '[part="heading"]'));
export const summary = (el: CivicReportForm): string[] => $$(el, '[part="error-summary"] li').map(textOf);

/** Mounts the form inside `<div lang>` with a fallback link, as a council would paste it. */
export async function mount(attrs: string, lang = 'en'): Promise<CivicReportForm> {
  const wrapper = await fixture(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<civic-report-form ${attrs}><a href="/report-it">Report a problem</a></civic-report-form>`; // test markup only
  return wrapper.querySelector<CivicReportForm>('civic-report-form')!;
}

export async function ready(el: CivicReportForm): Promise<void> {
  await until(() => !!el.shadowRoot?.querySelector('form, [part="confirmation"]'), 'the form to load');
  await el.updateComplete;
}

/** Clicks a radio or checkbox (by id), as a resident would. */
export async function choose(el: CivicReportForm, id: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  expect(input, `#${id}`).to.not.equal(null);
  input!.click();
  await el.updateComplete;
}

/** Types into a text field (by id). */
export async function type(el: CivicReportForm, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  expect(input, `#${id}`).to.not.equal(null);
  input!.focus(); // as a resident does: the field they type in has focus, and the one they left has lost it
  input!.value = value;
  input!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function pick(el: CivicReportForm, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Presses Continue (or Send report), then waits for the next render. */
export async function next(el: CivicReportForm): Promise<void> {
  $(el, '[part="submit-button"]')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

/** The focused element inside the widget's shadow root. */
export const focused = (el: CivicReportForm): Element | null => el.shadowRoot!.activeElement;

/** Answers the fly-tipping questions (the service with every datatype) on the details step. */
export async function answerFlyTipping(el: CivicReportForm): Promise<void> {
  await until(() => !!$(el, '#attr-1-0'), 'the questions to load');
  await type(el, 'description', 'Six black bags and a sofa by the bus stop.');
  await choose(el, 'attr-1-0'); // What has been dumped? Black bags
  await choose(el, 'attr-1-1'); // … and Furniture
  await choose(el, 'attr-2-2'); // How much? A van load
  await choose(el, 'attr-3-1'); // Blocking? No
  await type(el, 'attr-4', '6');
  await type(el, 'attr-5', '1'); // When did you see it? GOV.UK's date input: day, month, year, time
  await type(el, 'attr-5-month', '7');
  await type(el, 'attr-5-year', '2026');
  await type(el, 'attr-5-time', '09:30');
  await type(el, 'attr-6', 'A white van, AB12 CDE');
  await pick(el, 'attr-7', 'l2'); // Which land? Park (8 values: a select)
}

/** Steps 1 and 2 (a problem and a place), ending on "Tell us about the problem". */
export async function toDetails(el: CivicReportForm, service = 'service-1', address = 'x'): Promise<void> {
  await ready(el);
  await choose(el, service);
  await next(el);
  await type(el, 'address', address);
  await next(el);
}

/** Steps 1 to 4 of a fly-tipping report, ending on Check your answers. */
export async function toCheck(el: CivicReportForm, email = 'resident@example.org'): Promise<void> {
  await ready(el);
  await choose(el, 'service-0');
  await next(el);
  await type(el, 'address', 'Outside 14 High Street');
  await next(el);
  await answerFlyTipping(el);
  await next(el);
  if ($(el, '#email')) {
    await type(el, 'email', email);
    await next(el);
  }
  expect(heading(el)).to.equal('Check your answers before sending your report');
}
