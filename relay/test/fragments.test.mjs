// Fragments: the widget's own fallback HTML for a feed's current items, served at
// /fragments/{id}.html?lang= and printed by `civic-relay render`, made by the widgets' own code in Node.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fragmentOf } from '../dist/fragments.js';
import { startUpstream } from './fake-upstream.mjs';
import { configFor, ORIGIN, runCli, startRelay, tempDir, wait } from './relay-process.mjs';

const HOSTILE = '<img src=x onerror="window.hacked=1"><script>window.hacked=1</script>Boil water notice';
const FEED = {
  updated: '2026-12-01T16:00:00Z',
  alerts: [
    { id: 'grit', severity: 'minor', title: 'Gritting tonight', message: 'Main routes from 6pm.', url: '/gritting', cy: { title: 'Graeanu heno', message: 'Prif ffyrdd o 6pm.' } },
    { id: 'water', severity: 'major', title: HOSTILE, message: HOSTILE, url: 'javascript:window.hacked=1', linkText: 'Details' },
  ],
};

async function startSource(body = JSON.stringify(FEED), type = 'application/json') {
  const source = { body, type, mode: 'ok' };
  const server = createServer((req, res) => {
    if (source.mode === 'down') return res.writeHead(500).end();
    res.writeHead(200, { 'content-type': source.type }).end(source.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  source.url = `http://127.0.0.1:${server.address().port}/alerts.json`;
  source.close = () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)));
  return source;
}

const feedConfig = (source, extra = {}) => ({ id: 'alerts', src: source.url, widget: 'alert-banner', ttlSeconds: 1, timeoutMs: 1000, ...extra });

async function withRelay(source, extra, work) {
  const upstream = await startUpstream();
  const dir = tempDir();
  const config = configFor(upstream, dir, { top: { feeds: [feedConfig(source, extra)] } });
  const relay = await startRelay(config, { dir });
  try {
    await work(relay, config, dir);
  } finally {
    await relay.stop();
    await upstream.close();
  }
}

/** Plain HTML: no script, no inline style, no event handler, nothing the feed wrote as markup (its text is escaped). */
function assertPlain(html) {
  const tags = [...html.matchAll(/<([a-z][a-z0-9]*)([^>]*)>/gi)];
  assert.ok(tags.length > 0);
  for (const [whole, name, attributes] of tags) {
    assert.match(name, /^(div|section|ul|li|p|h[2-6]|a|span|strong|svg|path)$/, whole);
    // The only SVG is the severity's own decorative icon (one path from the widget's icons.ts).
    if (name === 'svg') assert.match(attributes, /^ class="icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false"$/, whole);
    if (name === 'path') assert.match(attributes, /^ d="[MmZzLlHhVvAa0-9 .,-]+"$/, whole);
    assert.doesNotMatch(attributes, /\s(style|on\w+)=/i, whole);
    assert.doesNotMatch(attributes, /javascript:/i, whole);
  }
}

describe('fragments', () => {
  it('serves the current alerts as plain HTML in English and Welsh, ordered as the widget orders them, with an ETag and CORS', async () => {
    const source = await startSource();
    await withRelay(source, {}, async (relay) => {
      const feed = await fetch(`${relay.url}/feeds/alerts`);
      const res = await fetch(`${relay.url}/fragments/alerts.html?lang=en`, { headers: { origin: ORIGIN } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(res.headers.get('content-language'), 'en');
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=1, stale-if-error=86400');
      const html = await res.text();
      assertPlain(html);
      assert.match(html, new RegExp(`^<div data-civic-fragment="${feed.headers.get('etag').replace(/"/g, '&quot;')}" data-civic-fetched="\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z" lang="en">`));
      // Major before minor, as in the widget; the hostile title is text; the javascript: link is gone.
      const headings = [...html.matchAll(/<h2 class="heading">(.*?)<\/h2>/g)].map((m) => m[1]);
      assert.deepEqual(headings, ['&lt;img src=x onerror=&quot;window.hacked=1&quot;&gt;&lt;script&gt;window.hacked=1&lt;/script&gt;Boil water notice', 'Gritting tonight']);
      assert.deepEqual([...html.matchAll(/<p class="severity">(.*?)<\/p>/g)].map((m) => m[1]), ['Major alert', 'Minor alert']);
      assert.match(html, new RegExp(`<a class="link" href="http://127\\.0\\.0\\.1:\\d+/gritting">More information</a>`), 'a relative link resolves against the feed');
      assert.match(html, /<p class="updated">Last changed (on [^<]+ )?at 16:00<\/p>/);
      assert.match(html, /<section class="civic-alerts" aria-label="Service alerts">/);
      const etag = res.headers.get('etag');
      assert.equal((await fetch(`${relay.url}/fragments/alerts.html?lang=en`, { headers: { 'if-none-match': etag } })).status, 304);

      const cy = await (await fetch(`${relay.url}/fragments/alerts.html?lang=cy`)).text();
      assert.match(cy, /lang="cy"/);
      assert.match(cy, /<h2 class="heading">Graeanu heno<\/h2>/);
      assert.deepEqual([...cy.matchAll(/<p class="severity">(.*?)<\/p>/g)].map((m) => m[1]), ['Rhybudd mawr', 'Rhybudd bach']);
      assert.match(cy, /aria-label="Rhybuddion gwasanaeth"/);
      assert.match(cy, /<p class="updated">Newidiwyd ddiwethaf (ar [^<]+ )?am 16:00<\/p>/);
      assert.notEqual(cy, html);
    });
    await source.close();
  });

  it('serves a closures feed as the ticker’s fragment: the summary, each school and its status, in English and Welsh', async () => {
    const closures = {
      updated: new Date().toISOString(),
      closures: [
        { id: 'hill', school: 'Hill Top Primary', status: 'closed', cy: { school: 'Ysgol Gynradd Pen y Bryn' } },
        { id: 'oak', school: 'Oak Academy', status: 'late-start', time: '10:00' },
        { id: 'elm', school: 'Elm School', status: 'open' },
      ],
    };
    const source = await startSource(JSON.stringify(closures));
    await withRelay(source, { id: 'alerts', widget: 'closure-ticker', fragment: { moreUrl: { en: 'https://www.anyshire.gov.uk/school-closures', cy: 'https://www.anyshire.gov.uk/cy/ysgolion-ar-gau' }, cutoff: '23:59' } }, async (relay) => {
      const html = await (await fetch(`${relay.url}/fragments/alerts.html`)).text();
      assertPlain(html);
      assert.match(html, /<section class="civic-closures" aria-label="School closures">/);
      assert.match(html, /<p class="summary"><strong>1 school closed, 1 late start<\/strong>/);
      assert.deepEqual([...html.matchAll(/<strong class="school">(.*?)<\/strong>/g)].map((m) => m[1]), ['Hill Top Primary', 'Oak Academy']);
      assert.match(html, /<span class="when">Opening at 10:00<\/span>/);
      assert.match(html, /<a class="see-all" href="https:\/\/www\.anyshire\.gov\.uk\/school-closures">See all closures<\/a>/);
      const cy = await (await fetch(`${relay.url}/fragments/alerts.html?lang=cy`)).text();
      assert.match(cy, /<strong class="school">Ysgol Gynradd Pen y Bryn<\/strong>/);
      assert.match(cy, /aria-label="Ysgolion ar gau"/);
      assert.match(cy, /<a class="see-all" href="https:\/\/www\.anyshire\.gov\.uk\/cy\/ysgolion-ar-gau">/, 'the Welsh page, for the Welsh fragment');
    });
    // List mode: grouped by status, as the widget's list (with the open school too).
    await withRelay(source, { id: 'alerts', widget: 'closure-ticker', fragment: { mode: 'list' } }, async (relay) => {
      const html = await (await fetch(`${relay.url}/fragments/alerts.html`)).text();
      assertPlain(html);
      assert.deepEqual([...html.matchAll(/<h3>(.*?) <span class="count">\((\d+)\)<\/span><\/h3>/g)].map((m) => `${m[1]} ${m[2]}`), ['Closed 1', 'Late start 1', 'Open 1']);
      assert.match(html, /<li class="item row closed" data-id="hill" data-rank="1">/);
    });
    await source.close();
  });

  it('takes the widget’s max, heading level, label and “more” link from the config', async () => {
    const source = await startSource();
    await withRelay(source, { fragment: { max: 1, headingLevel: 3, label: 'Anyshire alerts', moreUrl: 'https://www.anyshire.gov.uk/alerts' } }, async (relay) => {
      const html = await (await fetch(`${relay.url}/fragments/alerts.html`)).text();
      assert.equal([...html.matchAll(/<li class="alert /g)].length, 1);
      assert.equal([...html.matchAll(/<li hidden data-id="grit" data-rank="2"><\/li>/g)].length, 1, 'the rest: ids only, for the widget');
      assert.match(html, /<h3 class="heading">/);
      assert.match(html, /aria-label="Anyshire alerts"/);
      assert.match(html, /<a class="more" href="https:\/\/www\.anyshire\.gov\.uk\/alerts">Show 1 more alert<\/a>/);
    });
    await source.close();
  });

  it('answers 404 for an unknown feed, an empty 502 for one it cannot read, and the last good copy’s fragment when the source fails', async () => {
    const source = await startSource();
    await withRelay(source, {}, async (relay) => {
      assert.equal((await fetch(`${relay.url}/fragments/other.html`)).status, 404);
      assert.equal((await fetch(`${relay.url}/fragments/alerts`)).status, 404);
      const good = await (await fetch(`${relay.url}/fragments/alerts.html`)).text();
      source.mode = 'down';
      await wait(1100);
      const stale = await fetch(`${relay.url}/fragments/alerts.html`);
      assert.equal(stale.status, 200);
      assert.match(stale.headers.get('civic-feed'), /^stale; reason=status/);
      assert.equal(await stale.text(), good);
    });
    source.body = 'this is not a feed';
    source.type = 'text/plain';
    await withRelay(source, {}, async (relay) => {
      const res = await fetch(`${relay.url}/fragments/alerts.html`);
      assert.equal(res.status, 502);
      assert.equal(await res.text(), '');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.match(res.headers.get('civic-feed'), /^unavailable; reason=/);
    });
    await source.close();
  });

  it('`civic-relay render` prints the same fragment, in the language asked, and fails with a message (writing nothing) when it cannot', async () => {
    const source = await startSource();
    const upstream = await startUpstream();
    const dir = tempDir();
    const file = join(dir, 'relay.config.json');
    writeFileSync(file, JSON.stringify(configFor(upstream, dir, { top: { feeds: [feedConfig(source)] } })));
    const env = { ANYSHIRE_OPEN311_KEY: 'k' };
    await withRelay(source, {}, async (relay) => {
      const served = await (await fetch(`${relay.url}/fragments/alerts.html?lang=cy`)).text();
      const printed = await runCli(['render', '--config', file, '--feed', 'alerts', '--lang', 'cy'], env);
      assert.equal(printed.code, 0, printed.out);
      const sameBut = (html) => html.trim().replace(/data-civic-fetched="[^"]+"/, '');
      assert.equal(sameBut(printed.out), sameBut(served));
    });
    const unknown = await runCli(['render', '--config', file, '--feed', 'nope'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /no feed "nope" in the config \(alerts\)/);
    const badLang = await runCli(['render', '--config', file, '--feed', 'alerts', '--lang', 'fr'], env);
    assert.equal(badLang.code, 2);
    source.mode = 'down';
    const down = await runCli(['render', '--config', file, '--feed', 'alerts'], env);
    assert.equal(down.code, 1);
    assert.match(down.out, /the feed "alerts" cannot be fetched \(status\)/);
    assert.doesNotMatch(down.out, /<div/);
    await source.close();
    await upstream.close();
  });

  it('runs the widgets’ own parsers in Node over every real feed file: a fragment or a reason, never a crash', async () => {
    const root = new URL('../../test/fixtures/real/', import.meta.url);
    const files = readdirSync(root, { recursive: true }).filter((f) => /\.(xml|json|html|txt|csv)$/.test(f));
    assert.ok(files.length >= 25, `${files.length} files`);
    const feed = { id: 'x', src: 'https://council.example/feed', widget: 'alert-banner', format: 'auto', ttlSeconds: 60, timeoutMs: 1000, origins: [] };
    for (const name of files) {
      const bytes = readFileSync(new URL(name, root));
      const type = name.endsWith('.json') ? 'application/json' : name.endsWith('.html') ? 'text/html' : name.endsWith('.csv') ? 'text/csv' : 'application/xml';
      for (const [lang, widget] of [['en', 'alert-banner'], ['cy', 'alert-banner'], ['en', 'closure-ticker'], ['cy', 'closure-ticker']]) {
        const result = await fragmentOf({ ...feed, widget }, { body: bytes.toString('base64'), contentType: type, etag: '"x"', fetchedAt: 0, checkedAt: 0 }, lang, Date.parse('2025-11-18T12:00:00Z'));
        assert.ok('html' in result || typeof result.failure === 'string', name);
        if ('html' in result) assertPlain(result.html.replace(/data-civic-fragment="[^"]*"/, ''));
      }
    }
    // The same alerts the widget shows for this file in the browser suite (alert-banner.test.ts).
    const floods = readFileSync(new URL('ea-floods/floods-gloucestershire-2025-11-18.json', root));
    const { html } = await fragmentOf({ ...feed, fragment: { max: 10 } }, { body: floods.toString('base64'), contentType: 'application/json', etag: '"x"', fetchedAt: 0, checkedAt: 0 }, 'en', Date.parse('2025-11-18T12:00:00Z'));
    const severities = [...html.matchAll(/<p class="severity">(.*?)<\/p>/g)].map((m) => m[1]);
    assert.equal(severities.length, 6);
    assert.equal(severities.filter((s) => s === 'Flood warning' || s === 'Severe flood warning').length, 2);
    assert.equal(severities.filter((s) => s === 'Flood alert').length, 4);
    assert.match(html, /This uses Environment Agency flood and river level data/);
    const cap = readFileSync(new URL('cap/usgs-earthquake-iso-8859-1.xml', root));
    const decoded = await fragmentOf({ ...feed, fragment: { max: 10 } }, { body: cap.toString('base64'), contentType: 'application/xml', etag: '"x"', fetchedAt: 0, checkedAt: 0 }, 'en', Date.parse('2003-06-17T14:57:00-07:00'));
    assert.ok('html' in decoded, 'a CAP file in ISO-8859-1 is decoded as the widget decodes it');
  });
});
