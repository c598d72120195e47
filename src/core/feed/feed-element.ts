import type { PropertyDeclarations, PropertyValues } from 'lit';
import { prepareAnnouncer } from '../announce.js';
import { CivicElement } from '../civic-element.js';
import type { FeedController, FeedHost } from './feed-controller.js';
import { schedule } from '../scheduler.js';

/**
 * The base of the widgets that show a feed (the alert banner, the closure ticker): the `src`,
 * `format` and `refresh` attributes, `refreshNow()`, the minute tick on the page's one timer, and
 * which items are new enough to announce. Each widget brings its FeedController (its kind, formats
 * and stored-copy check), its time key and its rendering.
 */
export abstract class CivicFeedElement<T> extends CivicElement implements FeedHost {
  static override properties: PropertyDeclarations = {
    src: {},
    format: {},
    refresh: { type: Number },
  };

  /** URL of the feed (relative URLs resolve against the page). */
  declare src: string | undefined;
  /** `auto` (default: told apart by content type and content), or one of the widget's formats. */
  format = 'auto';
  /** Seconds between polls; 0 = never; values under 30 are raised to 30. */
  refresh = 60;

  /** @internal The widget's feed. */
  protected abstract readonly feed: FeedController<T>;

  #stopTick: (() => void) | undefined;
  #shownKey = '';
  /**
   * Rank of each item on screen when last looked at; undefined until the feed itself has answered,
   * or, with a server-rendered fragment, the fragment's items (`data-id`, `data-rank`).
   */
  #seen: Map<string, number> | undefined;
  #seeded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    prepareAnnouncer(); // before anything is announced, or screen readers may miss it
    // A server-rendered fragment's items are on screen already: only what differs from them is news.
    const fragment = this.querySelector(':scope > [data-civic-fragment]');
    if (fragment && !this.#seen) {
      this.#seeded = true;
      this.#seen = new Map([...fragment.querySelectorAll<HTMLElement>('[data-id]')].map((el) => [el.dataset['id']!, Number(el.dataset['rank']) || 1]));
    }
    this.#tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTick?.();
  }

  /** Fetches the feed now (shared with any request already in flight for it). */
  refreshNow(): void {
    this.feed.refreshNow();
  }

  /**
   * @internal What the time of day can change in what is shown (the alerts in their time window, the
   * day after the cutoff, whether the data is out of date): re-checked every minute, without refetching.
   */
  protected abstract timeKey(): string;

  #tick = (): void => {
    if (this.hasUpdated && this.timeKey() !== this.#shownKey) this.requestUpdate();
    this.#stopTick = schedule(60_000, this.#tick);
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#shownKey = this.timeKey();
  }

  /**
   * @internal The ids in `ranks` (id → rank, higher is more serious) that appeared or rose since the
   * last call: none on the page's load or from a stored copy, only once the feed itself has answered.
   */
  protected newItems(ranks: Map<string, number>): string[] {
    // A fragment's items stay the ones to compare with until there is data to show instead.
    if (this.#seeded && this.feed.data === undefined) return [];
    const seen = this.#seen;
    const risen = seen ? [...ranks].filter(([id, rank]) => rank > (seen.get(id) ?? 0)).map(([id]) => id) : [];
    if (seen || this.feed.answered) this.#seen = ranks;
    return risen;
  }

  /** @internal Counts an item as seen (a resident brought it back: focus reads it, no announcement). */
  protected markSeen(id: string, rank: number): void {
    this.#seen?.set(id, rank);
  }
}
