// The axe helper itself: it must find real violations, or every "axe clean" test would prove nothing.
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { expectAccessible } from './a11y.js';

describe('expectAccessible', () => {
  it('passes accessible markup', async () => {
    const el = await fixture(html`<main><h1>Service alerts</h1><a href="/alerts">See current service alerts</a></main>`);
    await expectAccessible(el);
  });

  it('fails on a nameless button, an image without alt and low-contrast text', async () => {
    const el = await fixture(html`<div>
      <button></button>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />
      <p style="color:#aaa;background:#fff">Faint text</p>
    </div>`);
    let message = '';
    try {
      await expectAccessible(el);
    } catch (error) {
      message = String(error);
    }
    expect(message).to.contain('button-name').and.contain('image-alt').and.contain('color-contrast');
  });
});
