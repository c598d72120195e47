import '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { announce, prepareAnnouncer } from '../../src/core/announce.js';
import '../../src/alert-banner/define.js';

const region = (politeness: string) => document.querySelector<HTMLElement>(`[data-civic-live="${politeness}"]`);

describe('announce', () => {
  it('has both live regions in the page, empty, as soon as a widget connects', async () => {
    await fixture(html`<civic-alert-banner></civic-alert-banner>`);
    expect(region('polite')!.getAttribute('aria-live')).to.equal('polite');
    expect(region('assertive')!.getAttribute('aria-live')).to.equal('assertive');
    expect(region('polite')!.textContent).to.equal('');
  });

  it('announces politely or assertively without moving focus', async () => {
    const el = await fixture<HTMLButtonElement>(html`<button>Focus me</button>`);
    el.focus();
    announce('2 more schools closed');
    announce('Flood warning', 'assertive');
    expect(region('polite')!.textContent).to.equal('2 more schools closed');
    expect(region('assertive')!.textContent).to.equal('Flood warning');
    expect(document.activeElement).to.equal(el);
  });

  it('replaces the spoken node, so the same words twice are announced twice', () => {
    prepareAnnouncer();
    announce('Link copied');
    const first = region('polite')!.firstElementChild;
    announce('Link copied');
    expect(region('polite')!.firstElementChild).to.not.equal(first);
    expect(region('polite')!.children).to.have.length(1);
  });

  it('creates each region once, however many widgets or library copies ask', () => {
    prepareAnnouncer();
    prepareAnnouncer();
    expect(document.querySelectorAll('[data-civic-live]')).to.have.length(2);
  });

  it('is visually hidden but not hidden from assistive technology', () => {
    const style = getComputedStyle(region('polite')!);
    expect(style.display).to.not.equal('none');
    expect(style.visibility).to.not.equal('hidden');
    expect(region('polite')!.getBoundingClientRect().width).to.be.at.most(1);
  });
});
