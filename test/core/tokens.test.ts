import '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { CivicElement } from '../../src/core/civic-element.js';
import { html as litHtml } from 'lit';

class TokenTest extends CivicElement {
  override render() {
    return litHtml`<a href="https://council.example/">Link</a><button>Button</button>`;
  }
}
TokenTest.define('token-test');

function luminance(color: string): number {
  const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

describe('design tokens', () => {
  it('default text, link and secondary text colours meet AA (4.5:1) on the default background', async () => {
    const el = await fixture<TokenTest>(html`<token-test></token-test>`);
    const style = getComputedStyle(el);
    const value = (name: string) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${name})`;
      el.shadowRoot!.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    };
    const bg = value('--_bg');
    for (const token of ['--_text', '--_muted', '--_link', '--_link-visited']) {
      expect(contrast(value(token), bg), token).to.be.at.least(4.5);
    }
    expect(contrast(value('--_focus-text'), value('--_focus')), 'focus ring').to.be.at.least(4.5);
    expect(contrast('rgb(255, 255, 255)', value('--_brand')), 'white on brand').to.be.at.least(4.5);
    expect(style.fontFamily).to.equal(getComputedStyle(document.body).fontFamily);
  });

  it('lets a council override a token on any ancestor', async () => {
    const wrapper = await fixture(html`<div style="--civic-color-link: rgb(0, 94, 165)"><token-test></token-test></div>`);
    const link = wrapper.querySelector('token-test')!.shadowRoot!.querySelector('a')!;
    expect(getComputedStyle(link).color).to.equal('rgb(0, 94, 165)');
  });

  it('shows the yellow focus ring with a dark underline on keyboard focus', async () => {
    const { sendKeys } = await import('../harness/engine.js');
    // Tab from a known place: just before the widget (WebKit runs every file in one page, so focus
    // may be anywhere when this test starts).
    const el = await fixture<TokenTest>(html`<token-test></token-test>`);
    const start = Object.assign(document.createElement('span'), { tabIndex: -1 });
    el.before(start);
    start.focus();
    await sendKeys({ press: 'Tab' });
    start.remove();
    const link = el.shadowRoot!.querySelector('a')!;
    expect(el.shadowRoot!.activeElement).to.equal(link);
    const style = getComputedStyle(link);
    expect(style.backgroundColor).to.equal('rgb(255, 221, 0)');
    expect(style.boxShadow).to.contain('rgb(11, 12, 12)');
  });
});
