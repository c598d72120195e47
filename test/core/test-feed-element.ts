/**
 * A minimal widget built on FeedController, used to test the core without any real widget's
 * rendering. Its adapters read `{ "items": ["a", "b"] }` as JSON, `<items><item>a</item></items>` as
 * XML and a one-column CSV; an item that is not a string is dropped and counted.
 */
import { html } from 'lit';
import { CivicFeedElement } from '../../src/core/feed/feed-element.js';
import { FeedController } from '../../src/core/feed/feed-controller.js';
import { FeedError } from '../../src/core/feed/feed-error.js';

export interface TestData {
  items: string[];
  skipped: number;
  format: string;
}

function keepStrings(values: unknown[], format: string): TestData {
  const items = values.filter((v): v is string => typeof v === 'string');
  return { items, skipped: values.length - items.length, format };
}

/** How many bodies each adapter has parsed (shared parsing: one per URL and format, whatever the readers). */
export const parses = { json: 0 };

export class TestFeedElement extends CivicFeedElement<TestData> {
  renders = 0;

  protected override timeKey(): string {
    return '';
  }

  override readonly feed = new FeedController<TestData>(this, {
    kind: 'test',
    items: (data) => data.items,
    skipped: (data) => data.skipped,
    revive: (stored) => {
      const data = stored as TestData;
      return Array.isArray(data?.items) ? data : undefined;
    },
    adapters: {
      json: {
        sniff: (input) => input.kind === 'json',
        parse: (input) => {
          parses.json++;
          const json = input.json() as { items?: unknown };
          if (!Array.isArray(json?.items)) throw new FeedError('shape');
          return keepStrings(json.items, 'json');
        },
      },
      xml: {
        sniff: (input) => input.xmlRoot() === 'items',
        parse: (input) => {
          const doc = input.xml();
          if (doc.documentElement.localName !== 'items') throw new FeedError('shape');
          return keepStrings([...doc.getElementsByTagName('item')].map((el) => el.textContent ?? ''), 'xml');
        },
      },
      // An adapter with a bug in it: a TypeError is not bad data, and must not pass for it.
      buggy: {
        parse: (input) => (input.json() as { missing: { items: string[] } }).missing.items.length as unknown as TestData,
      },
      csv: {
        sniff: (input) => input.kind === 'csv',
        parse: (input) => keepStrings(input.text.trim().split('\n').slice(1), 'csv'),
      },
    },
  });

  override render() {
    this.renders++;
    return html`<p>${this.feed.status}</p>
      <ul>
        ${this.feed.data?.items.map((item) => html`<li>${item}</li>`)}
      </ul>
      <slot></slot>`;
  }

  /** The items shown, as rendered. */
  get shown(): string[] {
    return [...(this.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '');
  }
}

TestFeedElement.define('test-feed');

declare global {
  interface HTMLElementTagNameMap {
    'test-feed': TestFeedElement;
  }
}
