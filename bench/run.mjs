#!/usr/bin/env node
// `npm run bench`: measurements in headless Chromium against the built cdn/ files. Not part of
// `npm test`: it measures, it does not gate. Every figure is the median of RUNS runs.
// Prints a table and writes bench/results.json.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import puppeteer from 'puppeteer-core';
import * as esbuild from 'esbuild';

const RUNS = Number(process.env.RUNS) || 5;
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync('cdn/civic-widgets.js')) {
  console.error('bench: run `npm run build` first.');
  process.exit(1);
}

const alerts = (n, salt = '') => ({
  alerts: Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    title: `Road closure ${i + 1}${salt}`,
    message: 'The road is closed for resurfacing.\nFollow the signed diversion.',
    severity: ['major', 'minor', 'announcement'][i % 3],
    url: `/roads/${i}`,
    updated: new Date(Date.UTC(2026, 0, 9, 7, 0) - i * 60_000).toISOString(),
  })),
});

const closures = (n) => ({
  closures: Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    school: `${['Hill', 'Oak', 'River', 'Meadow', 'Brook'][i % 5]} School ${i + 1}`,
    urn: String(100000 + i),
    status: ['closed', 'partially-open', 'late-start', 'early-close'][i % 4],
    reason: 'Snow',
  })),
});

let changing = 0;
const feeds = new Map([
  ['/feeds/3.json', JSON.stringify(alerts(3))],
  ['/feeds/1000.json', JSON.stringify(alerts(1000))],
  ['/feeds/closures-1000.json', JSON.stringify(closures(1000))],
]);
const stats = { requests: 0, notModified: 0, bytes: 0 };

// The relay's fragment for /feeds/3.json, made by the widgets' own code as civic-relay makes it
// (src/server-render.ts bundled with esbuild; JSON feeds need no DOMParser).
const serverRender = await esbuild.build({ entryPoints: ['src/server-render.ts'], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
const { renderFragment } = await import(`data:text/javascript;base64,${Buffer.from(serverRender.outputFiles[0].contents).toString('base64')}`);
const fragmentHtml = await renderFragment(
  { widget: 'alert-banner', bytes: Buffer.from(feeds.get('/feeds/3.json')), contentType: 'application/json', url: 'http://127.0.0.1/feeds/3.json', format: 'auto' },
  { lang: 'en', version: '"bench"', fetchedAt: Date.now() },
);

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html lang="en"><body></body></html>');
    return;
  }
  if (path.startsWith('/cdn/') || path.startsWith('/node_modules/shareon/dist/')) {
    res.writeHead(200, { 'content-type': path.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(readFileSync(`.${path}`));
    return;
  }
  if (path === '/share-civic' || path === '/share-shareon') {
    // The same six share links, built by each library, timed from navigation to all links present.
    const probe = `<script>
      const start = performance.now();
      const done = () => document.querySelectorAll('a[href^="http"], a[href^="mailto"]').length + [...document.querySelectorAll('civic-share-bar')].reduce((n, el) => n + (el.shadowRoot ? el.shadowRoot.querySelectorAll('a[href]').length : 0), 0) >= 6;
      new Promise((resolve) => { const check = () => (done() ? resolve() : requestAnimationFrame(check)); check(); }).then(() => (window.__ready = performance.now()));
    </script>`;
    const body =
      path === '/share-civic'
        ? `<!doctype html><html lang="en"><head><title>Snow</title>${probe}<script type="module" src="/cdn/civic-share-bar.js"></script></head><body><civic-share-bar url="https://example.org/news" networks="facebook,x,linkedin,whatsapp,telegram,email"></civic-share-bar></body></html>`
        : `<!doctype html><html lang="en"><head><title>Snow</title>${probe}<link rel="stylesheet" href="/node_modules/shareon/dist/shareon.min.css"><script src="/node_modules/shareon/dist/shareon.iife.js" defer init></script></head><body><div class="shareon" data-url="https://example.org/news"><a class="facebook"></a><a class="twitter"></a><a class="linkedin"></a><a class="whatsapp"></a><a class="telegram"></a><a class="email"></a></div></body></html>`;
    res.writeHead(200, { 'content-type': 'text/html' }).end(body);
    return;
  }
  if (path === '/feeds/changing.json') {
    // Different alerts on every request, for the memory measure.
    changing++;
    return res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(alerts(20, ` #${changing}`)));
  }
  if (path === '/cls') {
    // A first visit's page: the banner in the header above the content. ?blocking: the alert
    // banner's own file with blocking="render" before the autoloader, as the README says; ?fragment: the banner holds the relay's
    // server-rendered fragment for the same feed, styled by cdn/civic-widgets.css.
    const query = new URL(req.url, 'http://x').searchParams;
    const blocking = query.has('blocking') ? '<script type="module" src="/cdn/civic-alert-banner.js" blocking="render"></script>' : '';
    const inside = query.has('fragment') ? fragmentHtml : '<a href="/alerts">See current service alerts</a>';
    const css = query.has('fragment') ? '<link rel="stylesheet" href="/cdn/civic-widgets.css">' : '';
    const page = `<!doctype html><html lang="en"><head><title>CLS</title><meta name="viewport" content="width=device-width, initial-scale=1"><script>
      window.__cls = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
    </script>${css}${blocking}<script type="module" src="/cdn/civic-widgets.js"></script></head><body>
      <header><civic-alert-banner src="/feeds/3.json" refresh="0">${inside}</civic-alert-banner></header>
      <main><h1>Council news</h1>${'<p>Paragraph of page content that would move if the banner pushed it down.</p>'.repeat(20)}</main></body></html>`;
    return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  }
  const body = feeds.get(path);
  if (!body) return res.writeHead(404).end();
  stats.requests++;
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  if (req.headers['if-none-match'] === etag) {
    stats.notModified++;
    return res.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
  }
  stats.bytes += Buffer.byteLength(body);
  res.writeHead(200, { 'content-type': 'application/json', etag, 'cache-control': 'no-cache' }).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--js-flags=--expose-gc', '--enable-precise-memory-info', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function freshPage() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.addScriptTag({ url: '/cdn/civic-widgets.js', type: 'module' });
  await page.waitForFunction(() => customElements.get('civic-alert-banner'));
  return { page, context };
}

/** Time from inserting a banner to all 1,000 alerts rendered (feed fetch included). */
async function renderAlerts() {
  const { page, context } = await freshPage();
  const ms = await page.evaluate(async () => {
    const start = performance.now();
    const el = document.createElement('civic-alert-banner');
    el.setAttribute('src', '/feeds/1000.json');
    el.setAttribute('max', '1000');
    el.setAttribute('refresh', '0');
    document.body.append(el);
    await new Promise((resolve) => el.addEventListener('civic-load', resolve, { once: true }));
    await el.updateComplete;
    if (el.shadowRoot.querySelectorAll('[part~="alert"]').length !== 1000) throw new Error('not all alerts rendered');
    return performance.now() - start;
  });
  await context.close();
  return ms;
}

/** 100 refreshes of an unchanged feed: DOM mutations in the widget, and what the server sent. */
async function pollUnchanged() {
  const { page, context } = await freshPage();
  await page.evaluate(async () => {
    const el = document.createElement('civic-alert-banner');
    el.setAttribute('src', '/feeds/1000.json');
    el.setAttribute('max', '1000');
    el.setAttribute('refresh', '0');
    document.body.append(el);
    await new Promise((resolve) => el.addEventListener('civic-load', resolve, { once: true }));
    await el.updateComplete;
  });
  const before = { ...stats };
  const mutations = await page.evaluate(async () => {
    const el = document.querySelector('civic-alert-banner');
    let count = 0;
    const observer = new MutationObserver((records) => (count += records.length));
    observer.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
    observer.observe(el, { attributes: true });
    for (let i = 0; i < 100; i++) {
      el.refreshNow();
      // Let each request be answered and handled before the next, so each refresh is a real poll.
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 200));
    count += observer.takeRecords().length;
    return count;
  });
  await context.close();
  return {
    mutations,
    requests: stats.requests - before.requests,
    notModified: stats.notModified - before.notModified,
    bytes: stats.bytes - before.bytes,
  };
}

/** Time from inserting a list-mode ticker to all 1,000 schools rendered. */
async function renderClosures() {
  const { page, context } = await freshPage();
  const ms = await page.evaluate(async () => {
    const start = performance.now();
    const el = document.createElement('civic-closure-ticker');
    el.setAttribute('src', '/feeds/closures-1000.json');
    el.setAttribute('mode', 'list');
    el.setAttribute('refresh', '0');
    document.body.append(el);
    while (el.shadowRoot?.querySelectorAll('.school').length !== 1000) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - start;
  });
  await context.close();
  return ms;
}

/** Long tasks (over 50 ms) while a 1,000-school ticker scrolls for 3 seconds. */
async function tickerLongTasks() {
  const { page, context } = await freshPage();
  const count = await page.evaluate(async () => {
    const el = document.createElement('civic-closure-ticker');
    el.setAttribute('src', '/feeds/closures-1000.json');
    el.setAttribute('refresh', '0');
    document.body.append(el);
    while (!el.shadowRoot?.querySelector('.track .school')) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 200));
    const long = [];
    const observer = new PerformanceObserver((list) => long.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    await new Promise((r) => setTimeout(r, 3000));
    observer.disconnect();
    return long.length;
  });
  await context.close();
  return count;
}

/** Milliseconds from navigation to all six share links present, for a page with one library. */
async function timeToReady(path) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(base + path);
  await page.waitForFunction(() => window.__ready !== undefined, { timeout: 10_000 });
  const ms = await page.evaluate(() => window.__ready);
  await context.close();
  return ms;
}

/** Raw, gzip and brotli bytes of some files together. */
function bytes(files) {
  const all = files.map((f) => readFileSync(f));
  const sum = (fn) => all.reduce((n, b) => n + fn(b).length, 0);
  return {
    raw: all.reduce((n, b) => n + b.length, 0),
    gzip: sum((b) => gzipSync(b, { level: 9 })),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

/**
 * Cumulative layout shift of a page whose banner renders from the network (a first visit: a new
 * browser context, nothing stored), then from the stored copy (the same context again), at a width.
 */
async function layoutShift(query, width) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height: 900 });
  const measure = async () => {
    await page.goto(`${base}/cls?${query}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('civic-alert-banner')?.shadowRoot?.querySelector('[part~="alert"]'));
    await new Promise((r) => setTimeout(r, 500));
    return page.evaluate(() => window.__cls);
  };
  const network = await measure();
  const cached = await measure();
  await context.close();
  return { network, cached };
}

/** JS heap after 10, 1,000 and 2,000 polls of a feed that changes every time (after GC). */
async function memory() {
  const { page, context } = await freshPage();
  const heap = await page.evaluate(async () => {
    const el = document.createElement('civic-alert-banner');
    el.setAttribute('src', '/feeds/changing.json');
    el.setAttribute('refresh', '0');
    el.setAttribute('max', '50');
    document.body.append(el);
    await new Promise((resolve) => el.addEventListener('civic-load', resolve, { once: true }));
    const poll = async (times) => {
      for (let i = 0; i < times; i++) {
        const updated = new Promise((resolve) => el.addEventListener('civic-update', resolve, { once: true }));
        el.refreshNow();
        await updated;
      }
      // Resource-timing entries pile up with every request whatever the page does: not ours to count.
      performance.clearResourceTimings();
      window.gc();
      await new Promise((r) => setTimeout(r, 50));
      window.gc();
      return performance.memory.usedJSHeapSize;
    };
    const after10 = await poll(10);
    const after1000 = await poll(990);
    const after2000 = await poll(1000);
    return { after10, after1000, after2000 };
  });
  await context.close();
  return heap;
}

/** Timers and document listeners left behind after creating and removing 1,000 widgets. */
async function leftovers() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.evaluateOnNewDocument(() => {
    const timers = new Set();
    const { setTimeout: set, clearTimeout: clear } = window;
    window.setTimeout = (fn, ms, ...args) => {
      const id = set(() => (timers.delete(id), typeof fn === 'function' ? fn(...args) : undefined), ms);
      timers.add(id);
      return id;
    };
    window.clearTimeout = (id) => (timers.delete(id), clear(id));
    let listeners = 0;
    const add = Document.prototype.addEventListener;
    const remove = Document.prototype.removeEventListener;
    Document.prototype.addEventListener = function (...a) { listeners++; return add.apply(this, a); };
    Document.prototype.removeEventListener = function (...a) { listeners--; return remove.apply(this, a); };
    window.__leftovers = () => ({ timers: timers.size, listeners });
  });
  await page.goto(base);
  await page.addScriptTag({ url: '/cdn/civic-widgets.js', type: 'module' });
  await page.waitForFunction(() => customElements.get('civic-closure-ticker'));
  const result = await page.evaluate(async () => {
    const before = window.__leftovers();
    for (let i = 0; i < 1000; i++) {
      const tag = ['civic-alert-banner', 'civic-closure-ticker', 'civic-share-bar'][i % 3];
      const el = document.createElement(tag);
      if (tag !== 'civic-share-bar') el.setAttribute('src', i % 2 ? '/feeds/3.json' : '/feeds/closures-1000.json');
      document.body.append(el);
      await el.updateComplete;
      el.remove();
    }
    await new Promise((r) => setTimeout(r, 300));
    const after = window.__leftovers();
    return { timers: after.timers - before.timers, listeners: after.listeners - before.listeners };
  });
  await context.close();
  return result;
}

const results = { date: new Date().toISOString(), runs: RUNS, bytes: {}, timeToReady: {}, alertBanner: {}, closureTicker: {} };

// Bytes, side by side.
for (const file of readdirSync('cdn').filter((f) => f.endsWith('.js'))) results.bytes[`cdn/${file}`] = bytes([`cdn/${file}`]);
results.bytes['shareon 2.8.1 (JS+CSS)'] = bytes(['node_modules/shareon/dist/shareon.iife.js', 'node_modules/shareon/dist/shareon.min.css']);
results.bytes['Shariff 3.3.0 (JS+CSS)'] = bytes(['node_modules/shariff/dist/shariff.complete.js', 'node_modules/shariff/dist/shariff.complete.css']);
{
  const lit = await rollup({ input: 'lit', plugins: [resolve({ exportConditions: ['production'] }), terser({ module: true })], onwarn() {} });
  const { output } = await lit.generate({ format: 'es' });
  writeFileSync('bench/results-lit.js', output[0].code);
  results.bytes['Lit 3 alone'] = bytes(['bench/results-lit.js']);
  rmSync('bench/results-lit.js');
}
results.bytes.shareBarOverShareon = +(results.bytes['cdn/civic-share-bar.js'].brotli / results.bytes['shareon 2.8.1 (JS+CSS)'].brotli).toFixed(2);

// Time to ready, side by side, alternating.
const civicTimes = [];
const shareonTimes = [];
for (let i = 0; i < RUNS; i++) {
  civicTimes.push(await timeToReady('/share-civic'));
  shareonTimes.push(await timeToReady('/share-shareon'));
}
results.timeToReady = {
  civicShareBarMs: Math.round(median(civicTimes)),
  shareonMs: Math.round(median(shareonTimes)),
};
results.timeToReady.ratio = +(results.timeToReady.civicShareBarMs / results.timeToReady.shareonMs).toFixed(2);
const renders = [];
for (let i = 0; i < RUNS; i++) renders.push(await renderAlerts());
results.alertBanner.render1000AlertsMs = Math.round(median(renders));
const polls = [];
for (let i = 0; i < RUNS; i++) polls.push(await pollUnchanged());
results.alertBanner.poll100Unchanged = {
  domMutations: median(polls.map((p) => p.mutations)),
  requests: median(polls.map((p) => p.requests)),
  answeredWith304: median(polls.map((p) => p.notModified)),
  bodyBytesSent: median(polls.map((p) => p.bytes)),
};

// First visit and returning visitor, with and without the relay's fragment, with and without
// blocking="render", on a desktop and a phone.
results.alertBanner.layoutShift = {};
for (const width of [1280, 320]) {
  for (const [name, query] of [['linkOnly', ''], ['linkOnlyBlocking', 'blocking'], ['fragment', 'fragment'], ['fragmentBlocking', 'fragment&blocking']]) {
    const shifts = [];
    for (let i = 0; i < RUNS; i++) shifts.push(await layoutShift(query, width));
    results.alertBanner.layoutShift[`${name}${width}`] = { firstVisit: +median(shifts.map((x) => x.network)).toFixed(4), returning: +median(shifts.map((x) => x.cached)).toFixed(4) };
  }
}
const cls = results.alertBanner.layoutShift;
const heaps = [];
for (let i = 0; i < Math.min(RUNS, 3); i++) heaps.push(await memory());
results.alertBanner.heapKB = Object.fromEntries(['after10', 'after1000', 'after2000'].map((k) => [k, Math.round(median(heaps.map((h) => h[k])) / 1024)]));
results.leftAfter1000Widgets = await leftovers();

const closureRenders = [];
for (let i = 0; i < RUNS; i++) closureRenders.push(await renderClosures());
results.closureTicker.render1000ClosuresMs = Math.round(median(closureRenders));
const longTasks = [];
for (let i = 0; i < RUNS; i++) longTasks.push(await tickerLongTasks());
results.closureTicker.longTasksWhileScrolling = median(longTasks);

await browser.close();
server.close();

const rows = [
  ['measure', 'median'],
  ...Object.entries(results.bytes)
    .filter(([, v]) => typeof v === 'object')
    .map(([name, v]) => [`bytes: ${name} (raw / gzip / brotli)`, `${v.raw} / ${v.gzip} / ${v.brotli}`]),
  ['bytes: civic-share-bar / shareon (brotli)', String(results.bytes.shareBarOverShareon)],
  ['time to ready: civic-share-bar, 6 links (ms)', String(results.timeToReady.civicShareBarMs)],
  ['time to ready: shareon, 6 links (ms)', String(results.timeToReady.shareonMs)],
  ['time to ready: ratio civic / shareon', String(results.timeToReady.ratio)],
  ['alert banner: 1,000 alerts, insert to rendered (ms)', String(results.alertBanner.render1000AlertsMs)],
  ['alert banner: 100 polls of an unchanged feed, DOM mutations', String(results.alertBanner.poll100Unchanged.domMutations)],
  ['  requests made / answered 304', `${results.alertBanner.poll100Unchanged.requests} / ${results.alertBanner.poll100Unchanged.answeredWith304}`],
  ['  feed body bytes sent by the server for those polls', String(results.alertBanner.poll100Unchanged.bodyBytesSent)],
  ['alert banner: cumulative layout shift, first visit / returning (goal with a fragment: ≤ 0.01)', ''],
  ...[1280, 320].flatMap((w) => [
    [`  ${w} px, fallback link only`, `${cls[`linkOnly${w}`].firstVisit} / ${cls[`linkOnly${w}`].returning}`],
    [`  ${w} px, fallback link only, blocking="render"`, `${cls[`linkOnlyBlocking${w}`].firstVisit} / ${cls[`linkOnlyBlocking${w}`].returning}`],
    [`  ${w} px, relay fragment + civic-widgets.css`, `${cls[`fragment${w}`].firstVisit} / ${cls[`fragment${w}`].returning}`],
    [`  ${w} px, relay fragment + civic-widgets.css, blocking="render"`, `${cls[`fragmentBlocking${w}`].firstVisit} / ${cls[`fragmentBlocking${w}`].returning}`],
  ]),
  ['alert banner: JS heap after 10 / 1,000 / 2,000 polls of a changing feed (KB)', Object.values(results.alertBanner.heapKB).join(' / ')],
  ['1,000 widgets created and removed: timers / document listeners left (1 = the shared scheduler)', `${results.leftAfter1000Widgets.timers} / ${results.leftAfter1000Widgets.listeners}`],
  ['closure ticker: 1,000 schools in list mode, insert to rendered (ms)', String(results.closureTicker.render1000ClosuresMs)],
  ['closure ticker: long tasks (> 50 ms) in 3 s of scrolling 1,000 schools', String(results.closureTicker.longTasksWhileScrolling)],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [a, b] of rows) console.log(`${a.padEnd(width)}  ${b}`);
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
const ok =
  results.alertBanner.poll100Unchanged.domMutations === 0 &&
  results.closureTicker.longTasksWhileScrolling === 0 &&
  [1280, 320].every((w) => cls[`linkOnlyBlocking${w}`].returning === 0 && cls[`fragment${w}`].firstVisit <= 0.01 && cls[`fragmentBlocking${w}`].firstVisit <= 0.01) &&
  results.leftAfter1000Widgets.timers === 0 &&
  results.leftAfter1000Widgets.listeners <= 1;
if (!ok) console.error('bench: a must-hold figure failed (DOM mutations, long tasks, layout shift from the stored copy or with a fragment, or leftovers).');
process.exit(ok ? 0 : 1);
