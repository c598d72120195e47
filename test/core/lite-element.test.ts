import '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { html as litHtml } from 'lit/html.js';
import { css } from '@lit/reactive-element/css-tag.js';
import type { ReactiveController } from '@lit/reactive-element';
import { CivicLiteElement } from '../../src/core/lite-element.js';
import { jsonObjectConverter } from '../../src/core/json-attribute.js';
import { until } from '../helpers.js';

/** Records what its host does, in order. */
class Recorder implements ReactiveController {
  readonly log: string[] = [];
  constructor(readonly host: LiteTest) {
    host.addController(this);
  }
  hostConnected() {
    this.log.push('connected');
  }
  hostUpdate() {
    this.log.push(`update (rendered ${this.host.renders})`);
  }
  hostUpdated() {
    this.log.push(`updated (rendered ${this.host.renders})`);
  }
  hostDisconnected() {
    this.log.push('disconnected');
  }
}

class LiteTest extends CivicLiteElement {
  static override styles = [css`p { color: rgb(0, 112, 60); }`];
  static override liteProperties = { label: { default: 'Share' } };
  declare label: string;
  renders = 0;
  /** Renders to ask for once more, from inside render (as a controller reacting to a render might). */
  again = 0;
  readonly recorder = new Recorder(this);
  protected override render() {
    this.renders++;
    if (this.again > 0) {
      this.again--;
      this.requestUpdate();
    }
    return litHtml`<p>${this.label} ${this.renders} ${this.strings?.['x'] ?? ''}</p>`;
  }
}
LiteTest.declareProperties();
LiteTest.define('lite-test');

const shown = (el: Element) => el.shadowRoot!.querySelector('p')?.textContent;

describe('CivicLiteElement (the share bar\'s base)', () => {
  afterEach(() => sinon.restore());

  it('keeps Lit\'s controller contract: connected, then update before and updated after each render, disconnected', async () => {
    const el = await fixture<LiteTest>(html`<lite-test></lite-test>`);
    await el.updateComplete;
    expect(el.recorder.log).to.deep.equal(['connected', 'update (rendered 0)', 'updated (rendered 1)']);
    el.label = 'Rhannu';
    await el.updateComplete;
    expect(el.recorder.log.slice(3)).to.deep.equal(['update (rendered 1)', 'updated (rendered 2)']);
    el.remove();
    expect(el.recorder.log.at(-1)).to.equal('disconnected');
  });

  it('batches changes into one render, and its updateComplete waits for a render asked for during a render', async () => {
    const el = await fixture<LiteTest>(html`<lite-test></lite-test>`);
    await el.updateComplete;
    const before = el.renders;
    el.label = 'a';
    el.label = 'b';
    el.setAttribute('label', 'c');
    el.again = 2;
    await el.updateComplete;
    expect(el.renders - before, 'the change and the two renders asked for while rendering').to.equal(3);
    expect(shown(el)).to.equal(`c ${el.renders} `);
  });

  it('parses the strings attribute once per change, not at each lookup', async () => {
    const parse = sinon.spy(jsonObjectConverter, 'fromAttribute');
    const el = await fixture<LiteTest>(html`<lite-test strings='{"x":"one"}'></lite-test>`);
    for (let i = 0; i < 5; i++) {
      el.label = `l${i}`;
      await el.updateComplete;
    }
    expect(shown(el)).to.match(/one$/);
    expect(parse.callCount).to.equal(1);
    el.setAttribute('strings', '{"x":"two"}');
    await el.updateComplete;
    expect(shown(el)).to.match(/two$/);
    expect(parse.callCount).to.equal(2);
  });

  it('adopts its styles as constructable stylesheets', async () => {
    const el = await fixture<LiteTest>(html`<lite-test></lite-test>`);
    await el.updateComplete;
    expect(el.shadowRoot!.adoptedStyleSheets).to.have.length(1);
    expect(getComputedStyle(el.shadowRoot!.querySelector('p')!).color).to.equal('rgb(0, 112, 60)');
  });

  it('falls back to <style> elements where a browser has no constructable stylesheets (the share bar, in a frame without them)', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="no adoptedStyleSheets"></iframe>`);
    const module = new URL('../../src/share-bar/define.ts', import.meta.url).href;
    frame.srcdoc = `<!doctype html><html lang="en"><body>
      <script>delete Document.prototype.adoptedStyleSheets; delete ShadowRoot.prototype.adoptedStyleSheets;</script>
      <civic-share-bar url="https://council.example/news" networks="email"></civic-share-bar>
      <script type="module">import ${JSON.stringify(module)};</script></body></html>`;
    const bar = () => frame.contentDocument?.querySelector('civic-share-bar');
    await until(() => !!bar()?.shadowRoot?.querySelector('a'), 'the share bar to render in the frame');
    const root = bar()!.shadowRoot!;
    expect('adoptedStyleSheets' in root, 'the frame really lacks them').to.equal(false);
    expect(root.querySelectorAll('style').length).to.be.greaterThan(0);
    const list = root.querySelector('ul, [part="list"]') ?? root.querySelector('a')!;
    expect(frame.contentWindow!.getComputedStyle(list).boxSizing, 'the shared styles apply').to.equal('border-box');
  });
});
