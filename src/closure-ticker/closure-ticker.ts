import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { announce } from '../core/announce.js';
import { FeedController } from '../core/feed/feed-controller.js';
import { CivicFeedElement } from '../core/feed/feed-element.js';
import { pageHidden } from '../core/scheduler.js';
import { formatDate, freshnessText } from '../core/i18n/format.js';
import { closureDay, closureSummary, closuresOn, closureWhen } from './current.js';
import * as core from '../core/i18n/messages.js';
import { cy, en } from './messages.js';
import { TextController } from '../core/i18n/text-controller.js';
import { absoluteUrl, safeUrl } from '../core/safe-url.js';
import { loadList, saveList } from '../core/stored-list.js';
import { sharedStyles } from '../core/styles/shared.js';
import { styles } from './closure-ticker.styles.js';
import { adapters } from './formats/index.js';
import { reviveClosures, type Closure, type ClosureFeed } from './types.js';

const MINE = 'my-schools';
/** Closures a narrow or still ticker shows before "Show all". */
const FIRST = 3;
/** The ticker moves only when it is at least this wide (in rem) and motion is welcome. */
const MOVING_WIDTH = 36;
let motionQuery: MediaQueryList | undefined;
const reducedMotion = (): MediaQueryList | undefined => (motionQuery ??= typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined);

/**
 * @summary School closures from the council's feed, as a ticker on the home page or a searchable list.
 *
 * Reads civic closures JSON, RSS, Atom or CSV. A summary ("12 schools closed, 3 partially open") and
 * the update time come first. The ticker scrolls with a CSS transform, pauses on hover, focus and its
 * Pause button, and does not move at all with `prefers-reduced-motion`. The list groups schools by
 * status, can be searched by name or URN, and lets parents star their schools.
 *
 * @tagname civic-closure-ticker
 * @slot - Fallback content (a link to the council's closures page), shown until closures load, and kept
 *   if they cannot be loaded.
 * @fires {CivicLoadEvent} civic-load - The first closures were shown. `detail: { items, updatedAt }`.
 * @fires {CivicUpdateEvent} civic-update - A poll brought new or changed closures. `detail: { items, updatedAt }`.
 * @fires {CivicErrorEvent} civic-error - The feed could not be used, or rows were skipped. `detail: { url, status, reason, skipped? }`.
 * @csspart region - The "School closures" landmark.
 * @csspart summary - The counts and update time.
 * @csspart list - A list of schools.
 * @csspart item - One school.
 * @csspart status - A school's status in words.
 * @csspart link - A school's "More information" link.
 * @csspart track - The scrolling ticker.
 * @csspart pause-button - Pause / Play.
 * @csspart search - The "Find a school" field.
 * @csspart star-button - "My school" (a toggle: `aria-pressed`), in list mode.
 * @csspart show-all-button - "Show all N closures", in a narrow or still ticker.
 * @csspart see-all - The "See all closures" link.
 * @csspart stale - "These closures may be out of date".
 * @csspart share - A school's share bar (list mode, with the `share` attribute).
 * @cssprop --civic-closure-ticker-closed - Colour of closed schools (default #942514).
 * @cssprop --civic-closure-ticker-partial - Colour of partly open schools (default #8a4b00).
 * @cssprop --civic-closure-ticker-open - Colour of open schools (default #00703c).
 */
export class CivicClosureTicker extends CivicFeedElement<ClosureFeed> {
  static override styles = [sharedStyles, styles];

  static override properties = {
    mode: { reflect: true },
    speed: { type: Number },
    area: {},
    cutoff: {},
    listUrl: { attribute: 'list-url' },
    share: { type: Boolean },
    label: {},
    paused: { state: true },
    expanded: { state: true },
    moving: { state: true },
    query: { state: true },
    mine: { state: true },
  };

  /** `auto` | `json` | `rss` | `atom` | `csv`. */
  declare format: string;
  /** `ticker` (scrolling, for a home page) or `list` (grouped, searchable). */
  mode: 'ticker' | 'list' = 'ticker';
  /** Ticker speed in pixels per second. */
  speed = 60;
  /** Show only closures whose area contains this text (case-insensitive). */
  declare area: string | undefined;
  /** London time after which tomorrow's closures are shown, when the feed has any. */
  cutoff = '15:30';
  /** The council's full closures page, linked as "See all closures". */
  declare listUrl: string | undefined;
  /**
   * In list mode, add a `<civic-share-bar>` to each school (sharing its link, else the page). The
   * share bar must be loaded too: `cdn/civic-widgets.js` has it; otherwise add `cdn/civic-share-bar.js`.
   */
  share = false;
  /** The name of the closures' landmark region (default "School closures", in the page's language), for a page with more than one. */
  declare label: string | undefined;

  /** @internal */
  private paused = false;
  /** @internal Every closure shown in a narrow or still ticker ("Show all 12 closures"). */
  private expanded = false;
  /**
   * @internal Whether the ticker moves: room for it and no Reduce Motion. Decided here, not by media
   * and container queries in the stylesheet, because WebKit (every iOS browser) does not re-evaluate
   * those in adopted stylesheets when Reduce Motion is switched with the page open (seen in WebKitGTK
   * 2.50): the ticker kept moving.
   */
  private moving = false;
  /** @internal */
  private query = '';
  /** @internal */
  private mine: string[] = [];

  readonly #text = new TextController(this, {
    en: { ...core.en, ...en },
    cy: { ...core.cy, ...cy },
  });
  /** @internal */
  protected readonly feed = new FeedController<ClosureFeed>(this, {
    kind: 'closures',
    adapters,
    items: (data) => data.closures,
    skipped: (data) => data.skipped,
    revive: reviveClosures,
  });
  #resize: ResizeObserver | undefined;
  #width = -1;
  #list: typeof import('./list.js') | undefined;
  #fresh = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.mine = loadList(MINE);
    // The ticker stops while the page is hidden, and follows its width and Reduce Motion as they change.
    document.addEventListener('visibilitychange', this.#handleVisibility);
    reducedMotion()?.addEventListener('change', this.#handleVisibility);
    // Only a change of width matters (moving changes the height), and never within the observer's own
    // frame: "ResizeObserver loop completed with undelivered notifications" would reach the host page.
    this.#resize ??=
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(([entry]) => {
            const width = Math.round(entry?.contentRect.width ?? 0);
            if (width === this.#width) return;
            this.#width = width;
            requestAnimationFrame(() => this.#measure());
          })
        : undefined;
    this.#resize?.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#handleVisibility);
    reducedMotion()?.removeEventListener('change', this.#handleVisibility);
    this.#resize?.disconnect();
  }

  #handleVisibility = (): void => this.requestUpdate();

  /** @internal The day shown (it changes at midnight and after the cutoff), and whether the data is out of date. */
  protected timeKey(): string {
    return `${this.#day().key}|${this.feed.outOfDate}`;
  }

  /** The day shown: today, or tomorrow after the cutoff when the feed has closures for tomorrow. */
  #day(): { day: string; tomorrow: boolean; key: string } {
    const { day, tomorrow } = closureDay(this.feed.data?.closures ?? [], this.#text.lang, { area: this.area, cutoff: this.cutoff });
    return { day, tomorrow, key: day };
  }

  /** Closures covering `day` in the chosen area, most serious first, then by name (see current.ts). */
  #closures(day: string): Closure[] {
    return closuresOn(this.feed.data?.closures ?? [], day, this.#text.lang, { area: this.area });
  }

  #handleSearchInput = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    const count = this.#list?.matching(this.#closures(this.#day().day), this.query).length ?? 0;
    announce(this.#text.plural('found', count));
  };

  #handleStarClick(closure: Closure): void {
    const key = closure.urn ?? closure.id;
    this.mine = this.mine.includes(key) ? this.mine.filter((k) => k !== key) : [...this.mine, key];
    saveList(MINE, this.mine);
  }

  // Everything that decides what is rendered is worked out here, before the render: setting state in
  // updated() would render twice (and Lit warns about it).
  protected override willUpdate(): void {
    if (this.mode === 'list' && !this.#list) {
      import('./list.js').then(
        (list) => {
          this.#list = list;
          this.requestUpdate();
        },
        () => undefined, // offline: the summary stays, and the next update tries again
      );
    }
    const shown = this.#closures(this.#day().day).filter((c) => c.status !== 'open');
    // One polite announcement for closures that appear while the page is open: never the whole list.
    const added = this.newItems(new Map(shown.map((c) => [c.id, 1])));
    if (added.length) {
      announce(this.#text.plural('moreClosed', added.length));
      this.#fresh = new Set(added);
    }
    this.#measure();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The ticker's speed: the track holds the items twice and moves by one copy's width.
    const track = this.renderRoot.querySelector<HTMLElement>('.track');
    if (track) track.style.setProperty('--_duration', `${Math.max(5, track.scrollWidth / 2 / Math.max(10, this.speed || 60))}s`);
  }

  /** Moves only with room for it and no Reduce Motion (the host's width: known before the first render). */
  #measure(): void {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const moving = this.isConnected && this.clientWidth >= MOVING_WIDTH * rem && !reducedMotion()?.matches;
    if (moving !== this.moving) this.moving = moving;
  }

  #when(c: Closure, day: string, tomorrow: boolean): string {
    return closureWhen(c, day, tomorrow, this.#text);
  }

  /** The status in words with its shape: a closed school's words are its dates ("Closed until Monday"). */
  #renderStatus(c: Closure, when: string): TemplateResult {
    const t = this.#text;
    const closedWhen = c.status === 'closed' && when;
    return html`<span part="status" class="status"><span class="dot" aria-hidden="true"></span>${closedWhen || t.t(`status.${c.status}`)}</span>
      ${when && !closedWhen ? html`<span class="when">${when}</span>` : nothing}`;
  }

  /** One school in the ticker: its name and status, to read at a glance. */
  #renderTickerItem(c: Closure, day: string, tomorrow: boolean): TemplateResult {
    return html`<li part="item" class="item ${c.status} ${this.#fresh.has(c.id) ? 'fresh' : ''}">
      <strong class="school">${c.school}</strong> ${this.#renderStatus(c, this.#when(c, day, tomorrow))}
    </li>`;
  }

  /** One school in the list: a row with its name and details, status, link, share and My school. */
  #renderListItem(c: Closure, day: string, tomorrow: boolean): TemplateResult {
    const t = this.#text;
    const when = this.#when(c, day, tomorrow);
    const url = safeUrl(c.url);
    const starred = this.mine.includes(c.urn ?? c.id);
    return html`<li part="item" class="item row ${c.status} ${this.#fresh.has(c.id) ? 'fresh' : ''}">
      <div class="name">
        <strong class="school">${c.school}</strong>
        ${c.reason ? html`<span class="reason">${c.reason}</span>` : nothing}
        ${c.affected ? html`<span class="affected">${t.t('affected', { list: c.affected.join(', ') })}</span>` : nothing}
      </div>
      <div class="state">${this.#renderStatus(c, when)}</div>
      <div class="actions">
        ${url ? html`<a part="link" href=${url}>${t.t('moreInformation')}<span class="visually-hidden">: ${c.school}</span></a>` : nothing}
        <button part="star-button" class="star" type="button" aria-pressed=${starred ? 'true' : 'false'} @click=${() => this.#handleStarClick(c)}>
          <span class="star-icon" aria-hidden="true">${starred ? '★' : '☆'}</span>${t.t('mySchool')}<span class="visually-hidden">: ${c.school}</span>
        </button>
        ${this.share
          ? html`<civic-share-bar part="share" url=${url ?? nothing} text=${`${c.school}: ${when || t.t(`status.${c.status}`)}`} networks="whatsapp,facebook,email,copy" variant="icons"></civic-share-bar>`
          : nothing}
      </div>
    </li>`;
  }

  /**
   * The ticker. Where there is room and motion is welcome it scrolls, with fading edges; in a narrow
   * widget (a phone) or with reduced motion it is a still list of the first closures, with a button
   * for the rest. The Pause button changes its label and is not a toggle (no aria-pressed), so a
   * screen reader never hears "Play, pressed".
   */
  #renderTicker(closures: Closure[], day: string, tomorrow: boolean): TemplateResult {
    const t = this.#text;
    const shown = closures.filter((c) => c.status !== 'open');
    const items = shown.map((c) => this.#renderTickerItem(c, day, tomorrow));
    const paused = this.paused || pageHidden();
    return html`<div class="ticker ${paused ? 'paused' : ''} ${this.expanded ? 'expanded' : ''} ${this.moving ? 'moving' : ''}">
      <div class="viewport">
        <div part="track" class="track">
          <ul part="list" role="list">
            ${items}
          </ul>
          <ul class="copy" aria-hidden="true" inert>
            ${items}
          </ul>
        </div>
      </div>
      <button part="pause-button" class="pause" type="button" @click=${() => (this.paused = !this.paused)}>${t.t(this.paused ? 'play' : 'pause')}</button>
      ${shown.length > FIRST
        ? html`<button part="show-all-button" class="show-all" type="button" aria-expanded=${this.expanded ? 'true' : 'false'} @click=${() => (this.expanded = !this.expanded)}>
            ${this.expanded ? t.t('showFirst') : t.plural('showAll', shown.length)}
          </button>`
        : nothing}
    </div>`;
  }

  #summary(closures: Closure[]): string {
    return closureSummary(closures, this.#text);
  }

  override render(): TemplateResult {
    const t = this.#text;
    const feed = this.feed;
    // List mode's code arrives on demand: a server-rendered list stays until it has.
    if (!feed.data || (this.mode === 'list' && !this.#list && this.querySelector(':scope > [data-civic-fragment]'))) return html`<slot></slot>`;
    const { day, tomorrow } = this.#day();
    const closures = this.#closures(day);
    const updated = freshnessText(t, feed.data.updated, feed.data.closures.map((c) => c.updated), feed.updatedAt);
    const seeAll = absoluteUrl(this.listUrl);
    return html`<section part="region" aria-label=${this.label?.trim() || t.t('region')}>
      <p part="summary" class="summary">
        <strong>${this.#summary(closures)}</strong>
        ${updated ? html`<span class="updated">${updated}</span>` : nothing}
      </p>
      ${feed.outOfDate ? html`<p part="stale" class="stale" role="status">${t.t('outOfDate')}</p>` : nothing}
      ${tomorrow ? html`<p class="tomorrow">${t.t('tomorrow', { date: formatDate(new Date(`${day}T12:00:00Z`), t.lang) })}</p>` : nothing}
      ${closures.length
        ? this.mode !== 'list'
          ? this.#renderTicker(closures, day, tomorrow)
          : this.#list?.renderList({
              text: t,
              closures,
              query: this.query,
              mine: this.mine,
              item: (c) => this.#renderListItem(c, day, tomorrow),
              onSearch: this.#handleSearchInput,
            })
        : nothing}
      ${seeAll ? html`<a part="see-all" class="see-all" href=${seeAll}>${t.t('seeAll')}</a>` : nothing}
    </section>`;
  }
}
