import { html, nothing, type TemplateResult } from 'lit/html.js';
import { CivicLiteElement } from '../core/lite-element.js';
import { CivicErrorEvent, CivicShareEvent } from '../core/events.js';
import { cy, en } from './messages.js';
import { SimpleTextController } from '../core/i18n/text-controller.js';
import { safeUrl } from '../core/safe-url.js';
import { liteStyles } from '../core/styles/shared.js';
import { icon, isNetwork } from './icons.js';
import { NAMES, shareLink, type Network } from './networks.js';
import { styles } from './share-bar.styles.js';

const DEFAULT_NETWORKS = 'native,facebook,x,whatsapp,linkedin,bluesky,email,copy';

/**
 * @summary Share links for every channel residents use: no tracking, no cookies, no request to anyone
 * until the resident clicks.
 *
 * Each network is a real link (`target="_blank"`, `rel="noopener noreferrer"`), so the bar works under
 * a strict Content-Security-Policy. "Copy link" announces "Link copied"; "Share…" appears only where
 * the browser can share natively.
 *
 * Built on lit-html alone (CivicLiteElement), so that the whole file, Lit included, is smaller than
 * shareon's. Every property mirrors its attribute.
 *
 * @tagname civic-share-bar
 * @slot - Fallback share links, kept when the element cannot upgrade.
 * @fires {CivicShareEvent} civic-share - Cancelable. A resident chose a network. `detail: { network, url }`.
 * @fires {CivicErrorEvent} civic-error - The text was shortened to fit a network's limit or a link's length (never a network dropped). `detail: { url, status: 0, reason: 'too-long', networks }`.
 * @csspart bar - The group of share controls.
 * @csspart list - The list of networks.
 * @csspart item - One network.
 * @csspart link - A network's share link.
 * @csspart button - Share…, Copy link and Print.
 * @csspart icon - A network's icon.
 * @csspart label - A network's name.
 * @csspart status - A polite live region: "Link copied" / "Press Ctrl+C to copy" (present, empty, from the start).
 * @csspart field - The link, shown selected when it could not be copied.
 * @cssprop --civic-share-bar-gap - Space between buttons (default 0.5rem).
 * @cssprop --civic-share-bar-button-size - Minimum height and width of each control (default 44px).
 */
export class CivicShareBar extends CivicLiteElement {
  static override styles = [...liteStyles, styles];

  static override liteProperties = {
    url: {},
    text: {},
    networks: { default: DEFAULT_NETWORKS },
    mastodonInstance: {},
    utm: { type: 'boolean' as const },
    label: {},
    variant: { default: 'buttons' },
    brandColours: { type: 'boolean' as const },
  };

  static {
    this.declareProperties();
  }

  /**
   * The URL to share. Default: the page's `<link rel="canonical">`, else its address, without any #fragment.
   * @attr url
   */
  declare url: string | undefined;
  /**
   * The text to share. Default: the page title.
   * @attr text
   */
  declare text: string | undefined;
  /**
   * Networks in display order, comma-separated. Default `native,facebook,x,whatsapp,linkedin,bluesky,email,copy`.
   * @attr networks
   */
  declare networks: string;
  /**
   * Mastodon server to share to (e.g. `mastodon.social`); without it, Mastodon's share hub.
   * @attr mastodon-instance
   */
  declare mastodonInstance: string | undefined;
  /**
   * Add `utm_source=<network>&utm_medium=social` to shared links.
   * @attr utm
   */
  declare utm: boolean;
  /**
   * Accessible name of the bar. Default "Share this page".
   * @attr label
   */
  declare label: string | undefined;
  /**
   * `buttons` (icon and name, the default) or `icons` (icon only; the name is still spoken).
   * @attr variant
   */
  declare variant: 'buttons' | 'icons';
  /**
   * Icons in each network's brand colour instead of the theme colour.
   * @attr brand-colours
   */
  declare brandColours: boolean;

  #status: 'copied' | 'failed' | undefined;
  readonly #text = new SimpleTextController(this, { en, cy });
  #statusTimer: ReturnType<typeof setTimeout> | undefined;
  /** Networks whose text this render shortened, and what the host page was last told. */
  #shortened: string[] = [];
  #told = '';

  /** A length limit removed part of the text: the host page hears it once, and again only for other networks (`civic-error`, `too-long`). */
  #tellShortened(): void {
    const key = this.#shortened.join();
    if (key !== this.#told && (this.#told = key) && this.#shortened.length) {
      this.dispatchEvent(new CivicErrorEvent({ url: this.#shareUrl(), status: 0, reason: 'too-long', networks: this.#shortened }));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#statusTimer);
  }

  #setStatus(status: 'copied' | 'failed' | undefined): void {
    this.#status = status;
    this.requestUpdate();
  }

  /** The URL to share, without #fragment, with utm parameters for `network` when asked. */
  #shareUrl(network?: Network): string {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const url = new URL(safeUrl(this.url || canonical || location.href) ?? location.href);
    url.hash = '';
    if (this.utm && network) {
      url.searchParams.set('utm_source', network);
      url.searchParams.set('utm_medium', 'social');
    }
    return url.href;
  }

  /** Fires civic-share; false when a listener cancelled it. */
  #share(network: Network): boolean {
    return this.dispatchEvent(new CivicShareEvent({ network, url: this.#shareUrl(network) }));
  }

  #handleLinkClick(event: Event, network: Network): void {
    if (!this.#share(network)) event.preventDefault();
  }

  async #handleNativeClick(): Promise<void> {
    const text = this.#shareText();
    // A cancelled share (AbortError) or a refusal needs no message.
    if (this.#share('native')) await navigator.share({ title: text, text, url: this.#shareUrl('native') }).catch(() => undefined);
  }

  async #handleCopyClick(): Promise<void> {
    if (!this.#share('copy')) return;
    const copied = await navigator.clipboard?.writeText(this.#shareUrl('copy')).then(
      () => true,
      () => false,
    );
    clearTimeout(this.#statusTimer);
    this.#setStatus(copied ? 'copied' : 'failed');
    if (copied) this.#statusTimer = setTimeout(() => this.#setStatus(undefined), 5000);
    else {
      // Show the link selected, so Ctrl+C copies it. Focus stays where the resident left it.
      await this.updateComplete;
      this.renderRoot.querySelector('input')?.select();
    }
  }

  #handlePrintClick(): void {
    if (this.#share('print')) window.print();
  }

  #shareText(): string {
    return (this.text ?? document.title).trim(); // made well-formed where it is encoded
  }

  #renderItem(network: Network): TemplateResult | typeof nothing {
    const t = this.#text;
    const content = (label: string, newTab?: boolean) =>
      html`${icon(network)}<span part="label" class=${this.variant === 'icons' ? 'visually-hidden' : ''}>${label}</span>${newTab
          ? html`<span class="visually-hidden"> ${t.t('newTab')}</span>`
          : nothing}`;
    const button = (label: string, onClick: () => unknown) =>
      html`<li part="item"><button part="button" type="button" @click=${onClick}>${content(label)}</button></li>`;
    if (network === 'native') {
      // Only where the browser can really share this URL.
      return navigator.canShare?.({ url: this.#shareUrl() }) ? button(t.t('native'), this.#handleNativeClick) : nothing;
    }
    if (network === 'copy') return button(t.t('copy'), this.#handleCopyClick);
    if (network === 'print') return button(t.t('print'), this.#handlePrintClick);
    const link = shareLink(network, { url: this.#shareUrl(network), text: this.#shareText(), instance: this.mastodonInstance });
    const href = safeUrl(link?.href, undefined, ['sms:']);
    if (!href) return nothing;
    if (link?.shortened) this.#shortened.push(network);
    const local = network === 'email' || network === 'sms';
    return html`<li part="item">
      <a part="link" class=${network} href=${href} target=${local ? '_self' : '_blank'} rel="noopener noreferrer" @click=${(e: Event) => this.#handleLinkClick(e, network)}
        >${content(local ? t.t(network) : t.t('shareOn', { network: NAMES[network] ?? network }), !local)}</a
      >
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.#text;
    // Names this bar does not know are left out (own names only: `constructor` is no network).
    const networks = [...new Set(this.networks.split(',').map((n) => n.trim().toLowerCase()))].filter(isNetwork);
    this.#shortened = [];
    const items = networks.map((n) => this.#renderItem(n));
    this.#tellShortened();
    return html`<div part="bar" role="group" aria-label=${this.label || t.t('label')}>
      <ul part="list" role="list">
        ${items}
      </ul>
      <p part="status" role="status">
        ${this.#status === 'copied' ? t.t('copied') : nothing}
        ${this.#status === 'failed'
          ? html`<label for="link">${t.t('copyFailed')}<span class="visually-hidden"> (${t.t('linkField')})</span></label>
              <input part="field" id="link" readonly .value=${this.#shareUrl('copy')} />`
          : nothing}
      </p>
    </div>`;
  }
}
