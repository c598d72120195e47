import { worker } from '../setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '../harness/engine.js';
import sinon from 'sinon';
import '../../src/share-bar/define.js';
import { CivicShareBar as CivicShareBarClass, type CivicShareBar } from '../../src/share-bar/share-bar.js';
import type { CivicShareEvent } from '../../src/core/events.js';
import { shareUrl, truncate } from '../../src/share-bar/networks.js';
import { expectAccessible } from '../a11y.js';
import { collect, until } from '../helpers.js';

const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const links = (el: CivicShareBar) => $$(el, 'a') as HTMLAnchorElement[];
const names = (el: CivicShareBar) => $$(el, 'a, button').map((c) => c.textContent.replace(/\s+/g, ' ').trim());

const URL_ = 'https://www.anyshire.gov.uk/news/snow?x=1&y=2';
const AWKWARD = 'Ysgolion ar gau 🎄❄️ — "Snow" & ice #snowday 100% ? Llanfair-ym-Muallt’s café';

/** Reads a query parameter back exactly as the network will. */
const param = (href: string, name: string) => new URL(href).searchParams.get(name);

async function mount(attrs = '', lang = 'en'): Promise<CivicShareBar> {
  const wrapper = await fixture(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<civic-share-bar ${attrs}><a href="mailto:?body=x">Share by email</a></civic-share-bar>`; // test markup only
  const el = wrapper.querySelector<CivicShareBar>('civic-share-bar')!;
  await el.updateComplete;
  return el;
}

describe('<civic-share-bar>', () => {
  // Nothing may leave the page: every click on a share link is cancelled at the document.
  const stopNavigation = (event: Event) => event.preventDefault();
  beforeEach(() => document.addEventListener('click', stopNavigation));
  afterEach(() => {
    document.removeEventListener('click', stopNavigation);
    sinon.restore();
  });

  describe('share URLs', () => {
    const input = { url: URL_, text: AWKWARD, instance: 'mastodon.social' };

    it('builds every network’s URL with the exact text and URL, encoded (spaces as %20, never +)', () => {
      const post = `${AWKWARD} ${URL_}`;
      const cases: [string, string, Record<string, string>][] = [
        ['facebook', 'https://www.facebook.com/sharer/sharer.php', { u: URL_ }],
        ['x', 'https://x.com/intent/tweet', { text: AWKWARD, url: URL_ }],
        ['linkedin', 'https://www.linkedin.com/sharing/share-offsite/', { url: URL_ }],
        ['whatsapp', 'https://wa.me/', { text: post }],
        ['bluesky', 'https://bsky.app/intent/compose', { text: post }],
        ['mastodon', 'https://mastodon.social/share', { text: post }],
        ['threads', 'https://www.threads.com/intent/post', { text: AWKWARD, url: URL_ }],
        ['reddit', 'https://www.reddit.com/submit', { url: URL_, title: AWKWARD }],
        ['telegram', 'https://t.me/share/url', { url: URL_, text: AWKWARD }],
        ['nextdoor', 'https://nextdoor.com/sharekit/', { source: 'www.anyshire.gov.uk', body: post }],
      ];
      for (const [network, base, params] of cases) {
        const href = shareUrl(network as 'x', input)!;
        expect(href.split('?')[0], network).to.equal(base);
        for (const [name, value] of Object.entries(params)) expect(param(href, name), `${network} ${name}`).to.equal(value);
        expect(href, network).to.not.contain('+');
      }
      const mail = shareUrl('email', input)!;
      expect(mail.startsWith('mailto:?subject=')).to.equal(true);
      expect(decodeURIComponent(mail.split('subject=')[1]!.split('&body=')[0]!)).to.equal(AWKWARD);
      expect(decodeURIComponent(mail.split('&body=')[1]!)).to.equal(URL_);
      expect(mail).to.contain('%20').and.not.contain('+');
      const sms = shareUrl('sms', input)!;
      expect(sms.startsWith('sms:?&body=')).to.equal(true);
      expect(decodeURIComponent(sms.slice('sms:?&body='.length))).to.equal(post);
      expect(shareUrl('copy', input)).to.equal(undefined);
    });

    it('uses the Mastodon share hub without a valid server name', () => {
      for (const instance of [undefined, '', 'evil.example/phish?x=', 'javascript:alert(1)']) {
        expect(shareUrl('mastodon', { url: URL_, text: 'x', instance })!.startsWith('https://share.joinmastodon.org/share?text=')).to.equal(true);
      }
    });

    it('cuts long text on grapheme boundaries to each limit, never inside the URL', () => {
      const family = '👨‍👩‍👧‍👦';
      const long = `${'Snow update for Anyshire schools. '.repeat(30)}${family}${family}`;
      const x = param(shareUrl('x', { url: URL_, text: long })!, 'text')!;
      expect(Array.from(new Intl.Segmenter().segment(x)).length).to.be.at.most(256);
      expect(x.endsWith('…')).to.equal(true);
      const bluesky = param(shareUrl('bluesky', { url: URL_, text: long })!, 'text')!;
      expect(Array.from(new Intl.Segmenter().segment(bluesky)).length).to.be.at.most(300);
      expect(bluesky.endsWith(` ${URL_}`)).to.equal(true);
      // Never half an emoji: a family is one grapheme.
      expect(truncate(`ab${family}${family}`, 4)).to.equal(`ab${family}${family}`);
      expect(truncate(`ab${family}${family}`, 3)).to.equal(`ab…`);
    });
  });

  describe('the bar', () => {
    it('keeps properties set before it upgraded, mirrors properties to attributes, and re-renders on change', async () => {
      const early = document.createElement('civic-share-bar-late') as CivicShareBar;
      early.networks = 'email'; // set while the tag is still unknown to the browser
      document.body.append(early);
      customElements.define('civic-share-bar-late', class extends CivicShareBarClass {});
      await early.updateComplete;
      expect(names(early)).to.deep.equal(['Share by email']);
      expect(early.getAttribute('networks')).to.equal('email');
      early.networks = 'x,copy';
      early.variant = 'icons';
      await early.updateComplete;
      expect(names(early)).to.deep.equal(['Share on X (opens in new tab)', 'Copy link']);
      expect(early.getAttribute('variant'), 'reflected for styling').to.equal('icons');
      early.removeAttribute('networks');
      await early.updateComplete;
      expect(early.networks, 'the default again').to.equal('native,facebook,x,whatsapp,linkedin,bluesky,email,copy');
      early.remove();
    });

    it('renders real links, in order, with names that say they open a new tab, and icons hidden from screen readers', async () => {
      const el = await mount(`url="${URL_}" text="Snow day" networks="facebook,x,email,copy,print"`);
      expect(names(el)).to.deep.equal([
        'Share on Facebook (opens in new tab)',
        'Share on X (opens in new tab)',
        'Share by email',
        'Copy link',
        'Print this page',
      ]);
      const [facebook, , email] = links(el);
      expect([facebook!.target, facebook!.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
      expect(email!.target).to.equal('_self');
      expect(param(facebook!.href, 'u')).to.equal(URL_);
      for (const svg of $$(el, 'svg')) expect(svg.getAttribute('aria-hidden')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Share this page');
      // No inline handlers and no javascript: anywhere.
      for (const node of el.shadowRoot!.querySelectorAll('*')) {
        for (const attr of node.getAttributeNames()) expect(attr).to.not.match(/^on/);
      }
      for (const a of links(el)) expect(a.protocol).to.be.oneOf(['https:', 'mailto:']);
    });

    it('defaults to the canonical link, without the #fragment, and the page title', async () => {
      const canonical = document.createElement('link');
      canonical.rel = 'canonical';
      canonical.href = 'https://www.anyshire.gov.uk/news/snow#top';
      document.head.append(canonical);
      document.title = 'Snow closes schools';
      try {
        const el = await mount('networks="x"');
        const x = links(el)[0]!;
        expect(param(x.href, 'url')).to.equal('https://www.anyshire.gov.uk/news/snow');
        expect(param(x.href, 'text')).to.equal('Snow closes schools');
      } finally {
        canonical.remove();
      }
      const el = await mount('networks="facebook"');
      const shared = param(links(el)[0]!.href, 'u')!;
      expect(shared).to.equal(location.href.split('#')[0]);
    });

    it('adds utm parameters per network only when asked', async () => {
      const plain = await mount(`url="${URL_}" networks="facebook"`);
      expect(param(links(plain)[0]!.href, 'u')).to.equal(URL_);
      const tagged = await mount(`url="${URL_}" networks="facebook,whatsapp" utm`);
      const fb = new URL(param(links(tagged)[0]!.href, 'u')!);
      expect([fb.searchParams.get('utm_source'), fb.searchParams.get('utm_medium'), fb.searchParams.get('x')]).to.deep.equal(['facebook', 'social', '1']);
      expect(param(links(tagged)[1]!.href, 'text')).to.contain('utm_source=whatsapp');
    });

    it('shows "Share…" only where the browser can share, and keeps quiet when the resident cancels', async () => {
      const hidden = await mount(`url="${URL_}" networks="native,copy"`);
      const expectedHidden = typeof navigator.canShare === 'function' && navigator.canShare({ url: URL_ });
      expect(names(hidden).includes('Share…')).to.equal(expectedHidden);

      // Headless Chromium on Linux has no Web Share API: stand one in, as a phone's browser would.
      const define = (name: string, value: unknown) => Object.defineProperty(navigator, name, { configurable: true, value });
      const share = sinon.stub().rejects(new DOMException('cancelled', 'AbortError'));
      define('canShare', () => true);
      define('share', share);
      try {
        const el = await mount(`url="${URL_}" text="Snow" networks="native,copy"`);
        expect(names(el)[0]).to.equal('Share…');
        $$(el, 'button')[0]!.click();
        await until(() => share.called, 'navigator.share');
        expect(share.firstCall.args[0]).to.deep.equal({ title: 'Snow', text: 'Snow', url: URL_ });
        expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent.trim()).to.equal('');

        define('canShare', () => false);
        const refused = await mount(`networks="native,copy"`);
        expect(names(refused)).to.deep.equal(['Copy link']);
      } finally {
        delete (navigator as { canShare?: unknown }).canShare;
        delete (navigator as { share?: unknown }).share;
      }
    });

    it('copies the link, says "Link copied" in its live region, and leaves focus on the button', async () => {
      const writeText = sinon.stub().resolves();
      sinon.stub(navigator, 'clipboard').value({ writeText });
      const el = await mount(`url="${URL_}" networks="copy"`);
      const status = el.shadowRoot!.querySelector('[part="status"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      const button = $$(el, 'button')[0]!;
      button.focus();
      button.click();
      await until(() => status.textContent.trim() === 'Link copied', 'Link copied');
      expect(writeText.calledOnceWith(URL_)).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('on failure, shows the link selected with "Press Ctrl+C to copy"', async () => {
      sinon.stub(navigator, 'clipboard').value({ writeText: sinon.stub().rejects(new DOMException('denied', 'NotAllowedError')) });
      const el = await mount(`url="${URL_}" networks="copy"`, 'cy');
      $$(el, 'button')[0]!.click();
      await until(() => !!el.shadowRoot!.querySelector('input'), 'the link field');
      const input = el.shadowRoot!.querySelector('input')!;
      expect(input.value).to.equal(URL_);
      expect(input.readOnly).to.equal(true);
      await until(() => input.selectionStart === 0 && input.selectionEnd === URL_.length, 'selection');
      expect(el.shadowRoot!.querySelector('label')!.textContent).to.contain('Pwyswch Ctrl+C i gopïo');
    });

    it('fires a cancelable civic-share with the network and URL on every click', async () => {
      const shares = collect<CivicShareEvent>(document, 'civic-share');
      const el = await mount(`url="${URL_}" networks="facebook,email" utm`);
      el.addEventListener('civic-share', (event) => event.preventDefault(), { once: true });
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      links(el)[0]!.dispatchEvent(click);
      expect(click.defaultPrevented).to.equal(true);
      expect(shares[0]!.detail.network).to.equal('facebook');
      expect(shares[0]!.detail.url).to.contain('utm_source=facebook');
      expect(shares[0]!.cancelable).to.equal(true);
    });

    it('makes no request, sets no cookie and stores nothing, even when used', async () => {
      const cookies = document.cookie;
      const stored = JSON.stringify({ ...localStorage });
      const requests = performance.getEntriesByType('resource').length;
      let sent = 0;
      const count = () => void sent++;
      worker.events.on('request:start', count);
      sinon.stub(navigator, 'clipboard').value({ writeText: sinon.stub().resolves() });
      const el = await mount(`url="${URL_}"`);
      for (const control of $$(el, 'a, button')) control.click();
      await new Promise((r) => setTimeout(r, 100));
      worker.events.removeListener('request:start', count);
      expect(sent).to.equal(0);
      expect(performance.getEntriesByType('resource').length).to.equal(requests);
      expect(document.cookie).to.equal(cookies);
      expect(JSON.stringify({ ...localStorage })).to.equal(stored);
    });

    it('keeps server-rendered share links in the page', async () => {
      const el = await mount(`url="${URL_}"`);
      expect(el.querySelector('a')!.textContent).to.equal('Share by email');
    });

    it('speaks Welsh', async () => {
      const el = await mount(`url="${URL_}" networks="facebook,email,sms,copy"`, 'cy');
      expect(names(el)).to.deep.equal(['Rhannu ar Facebook (yn agor mewn tab newydd)', 'Rhannu drwy e-bost', 'Rhannu drwy neges destun', 'Copïo dolen']);
      expect(el.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal("Rhannu'r dudalen hon");
    });

    it('in the icons variant hides the words visually but keeps the accessible names', async () => {
      const el = await mount(`url="${URL_}" networks="facebook,copy" variant="icons"`);
      const label = el.shadowRoot!.querySelector<HTMLElement>('[part="label"]')!;
      expect(label.getBoundingClientRect().width).to.be.at.most(1);
      expect(names(el)[0]).to.equal('Share on Facebook (opens in new tab)');
    });
  });

  describe('accessibility', () => {
    for (const lang of ['en', 'cy']) {
      for (const variant of ['buttons', 'icons']) {
        it(`passes axe (${lang}, ${variant}, brand colours on and off)`, async () => {
          const all = 'facebook,x,linkedin,whatsapp,bluesky,mastodon,threads,reddit,telegram,nextdoor,email,sms,copy,print';
          await expectAccessible((await mount(`url="${URL_}" networks="${all}" variant="${variant}"`, lang)).parentElement!);
          await expectAccessible((await mount(`url="${URL_}" networks="${all}" variant="${variant}" brand-colours`, lang)).parentElement!);
        });
      }
    }

    it('passes axe with the copy-failed field shown', async () => {
      sinon.stub(navigator, 'clipboard').value(undefined);
      const el = await mount(`url="${URL_}" networks="copy"`);
      $$(el, 'button')[0]!.click();
      await until(() => !!el.shadowRoot!.querySelector('input'), 'field');
      await expectAccessible(el.parentElement!);
    });

    it('is reachable by keyboard, has targets of at least 44×44 px and wraps at 320 px', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const el = await mount(`url="${URL_}" networks="facebook,x,whatsapp,linkedin,bluesky,email,copy"`);
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement?.textContent).to.contain('Facebook');
        for (const control of $$(el, 'a, button')) {
          const box = control.getBoundingClientRect();
          expect(box.width).to.be.at.least(44);
          expect(box.height).to.be.at.least(44);
          expect(box.right).to.be.at.most(320);
        }
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  });
});
