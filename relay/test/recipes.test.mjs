// The README's recipes for putting the current alerts in the page itself, run as a council would:
// a static page built by `civic-relay render` (a cron job) and a page behind Debian's nginx with
// `ssi on` including /fragments from the relay. Both, in headless Chromium, show the alerts when the
// widgets' script never arrives, and with it upgrade with no layout shift on a first visit.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync as readFile, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startUpstream } from './fake-upstream.mjs';
import { configFor, freePort, runCli, startRelay, tempDir, until } from './relay-process.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FEED = { alerts: [{ id: 'grit', severity: 'minor', title: 'Gritting tonight', message: 'Main routes from 6pm.' }, { id: 'flood', severity: 'major', title: 'Flood warning: River Avon', message: 'Move valuables upstairs.' }] };

/** A page as a council's template has it: the stylesheet, the script tag, the banner holding `inside`. */
const page = (inside, src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Anyshire</title>
<link rel="stylesheet" href="/cdn/civic-widgets.css"><script type="module" src="/cdn/civic-widgets.js"></script></head><body>
<header><civic-alert-banner src="${src}" refresh="0">${inside}</civic-alert-banner></header>
<main><h1>Council news</h1>${'<p>Page content that would move if the banner pushed it down.</p>'.repeat(20)}</main></body></html>`;

let browser;
let source;
let relay;
let upstream;
let dir;
let configFile;
let site;
let siteOrigin;
let staticPage = '';

before(async () => {
  browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'] });
  source = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(FEED)));
  await new Promise((resolve) => source.listen(0, '127.0.0.1', resolve));
  // The council's static site, serving the page the cron job wrote and the script-tag build.
  site = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(staticPage);
    const file = join(ROOT, path);
    if (/^\/cdn\/(chunks\/)?[\w.-]+\.(js|css)$/.test(path) && existsSync(file)) return res.writeHead(200, { 'content-type': path.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(readFile(file));
    res.writeHead(404).end();
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${site.address().port}`;
  upstream = await startUpstream();
  dir = tempDir();
  const config = configFor(upstream, dir, { top: { feeds: [{ id: 'alerts', src: `http://127.0.0.1:${source.address().port}/alerts.json`, widget: 'alert-banner', ttlSeconds: 60, origins: [siteOrigin] }] } });
  configFile = join(dir, 'relay.config.json');
  writeFileSync(configFile, JSON.stringify(config));
  relay = await startRelay(config, { dir });
});

after(async () => {
  await browser?.close();
  await relay?.stop();
  await upstream?.close();
  await new Promise((resolve) => source?.close(resolve));
  await new Promise((resolve) => site?.close(resolve));
});

/** What a resident sees: without the script (blocked, or a failed CDN), then with it, on a first visit. */
async function check(url) {
  const off = await browser.createBrowserContext();
  const tab = await off.newPage();
  await tab.setRequestInterception(true);
  tab.on('request', (request) => (request.resourceType() === 'script' ? request.abort() : request.continue()));
  await tab.goto(url, { waitUntil: 'load' });
  const headings = await tab.evaluate(() => [...document.querySelectorAll('civic-alert-banner h2')].map((h) => [h.textContent, h.getBoundingClientRect().height > 0]));
  assert.deepEqual(headings, [['Flood warning: River Avon', true], ['Gritting tonight', true]], 'the alerts are in the page without JavaScript');
  await off.close();

  for (const width of [1280, 320]) {
    const on = await browser.createBrowserContext();
    const tab2 = await on.newPage();
    await tab2.setViewport({ width, height: 800 });
    await tab2.evaluateOnNewDocument(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__cls += e.hadRecentInput ? 0 : e.value))).observe({ type: 'layout-shift', buffered: true });
    });
    await tab2.goto(url, { waitUntil: 'load' });
    await tab2.waitForFunction(() => document.querySelector('civic-alert-banner')?.shadowRoot?.querySelectorAll('[part~="alert"]').length === 2, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 500));
    const cls = await tab2.evaluate(() => window.__cls);
    await on.close();
    assert.ok(cls <= 0.01, `layout shift ${cls} at ${width} px`);
  }
}

describe('recipes: the alerts in the page itself', () => {
  it('a static page built by `civic-relay render` (a cron job writing the file)', async () => {
    const rendered = await runCli(['render', '--config', configFile, '--feed', 'alerts', '--lang', 'en'], { ANYSHIRE_OPEN311_KEY: 'k' });
    assert.equal(rendered.code, 0, rendered.out);
    staticPage = page(rendered.out.trim(), `${relay.url}/feeds/alerts`);
    // The widget reads the relay's /feeds on another origin: allowed by the feed's origins.
    await check(siteOrigin);
  });

  it('a page behind nginx with `ssi on`, including the relay’s fragment', { skip: NGINX ? false : 'nginx is not installed (apt-get install nginx)' }, async () => {
    const prefix = join(dir, 'nginx');
    mkdirSync(join(prefix, 'html'), { recursive: true });
    mkdirSync(join(prefix, 'logs'), { recursive: true });
    const include = '<!--# block name="alerts" --><a href="/alerts">See current service alerts</a><!--# endblock --><!--# include virtual="/fragments/alerts.html?lang=en" stub="alerts" -->';
    writeFileSync(join(prefix, 'html', 'index.html'), page(include, '/feeds/alerts'));
    const port = await freePort();
    writeFileSync(
      join(prefix, 'nginx.conf'),
      `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
error_log ${prefix}/logs/error.log warn;
pid ${prefix}/nginx.pid;
events { worker_connections 64; }
http {
  access_log off;
  types { text/html html; text/css css; text/javascript js; }
  client_body_temp_path ${prefix}/tmp-body; proxy_temp_path ${prefix}/tmp-proxy; fastcgi_temp_path ${prefix}/tmp-fcgi; uwsgi_temp_path ${prefix}/tmp-uwsgi; scgi_temp_path ${prefix}/tmp-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${prefix}/html;
    location / { ssi on; }
    location /fragments/ { proxy_pass ${relay.url}; }
    location /feeds/ { proxy_pass ${relay.url}; }
    location /cdn/ { root ${ROOT}; }
  }
}
`,
    );
    const nginx = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr.on('data', (d) => (stderr += d));
    try {
      await until(() => fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false), `nginx to start (${stderr})`);
      const served = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      assert.match(served, /<div data-civic-fragment="/, 'nginx put the fragment in the page');
      assert.doesNotMatch(served, /<!--#|See current service alerts/);
      await check(`http://127.0.0.1:${port}/`);
    } finally {
      nginx.kill('SIGTERM');
      await new Promise((resolve) => (nginx.exitCode === null ? nginx.once('exit', resolve) : resolve()));
    }
  });
});
