import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { announce } from '../core/announce.js';
import { CivicDismissEvent } from '../core/events.js';
import { FeedController } from '../core/feed/feed-controller.js';
import { CivicFeedElement } from '../core/feed/feed-element.js';
import { hash } from '../core/hash.js';
import { freshnessText, updatedText } from '../core/i18n/format.js';
import * as core from '../core/i18n/messages.js';
import { cy, en } from './messages.js';
import { TextController } from '../core/i18n/text-controller.js';
import { safeUrl } from '../core/safe-url.js';
import { loadList, saveList } from '../core/stored-list.js';
import { sharedStyles } from '../core/styles/shared.js';
import { styles } from './alert-banner.styles.js';
import { currentAlerts, severityRank } from './current.js';
import { adapters } from './formats/index.js';
import { ICON_PATHS } from './icons.js';
import { reviveAlerts, type Alert, type AlertFeed, type AlertText } from './types.js';

const HIDDEN = 'hidden-alerts';
const DISMISSABLE = new Set(['announcement', 'minor']);

/**
 * @summary Service alerts (gritting, bins, closures, flood warnings) from the council's own feed.
 *
 * Reads civic alerts JSON, RSS, Atom, CAP 1.2, Environment Agency flood JSON or the Met Office's warnings RSS. Alerts are ordered by
 * severity, then newest first; each shows its severity in words, an icon and colour. Announcements
 * and minor alerts can be hidden; major alerts and notable deaths cannot. With no current alerts the
 * element takes no space.
 *
 * @tagname civic-alert-banner
 * @slot - Fallback content (a link to the council's alerts page), shown until alerts load, and kept
 *   if they cannot be loaded.
 * @fires {CivicLoadEvent} civic-load - The first alerts were shown. `detail: { items, updatedAt }`.
 * @fires {CivicUpdateEvent} civic-update - A poll brought new or changed alerts. `detail: { items, updatedAt }`.
 * @fires {CivicErrorEvent} civic-error - The feed could not be used. `detail: { url, status, reason, skipped? }`.
 * @fires {CivicDismissEvent} civic-dismiss - Cancelable. A resident is hiding an alert. `detail: { id, title, severity }`.
 * @csspart region - The "Service alerts" landmark.
 * @csspart list - The list of alerts.
 * @csspart alert - One alert (also `alert-<severity>`).
 * @csspart icon - The severity icon.
 * @csspart severity - The severity in words.
 * @csspart heading - The alert's title.
 * @csspart message - The alert's text.
 * @csspart link - The "More information" link.
 * @csspart meta - Area and last-updated time of one alert.
 * @csspart attribution - The Environment Agency or Met Office attribution.
 * @csspart share - The share bar of one alert (with the `share` attribute).
 * @csspart hide-button - The "Hide" button.
 * @csspart more-button - "Show N more alerts" / "Show fewer alerts".
 * @csspart restore-button - "Show N hidden alerts".
 * @csspart stale - "These alerts may be out of date".
 * @csspart updated - When the council last changed the alerts ("Last changed at 16:00").
 * @csspart controls - The strip under the alerts holding "Show more", "Show hidden" and the time.
 * @csspart meaning - What an Environment Agency level means ("Flooding is possible. Be prepared.").
 * @cssprop --civic-alert-banner-major-background - Default #942514.
 * @cssprop --civic-alert-banner-major-text - Default #ffffff.
 * @cssprop --civic-alert-banner-major-accent - The major alert's left border. Default #5e1409.
 * @cssprop --civic-alert-banner-controls-background - The strip under the alerts. Default: --civic-color-background; `transparent` on a dark header.
 * @cssprop --civic-alert-banner-controls-text - Its text and button colour. Default: --civic-color-text; `#ffffff` on a dark header.
 * @cssprop --civic-alert-banner-minor-background - Default #fff7d6.
 * @cssprop --civic-alert-banner-minor-text - Default: --civic-color-text.
 * @cssprop --civic-alert-banner-minor-accent - Default #f47738.
 * @cssprop --civic-alert-banner-announcement-background - Default #e8f1f8.
 * @cssprop --civic-alert-banner-announcement-text - Default: --civic-color-text.
 * @cssprop --civic-alert-banner-announcement-accent - Default: --civic-color-brand.
 * @cssprop --civic-alert-banner-notable-death-background - Default #0b0c0c.
 * @cssprop --civic-alert-banner-notable-death-text - Default #ffffff.
 */
export class CivicAlertBanner extends CivicFeedElement<AlertFeed> {
  static override styles = [sharedStyles, styles];

  static override properties = {
    max: { type: Number },
    headingLevel: { type: Number, attribute: 'heading-level' },
    area: {},
    showTest: { type: Boolean, attribute: 'show-test' },
    emptyText: { attribute: 'empty-text' },
    share: { type: Boolean },
    label: {},
    expanded: { state: true },
    hiddenKeys: { state: true },
  };

  /** `auto` | `json` | `rss` | `atom` | `cap` | `ea-floods` | `met-office`. */
  declare format: string;
  /** Most alerts shown at once; the rest are behind "Show N more alerts". */
  max = 3;
  /** Level of each alert's heading, 2 to 6. */
  headingLevel = 2;
  /** Show only alerts whose area contains this text (case-insensitive); alerts without an area always show. */
  declare area: string | undefined;
  /** Show CAP Test and Exercise alerts (for previews). */
  showTest = false;
  /** Text shown when there are no current alerts; without it the element takes no space. */
  declare emptyText: string | undefined;
  /**
   * Add a `<civic-share-bar>` to each alert (sharing its link, else the page, with its title). The
   * share bar must be loaded too: `cdn/civic-widgets.js` has it; otherwise add `cdn/civic-share-bar.js`.
   */
  share = false;
  /**
   * The name of the alerts' landmark region (default "Service alerts", in the page's language). Give
   * each banner on a page its own, e.g. `label="Flood warnings"`: two regions with one name are
   * indistinguishable in a screen reader's list of landmarks.
   */
  declare label: string | undefined;

  /** @internal */
  private expanded = false;
  /** @internal */
  private hiddenKeys: string[] = [];

  readonly #text = new TextController(this, { en: { ...core.en, ...en }, cy: { ...core.cy, ...cy } });
  /** @internal */
  protected readonly feed = new FeedController<AlertFeed>(this, {
    kind: 'alerts',
    adapters,
    items: (data) => data.alerts,
    skipped: (data) => data.skipped,
    revive: reviveAlerts,
  });
  override connectedCallback(): void {
    super.connectedCallback();
    this.hiddenKeys = loadList(HIDDEN);
  }

  /** @internal Alerts start and end on the client clock: which are current, and whether the data is out of date. */
  protected timeKey(): string {
    return `${this.#current().map((a) => a.id).join()}|${this.feed.outOfDate}`;
  }

  #rank(alert: Alert): number {
    return severityRank(alert.severity);
  }

  /** Alerts to show now, in their order (see current.ts, shared with the server-rendered fragment). */
  #current(): Alert[] {
    return currentAlerts(this.feed.data?.alerts ?? [], { area: this.area, showTest: this.showTest });
  }

  /** The words in the page's language (CAP feeds may carry several). */
  #words(alert: Alert): AlertText {
    return alert.translations?.[this.#text.lang] ?? alert;
  }

  /** Hiding is remembered per id and content, so an edited or escalated alert shows again. */
  #hideKey(alert: Alert): string {
    return `${alert.id}|${hash([alert.severity, alert.title, alert.message, alert.url, alert.start, alert.end].join('|'))}`;
  }

  #isHidden(alert: Alert): boolean {
    return DISMISSABLE.has(alert.severity) && this.hiddenKeys.includes(this.#hideKey(alert));
  }

  async #handleHideClick(alert: Alert): Promise<void> {
    const event = new CivicDismissEvent({ id: alert.id, title: alert.title, severity: alert.severity });
    if (!this.dispatchEvent(event)) return;
    this.hiddenKeys = [...this.hiddenKeys, this.#hideKey(alert)];
    saveList(HIDDEN, this.hiddenKeys);
    await this.updateComplete;
    // Focus goes to the control that brings it back, never to <body>.
    this.renderRoot.querySelector<HTMLElement>('.restore')?.focus();
  }

  async #handleRestoreClick(): Promise<void> {
    const restored = this.#current().filter((a) => this.#isHidden(a));
    const keys = new Set(restored.map((a) => this.#hideKey(a)));
    // Focus goes to the first restored alert, which a screen reader reads: announcing it too would
    // say it twice. They count as seen.
    for (const a of restored) this.markSeen(a.id, this.#rank(a));
    this.hiddenKeys = this.hiddenKeys.filter((key) => !keys.has(key));
    saveList(HIDDEN, this.hiddenKeys);
    this.expanded = true;
    await this.updateComplete;
    this.#focusAlert(restored[0]);
  }

  async #handleMoreClick(firstHidden: Alert | undefined): Promise<void> {
    this.expanded = !this.expanded;
    await this.updateComplete;
    if (this.expanded) this.#focusAlert(firstHidden);
  }

  #focusAlert(alert: Alert | undefined): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('.heading')];
    (items.find((el) => el.dataset['id'] === alert?.id) ?? items[0])?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const current = this.#current();
    const visible = current.filter((a) => !this.#isHidden(a));
    // Nothing current: take no space. (All hidden still shows the "Show N hidden alerts" button.)
    this.toggleAttribute('empty', this.feed.data !== undefined && !current.length && !this.emptyText);
    // Announce alerts that appear or escalate while the page is open; nothing on page load.
    const risen = new Set(this.newItems(new Map(visible.map((a) => [a.id, this.#rank(a)]))));
    for (const alert of visible.filter((a) => risen.has(a.id))) {
      const severity = this.#text.t(`severity.${alert.severity}`);
      announce(this.#text.t('newAlert', { severity, title: this.#words(alert).title }), alert.severity === 'announcement' || alert.severity === 'minor' ? 'polite' : 'assertive');
    }
  }

  #renderAlert(alert: Alert): TemplateResult {
    const t = this.#text;
    const words = this.#words(alert);
    const url = safeUrl(words.url);
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2));
    const time = alert.updated ?? alert.start;
    const when = time === undefined ? '' : updatedText(t, new Date(time));
    return html`<li part="alert alert-${alert.severity}" class="alert ${alert.severity}">
      ${ICON_PATHS[alert.severity]
        ? // Decorative: the severity is also given in words next to the icon.
          svg`<svg part="icon" class="icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><path d=${ICON_PATHS[alert.severity]}></path></svg>`
        : nothing}
      <div class="body">
        <p part="severity" class="severity ${alert.severity === 'notable-death' ? 'visually-hidden' : ''}">
          ${alert.test ? t.t('testAlert') : alert.eaLevel ? t.t(`ea.${alert.eaLevel}`) : t.t(`severity.${alert.severity}`)}
        </p>
        <div part="heading" class="heading" role="heading" aria-level=${level} tabindex="-1" data-id=${alert.id}>${words.title}</div>
        ${alert.eaLevel ? html`<p part="meaning" class="meaning">${t.t(`eaMeaning.${alert.eaLevel}`)}</p>` : nothing}
        ${words.message ? html`<p part="message" class="message">${words.message}</p>` : nothing}
        ${url
          ? html`<a part="link" href=${url}>${words.linkText || t.t('moreInformation')}</a>`
          : words.linkText
            ? html`<span part="link">${words.linkText}</span>`
            : nothing}
        ${words.area || when
          ? html`<p part="meta" class="meta">${[words.area ? t.t('area', { area: words.area }) : '', when].filter(Boolean).join(' · ')}</p>`
          : nothing}
        ${alert.source === 'ea' || alert.source === 'met-office'
          ? html`<p part="attribution" class="attribution">${t.t(alert.source === 'ea' ? 'eaAttribution' : 'metAttribution')}</p>`
          : nothing}
        ${this.share
          ? // Compact inside an alert: five full buttons per alert made three alerts 1,700 px tall on a phone.
            html`<civic-share-bar part="share" url=${url ?? nothing} text=${words.title} networks="whatsapp,facebook,x,email,copy" variant="icons"></civic-share-bar>`
          : nothing}
      </div>
      ${DISMISSABLE.has(alert.severity)
        ? html`<button part="hide-button" class="hide" type="button" aria-label=${t.t('hideAlert', { title: words.title })} @click=${() => this.#handleHideClick(alert)}>
            ${t.t('hide')}
          </button>`
        : nothing}
    </li>`;
  }

  override render(): TemplateResult {
    const t = this.#text;
    const feed = this.feed;
    if (!feed.data) return html`<slot></slot>`;
    const current = this.#current();
    const visible = current.filter((a) => !this.#isHidden(a));
    const hiddenCount = current.length - visible.length;
    const max = Math.max(1, Math.trunc(this.max) || 1);
    const shown = this.expanded ? visible : visible.slice(0, max);
    if (!visible.length && !hiddenCount && !this.emptyText) return html``;
    const outOfDate = this.feed.outOfDate;
    const alerts = feed.data.alerts;
    const updated = freshnessText(t, feed.data.updated, alerts.map((a) => a.updated ?? a.start), feed.updatedAt);
    return html`<section part="region" aria-label=${this.label?.trim() || t.t('region')}>
      ${outOfDate ? html`<p part="stale" class="stale" role="status">${t.t('outOfDate')}</p>` : nothing}
      ${shown.length
        ? html`<ul part="list" role="list">
            ${shown.map((a) => this.#renderAlert(a))}
          </ul>`
        : visible.length || hiddenCount
          ? nothing
          : html`<p class="empty">${this.emptyText}</p>`}
      <div class="controls" part="controls">
        ${visible.length > max
          ? html`<button part="more-button" type="button" aria-expanded=${this.expanded ? 'true' : 'false'} @click=${() => this.#handleMoreClick(visible[max])}>
              ${this.expanded ? t.t('showFewer') : t.plural('showMore', visible.length - max)}
            </button>`
          : nothing}
        ${hiddenCount
          ? html`<button part="restore-button" class="restore" type="button" @click=${() => this.#handleRestoreClick()}>
              ${t.plural('showHidden', hiddenCount)}
            </button>`
          : nothing}
        ${updated ? html`<p part="updated" class="updated">${updated}</p>` : nothing}
      </div>
    </section>`;
  }
}
