// Freshness, relay side: a change in the source feed is served by /feeds and /fragments at most
// `ttlSeconds` later, on a fake clock (FeedCache takes the clock). The widget side (a served change
// shown at most `refresh` later, on the browser's fake clock) is test/alert-banner/freshness.test.ts;
// together: at most ttlSeconds + refresh, under 2 minutes with both defaults.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { FeedCache } from '../dist/feeds.js';
import { fragmentOf } from '../dist/fragments.js';
import { SqliteStore } from '../dist/store/sqlite.js';

describe('freshness (relay side)', () => {
  it('has a default TTL that, with the widgets’ default refresh (60 s), puts a change on the page in under 2 minutes', () => {
    const schema = JSON.parse(readFileSync(new URL('../schema/relay.config.schema.json', import.meta.url), 'utf8'));
    const ttl = schema.properties.feeds.items.properties.ttlSeconds.default;
    const widget = readFileSync(new URL('../../src/core/feed/feed-element.ts', import.meta.url), 'utf8');
    const refresh = Number(/^\s*refresh = (\d+);/m.exec(widget)?.[1]);
    assert.ok(ttl + refresh < 120, `${ttl} s + ${refresh} s`);
  });

  it('serves a change in the source within ttlSeconds, and not a second later than its TTL allows', async () => {
    let title = 'Gritting tonight';
    let requests = 0;
    const source = createServer((req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ alerts: [{ id: 'a', severity: 'minor', title }] }));
    });
    await new Promise((resolve) => source.listen(0, '127.0.0.1', resolve));
    const feed = { id: 'alerts', src: `http://127.0.0.1:${source.address().port}/alerts.json`, format: 'auto', widget: 'alert-banner', ttlSeconds: 60, timeoutMs: 2000, origins: [] };
    let clock = Date.parse('2026-12-02T08:00:00Z');
    const cache = new FeedCache(feed, new SqliteStore(':memory:'), () => clock);
    const shown = async () => {
      const answer = await cache.get();
      const { html } = await fragmentOf(feed, answer.copy, 'en', clock);
      return /<h2 class="heading">(.*?)<\/h2>/.exec(html)[1];
    };
    try {
      assert.equal(await shown(), 'Gritting tonight');
      const changedAt = clock + 1_000;
      clock = changedAt;
      title = 'Gritting now: roads are icy';
      let seenAt;
      for (let t = changedAt; t <= changedAt + 120_000; t += 1_000) {
        clock = t;
        if ((await shown()) === title) {
          seenAt = t;
          break;
        }
      }
      assert.ok(seenAt !== undefined, 'the change was never served');
      assert.ok(seenAt - changedAt <= feed.ttlSeconds * 1000, `served ${(seenAt - changedAt) / 1000} s after the change (TTL ${feed.ttlSeconds} s)`);
      assert.ok(seenAt - changedAt >= feed.ttlSeconds * 1000 - 1_000, 'the source is not asked more often than the TTL');
      assert.equal(requests, 2, 'one request per TTL, however often it is read');
    } finally {
      source.close();
    }
  });
});
