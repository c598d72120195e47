// The council's feeds through the relay: only configured addresses fetched, CORS for the council's
// pages, ETag and 304 both ways, the TTL, and the last good copy (with its age) when the source fails.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { startUpstream } from './fake-upstream.mjs';
import { configFor, ORIGIN, runCli, startRelay, tempDir, until, wait } from './relay-process.mjs';

const ALERTS = JSON.stringify({ alerts: [{ id: 'grit', severity: 'minor', title: 'Gritting tonight', message: 'Main routes from 6pm.' }] });

/** A council's feed server: `mode` says how it answers; it records every request it gets. */
async function startSource() {
  const source = { mode: 'ok', body: ALERTS, type: 'application/json', etag: '"v1"', requests: [] };
  const server = createServer((req, res) => {
    source.requests.push({ url: req.url, ifNoneMatch: req.headers['if-none-match'] });
    if (source.mode === 'down') return res.writeHead(500).end('oops');
    if (source.mode === 'html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Maintenance</p>');
    if (source.mode === 'huge') return res.writeHead(200, { 'content-type': 'application/json' }).end(`{"alerts":[],"x":"${'a'.repeat(2.2 * 1024 * 1024)}"}`);
    if (source.mode === 'stall') return; // never answers
    if (source.mode === 'redirect') return res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end();
    if (req.headers['if-none-match'] === source.etag) return res.writeHead(304, { etag: source.etag }).end();
    res.writeHead(200, { 'content-type': source.type, etag: source.etag }).end(source.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  source.url = `http://127.0.0.1:${server.address().port}/feeds/alerts.json`;
  source.close = () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)));
  return source;
}

async function withFeed(feed, work, dir = tempDir()) {
  const upstream = await startUpstream();
  const source = await startSource();
  const relay = await startRelay(configFor(upstream, dir, { top: { feeds: [{ id: 'alerts', src: source.url, widget: 'alert-banner', ttlSeconds: 60, timeoutMs: 1000, ...feed }] } }), { dir });
  try {
    await work(relay, source);
  } finally {
    await relay.stop();
    await source.close();
    await upstream.close();
  }
}

describe('feeds', () => {
  it('serves a configured feed to the council’s pages with CORS, an ETag, 304 and Cache-Control from its TTL', async () => {
    await withFeed({}, async (relay, source) => {
      const res = await fetch(`${relay.url}/feeds/alerts`, { headers: { origin: ORIGIN } });
      assert.equal(res.status, 200);
      assert.equal(await res.text(), ALERTS);
      assert.equal(res.headers.get('content-type'), 'application/json');
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(res.headers.get('access-control-expose-headers'), /Age/);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60, stale-if-error=86400');
      assert.equal(res.headers.get('civic-feed'), 'fresh');
      assert.match(res.headers.get('age'), /^\d+$/);
      const etag = res.headers.get('etag');
      assert.match(etag, /^"[\w-]{27}"$/);
      const again = await fetch(`${relay.url}/feeds/alerts`, { headers: { origin: ORIGIN, 'if-none-match': etag } });
      assert.equal(again.status, 304);
      const stranger = await fetch(`${relay.url}/feeds/alerts`, { headers: { origin: 'https://evil.example' } });
      assert.equal(stranger.status, 200);
      assert.equal(stranger.headers.get('access-control-allow-origin'), null, 'no CORS for a page that is not the council’s');
      assert.equal(source.requests.length, 1, 'within its TTL the source is asked once, however many ask');
    });
  });

  it('fetches only configured feeds: no address from a request reaches the network', async () => {
    await withFeed({}, async (relay, source) => {
      for (const path of ['/feeds/other', '/feeds/alerts.json', `/feeds/${encodeURIComponent(source.url)}`, '/feeds/..%2Falerts', '/feeds/constructor', '/feeds/__proto__']) {
        const res = await fetch(`${relay.url}${path}`, { headers: { origin: ORIGIN } });
        assert.equal(res.status, 404, path);
      }
      const withQuery = await fetch(`${relay.url}/feeds/alerts?src=${encodeURIComponent('http://127.0.0.1:9/')}`);
      assert.equal(withQuery.status, 200);
      assert.deepEqual(source.requests.map((r) => r.url), ['/feeds/alerts.json'], 'only the configured address, unchanged');
    });
  });

  it('asks the source “changed?” with its ETag once the TTL has passed, and shows a change within the TTL', async () => {
    await withFeed({ ttlSeconds: 1 }, async (relay, source) => {
      const first = await fetch(`${relay.url}/feeds/alerts`);
      const etag = first.headers.get('etag');
      await wait(1100);
      const second = await fetch(`${relay.url}/feeds/alerts`);
      assert.equal(second.status, 200);
      assert.equal(second.headers.get('etag'), etag, 'a 304 from the source keeps the copy');
      assert.equal(source.requests[1].ifNoneMatch, '"v1"');
      source.body = JSON.stringify({ alerts: [] });
      source.etag = '"v2"';
      await wait(1100);
      const third = await fetch(`${relay.url}/feeds/alerts`);
      assert.equal(await third.text(), source.body);
      assert.notEqual(third.headers.get('etag'), etag);
    });
  });

  for (const mode of ['down', 'html', 'huge', 'stall', 'redirect']) {
    it(`serves the last good copy, marked stale with its age, when the source ${mode === 'down' ? 'fails' : `answers ${mode}`}; and recovers`, async () => {
      await withFeed({ ttlSeconds: 1 }, async (relay, source) => {
        const good = await fetch(`${relay.url}/feeds/alerts`);
        const etag = good.headers.get('etag');
        source.mode = mode;
        await wait(1100);
        const stale = await fetch(`${relay.url}/feeds/alerts`, { headers: { origin: ORIGIN } });
        assert.equal(stale.status, 200);
        assert.equal(await stale.text(), ALERTS);
        assert.equal(stale.headers.get('etag'), etag);
        const reason = { down: 'status', html: 'content-type', huge: 'too-large', stall: 'timeout', redirect: 'network' }[mode];
        assert.match(stale.headers.get('civic-feed'), new RegExp(`^stale; reason=${reason}; age=\\d+$`));
        assert.ok(Number(stale.headers.get('age')) >= 1, 'its age is said');
        await until(() => relay.logs.some((line) => line.includes('serving the last good copy')), 'a warning in the log');
        source.mode = 'ok';
        source.body = JSON.stringify({ alerts: [] });
        source.etag = '"v3"';
        await until(async () => (await (await fetch(`${relay.url}/feeds/alerts`)).text()) === source.body, 'the source to be back (asked again after 5 s)', 12_000);
      });
    });
  }

  it('answers 502 when the source has never answered well, and keeps its last good copy across a restart', async () => {
    const dir = tempDir();
    await withFeed({ ttlSeconds: 1 }, async (relay, source) => {
      source.mode = 'down';
      const res = await fetch(`${relay.url}/feeds/alerts`, { headers: { origin: ORIGIN } });
      assert.equal(res.status, 502);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await res.json(), { error: 'The feed cannot be fetched just now', reason: 'status' });
    }, tempDir());
    await withFeed({ ttlSeconds: 1 }, async (relay) => {
      assert.equal((await fetch(`${relay.url}/feeds/alerts`)).status, 200);
    }, dir);
    await withFeed({ ttlSeconds: 1 }, async (relay, source) => {
      source.mode = 'down';
      await wait(1100); // past the copy's TTL: the source is asked, and fails
      const res = await fetch(`${relay.url}/feeds/alerts`);
      assert.equal(res.status, 200, 'the copy kept in the store outlives the restart');
      assert.equal(await res.text(), ALERTS);
      assert.match(res.headers.get('civic-feed'), /^stale; reason=status/);
    }, dir);
  });

  it('checks feeds in the config, naming the bad field', async () => {
    const dir = tempDir();
    const base = configFor({ endpoint: 'https://cms.council.example/open311/v2' }, dir);
    const cases = [
      [{ id: 'alerts', src: 'file:///etc/passwd', widget: 'alert-banner' }, /feeds\[0\]\.src/],
      [{ id: 'alerts', src: 'https://council.example/a.json', widget: 'report-form' }, /feeds\[0\]\.widget/],
      [{ id: 'alerts', src: 'https://council.example/a.json', widget: 'alert-banner', ttl: 60 }, /feeds\[0\]\.ttl: is not a known setting/],
      [{ id: 'Alerts!', src: 'https://council.example/a.json', widget: 'alert-banner' }, /feeds\[0\]\.id/],
    ];
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const [feed, message] of cases) {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ ...base, feeds: [feed] }));
      const { code, out } = await runCli(['--check', '--config', file], { ANYSHIRE_OPEN311_KEY: 'k' });
      assert.notEqual(code, 0);
      assert.match(out, message);
    }
    const file = join(dir, 'twice.json');
    const feed = { id: 'alerts', src: 'https://council.example/a.json', widget: 'alert-banner' };
    writeFileSync(file, JSON.stringify({ ...base, feeds: [feed, feed] }));
    const twice = await runCli(['--check', '--config', file], { ANYSHIRE_OPEN311_KEY: 'k' });
    assert.notEqual(twice.code, 0);
    assert.match(twice.out, /feeds\[1\]\.id: "alerts" is used twice/);
  });
});
