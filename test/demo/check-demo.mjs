#!/usr/bin/env node
// The README's promise, checked in headless Chromium against the real demo server (`npm start`'s):
// every page loads under its strict CSP with no error or CSP violation and passes axe; a change on
// /control reaches the widgets; a report sent from /report.html is stored and listed on /reports; the
// embed-code builder writes the snippet and checks feeds in plain words. Needs cdn/ (npm run build).
// Run by `npm test`. Reports go to a temporary folder, never to demo/data/.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`No browser at ${executablePath}: install Chromium (sudo apt-get install chromium) or set CHROME_PATH.`);
  process.exit(1);
}
if (!existsSync('cdn/civic-widgets.js')) {
  console.error('cdn/ is missing: run `npm run build` first.');
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
const port = await freePort();
const relayPort = await freePort();
const data = mkdtempSync(join(tmpdir(), 'civic-demo-'));
const server = spawn(process.execPath, ['demo/server.mjs'], { env: { ...process.env, PORT: String(port), RELAY_PORT: String(relayPort), DEMO_DATA: data }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('http://') && resolve());
  server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
// The relay the demo starts in front of its Open311 server (demo/relay.mjs).
const relay = `http://127.0.0.1:${relayPort}`;
for (let i = 0; ; i++) {
  if (await fetch(`${relay}/readyz`).then((r) => r.ok, () => false)) break;
  if (i > 100) throw new Error('the demo relay did not start');
  await new Promise((r) => setTimeout(r, 100));
}
const PAGES = ['/', '/cy/', '/report.html', '/news/gritting-tonight.html', '/control', '/reports', '/embed.html', '/no-javascript.html', '/privacy.html', '/service-alerts.html', '/school-closures.html', '/roads/gritting.html', '/cy/service-alerts.html', '/cy/school-closures.html'];
// The README's recommended policy, for snippets pasted into a blank page.
const README_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const failures = [];
let passed = 0;
const page = await browser.newPage();
let problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (msg) => {
  if (msg.type() === 'error' && !/favicon|status of (404|503)/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
});
// A CSP violation is reported to the page as an event: collect them all.
await page.evaluateOnNewDocument(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
});

const shadowText = (selector) => page.evaluate((s) => (document.querySelector(s)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '), selector);
const until = async (check, what, timeout = 10_000) => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

async function step(name, run) {
  problems = [];
  try {
    await run();
    const csp = await page.evaluate(() => window.__csp ?? []);
    problems.push(...csp.map((v) => `CSP violation: ${v}`));
  } catch (error) {
    problems.push(error.message);
  }
  if (problems.length) failures.push(`${name}\n    ${problems.join('\n    ')}`);
  else passed++;
}

async function visit(path) {
  const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  if (!response.ok() && response.status() !== 304) throw new Error(`${path} answered ${response.status()}`);
  if (!response.headers()['content-security-policy']?.includes("script-src 'self'")) throw new Error(`${path} has no strict CSP`);
  await new Promise((r) => setTimeout(r, 700)); // widgets load their feeds
}

async function axe(path) {
  await page.evaluate(axeSource); // through DevTools, which the page's CSP does not govern
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  problems.push(...violations.map((v) => `axe on ${path}: ${v}`));
}

/** Clicks, typing and the heading inside a widget's shadow root, as a resident meets them. */
const inForm = (form) => ({
  click: (selector) => page.evaluate((f, s) => document.querySelector(f).shadowRoot.querySelector(s).click(), form, selector),
  fill: (selector, value) =>
    page.evaluate(
      (f, s, v) => {
        const el = document.querySelector(f).shadowRoot.querySelector(s);
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      },
      form,
      selector,
      value,
    ),
  heading: () => page.evaluate((f) => document.querySelector(f).shadowRoot.querySelector('[part="heading"]')?.textContent.trim(), form),
});

/** Types into a field of the page as a person would: value, then an input event. */
const setField = (id, value) =>
  page.$eval(
    `#${id}`,
    (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );

/** Whether each widget shows its real content (not the fallback) in `root`, its shadow root. */
const RENDERED = {
  'alert-banner': (root) => root.querySelectorAll('[part="heading"]').length > 0,
  'closure-ticker': (root) => !!root.querySelector('[part="summary"]'),
  'report-form': (root) => !!root.querySelector('[part="heading"]'),
  'share-bar': (root) => root.querySelectorAll('a[href], button').length > 0,
};

/**
 * Serves `snippet` as the whole body of a blank page (and `css` as its one stylesheet) under the
 * README's strict CSP, in a fresh tab, and checks that the widget really works there.
 */
async function checkPasted(widget, snippet, css, { share = false, welsh = false, brand = false }) {
  const tab = await browser.newPage();
  const seen = [];
  tab.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  tab.on('console', (msg) => msg.type() === 'error' && seen.push(`console error: ${msg.text()}`));
  await tab.evaluateOnNewDocument(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/pasted.html') {
      const head = `<meta charset="utf-8"><title>Pasted</title>${css ? '<link rel="stylesheet" href="/pasted.css">' : ''}`;
      return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': README_CSP }, body: `<!doctype html><html lang="en-GB"><head>${head}</head><body>\n${snippet}</body></html>` });
    }
    if (path === '/pasted.css') return void request.respond({ status: 200, contentType: 'text/css', body: css });
    void request.continue();
  });
  try {
    await tab.goto(`${base}/pasted.html`, { waitUntil: 'load' });
    const tag = `civic-${widget}`;
    const start = Date.now();
    for (;;) {
      const root = await tab.evaluateHandle((t) => document.querySelector(t)?.shadowRoot ?? null, tag);
      if (await root.evaluate((r, test) => !!r && new Function(`return (${test})`)()(r), RENDERED[widget].toString()).catch(() => false)) break;
      if (Date.now() - start > 10_000) throw new Error(`${tag} never rendered its content:\n${snippet}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (share) {
      // The closure list loads on demand: wait for its rows' share bars.
      const bars = () => tab.evaluate((t) => [...document.querySelector(t).shadowRoot.querySelectorAll('civic-share-bar')].map((bar) => bar.shadowRoot?.querySelectorAll('a[href], button').length ?? 0), tag);
      const begun = Date.now();
      let found = await bars();
      while ((!found.length || found.some((n) => !n)) && Date.now() - begun < 10_000) {
        await new Promise((r) => setTimeout(r, 100));
        found = await bars();
      }
      if (!found.length || found.some((n) => !n)) throw new Error(`share bars missing or empty: ${JSON.stringify(found)}\n${snippet}`);
    }
    if (welsh) {
      const lang = await tab.evaluate((t) => document.querySelector(t).closest('[lang]').lang, tag);
      if (lang !== 'cy') throw new Error(`the widget is not in Welsh (lang ${lang})`);
    }
    if (brand) {
      const colour = await tab.evaluate((t) => getComputedStyle(document.querySelector(t)).getPropertyValue('--civic-color-brand').trim(), tag);
      if (colour !== '#4c2c92') throw new Error(`the stylesheet's colour did not reach the widget (${colour || 'unset'})`);
    }
    seen.push(...(await tab.evaluate(() => window.__csp)).map((v) => `CSP violation: ${v}`));
    if (seen.length) throw new Error(`${seen.join('; ')}\n${snippet}`);
  } finally {
    await tab.close();
  }
}

try {
  for (const path of PAGES) {
    await step(`${path} loads under its CSP with no error, and passes axe`, async () => {
      await visit(path);
      await axe(path);
      const inert = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('civic-') && !el.shadowRoot).length);
      if (path !== '/no-javascript.html' && path !== '/reports' && inert) throw new Error(`${inert} widgets never started`);
    });
  }

  await step('the home page shows the sample alert, closures and flood warnings', async () => {
    await visit('/');
    await until(async () => (await shadowText('civic-alert-banner')).includes('Gritting tonight'), 'the alert');
    await until(async () => (await shadowText('civic-closure-ticker')).includes('Hill Top Primary School'), 'the closures');
    await until(async () => (await shadowText('civic-alert-banner[format="ea-floods"]')).includes('Environment Agency'), 'the flood warnings with their attribution');
  });

  await step('without JavaScript the home page and /no-javascript.html show the current alerts and closures (the relay’s fragments, through the server’s includes), and pass axe', async () => {
    // The widgets' script never arrives (blocked, or a failed CDN): what a resident without JavaScript sees.
    const tab = await browser.newPage();
    await tab.setRequestInterception(true);
    tab.on('request', (request) => (request.resourceType() === 'script' ? request.abort() : request.continue()));
    try {
      for (const path of ['/', '/cy/', '/no-javascript.html']) {
        await tab.goto(`${base}${path}`, { waitUntil: 'load' });
        const shown = await tab.evaluate(() => ({
          defined: !!customElements.get('civic-alert-banner'),
          headings: [...document.querySelectorAll('civic-alert-banner [data-civic-fragment] h2')].map((h) => h.textContent),
          schools: [...document.querySelectorAll('civic-closure-ticker [data-civic-fragment] .school')].map((s) => s.textContent),
          visible: document.querySelector('civic-closure-ticker .school')?.getBoundingClientRect().height ?? 0,
          includes: document.documentElement.outerHTML.includes('<!--#'),
        }));
        if (shown.defined) throw new Error(`${path}: the script ran`);
        if (!shown.headings.includes('Gritting tonight')) throw new Error(`${path}: no alerts in the page (${shown.headings.join(', ')})`);
        if (!shown.schools.includes('Hill Top Primary School') || !shown.visible) throw new Error(`${path}: no closures in the page`);
        if (shown.includes) throw new Error(`${path}: an include was left in the page`);
        await tab.evaluate(axeSource);
        const violations = await tab.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
        problems.push(...violations.map((v) => `axe on ${path} without JavaScript: ${v}`));
      }
    } finally {
      await tab.close();
    }
  });

  await step('the home page upgrades its alerts and closures with no layout shift on a first visit (1280 and 320 px)', async () => {
    for (const width of [1280, 320]) {
      const context = await browser.createBrowserContext(); // nothing stored: a first visit
      const tab = await context.newPage();
      await tab.setViewport({ width, height: 800 });
      await tab.evaluateOnNewDocument(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__cls += e.hadRecentInput ? 0 : e.value))).observe({ type: 'layout-shift', buffered: true });
      });
      await tab.goto(`${base}/`, { waitUntil: 'load' });
      await tab.waitForFunction(() => document.querySelector('civic-alert-banner')?.shadowRoot?.querySelector('[part~="alert"]') && document.querySelector('civic-closure-ticker')?.shadowRoot?.querySelector('section'));
      await new Promise((r) => setTimeout(r, 700));
      const cls = await tab.evaluate(() => window.__cls);
      await context.close();
      if (cls > 0.01) throw new Error(`cumulative layout shift ${cls.toFixed(4)} at ${width} px (goal ≤ 0.01)`);
    }
  });

  await step('an alert added and a school closed on /control reach the widgets', async () => {
    await visit('/control');
    await page.$eval('#alert-title', (el) => (el.value = 'Library closed for repairs'));
    await Promise.all([page.waitForNavigation(), page.click('form[action="/control/alerts"] button')]);
    await page.$eval('#school', (el) => (el.value = 'Brook Junior School'));
    await Promise.all([page.waitForNavigation(), page.click('form[action="/control/closures"] button')]);
    await visit('/');
    await until(async () => (await shadowText('civic-alert-banner')).includes('Library closed for repairs'), 'the new alert');
    await until(async () => (await shadowText('civic-closure-ticker')).includes('Brook Junior School'), 'the new closure');
    // Every other format says the same.
    for (const feed of ['alerts.rss', 'alerts.atom', 'alerts.cap']) {
      const text = await (await fetch(`${base}/feeds/${feed}`)).text();
      if (!text.includes('Library closed for repairs')) throw new Error(`${feed} does not have the new alert`);
    }
    const csv = await (await fetch(`${base}/feeds/school-closures.csv`)).text();
    if (!csv.includes('Brook Junior School')) throw new Error('the CSV does not have the new closure');
  });

  await step('a failing feed keeps the widgets’ last data, and they recover', async () => {
    await visit('/control');
    await Promise.all([page.waitForNavigation(), page.click('#mode-fail').then(() => page.click('form[action="/control/mode"] button'))]);
    if ((await fetch(`${base}/feeds/alerts.json`)).status !== 503) throw new Error('the feed did not fail');
    await visit('/');
    await until(async () => (await shadowText('civic-alert-banner')).includes('Library closed for repairs'), 'the kept alert');
    await visit('/control');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/control/reset"] button')]);
    if ((await fetch(`${base}/feeds/alerts.json`)).status !== 200) throw new Error('the feed did not recover');
  });

  await step('every link on every page, in the page and inside the widgets, answers 200', async () => {
    const checked = new Map();
    for (const path of PAGES) {
      await visit(path);
      const links = await page.evaluate(() => {
        const out = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll('a[href], link[href]')) out.push(el.href);
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
        };
        walk(document);
        return out;
      });
      for (const href of links) {
        const url = new URL(href);
        if (url.origin !== base) continue; // other sites (GOV.UK, OpenStreetMap) are not reachable here
        url.hash = '';
        if (!checked.has(url.href)) checked.set(url.href, (await fetch(url)).status);
        if (checked.get(url.href) !== 200) problems.push(`${path} links to ${url.pathname}${url.search}, which answers ${checked.get(url.href)}`);
      }
    }
    if (checked.size < 20) problems.push(`only ${checked.size} links found: the crawl is not seeing the pages`);
  });

  await step('every page reflows at 320 px without scrolling sideways', async () => {
    await page.setViewport({ width: 320, height: 640 });
    try {
      for (const path of PAGES) {
        await visit(path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) problems.push(`${path} is ${width} px wide at 320 px`);
      }
    } finally {
      await page.setViewport({ width: 1280, height: 800 });
    }
  });

  await step('a page shares the address it is served on, not localhost:8000 (canonical and fallback links)', async () => {
    await visit('/news/gritting-tonight.html');
    const hrefs = await page.evaluate(() => [...document.querySelector('civic-share-bar').shadowRoot.querySelectorAll('a[href]')].map((a) => a.href));
    const encoded = encodeURIComponent(`${base}/news/gritting-tonight.html`);
    if (!hrefs.length || !hrefs.every((href) => href.includes(encoded))) throw new Error(`share links do not carry ${base}: ${hrefs.join(' ')}`);
    const fallback = await (await fetch(`${base}/no-javascript.html`)).text();
    if (fallback.includes('localhost%3A8000') || !fallback.includes(encodeURIComponent(base))) throw new Error('the no-JavaScript share link names another address');
  });

  await step('a report with a photo sent from /report.html through the relay (no key in the page) is stored on disk and listed on /reports', async () => {
    await visit('/report.html');
    const form = 'civic-report-form';
    const { click, fill, heading } = inForm(form);
    await until(async () => (await heading()) === 'What is the problem?', 'the first step');
    await click('#service-1'); // graffiti
    await click('[part="submit-button"]');
    await until(async () => (await heading()) === 'Where is it?', 'step 2');
    await fill('#address', 'The underpass by Mill Road');
    await click('[part="submit-button"]');
    await until(async () => (await heading()) === 'Tell us about the problem', 'step 3');
    await fill('#description', 'Fresh tags on both walls of the underpass');
    // A photo, chosen through the real file input as a resident would (the browser's file chooser).
    const photo = join(data, 'IMG_0001.jpg');
    writeFileSync(photo, Buffer.from(await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(1200, 900);
      const context = canvas.getContext('2d');
      context.fillStyle = '#1d70b8';
      context.fillRect(0, 0, 1200, 900);
      return [...new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer())];
    })));
    const input = await page.evaluateHandle((f) => document.querySelector(f).shadowRoot.querySelector('#photos'), form);
    await input.asElement().uploadFile(photo);
    await until(() => page.evaluate((f) => !!document.querySelector(f).shadowRoot.querySelector('[part="field"] img'), form), 'the photo preview');
    await click('[part="submit-button"]');
    await until(async () => (await heading())?.startsWith('Your contact details'), 'step 4');
    await click('[part="submit-button"]');
    await until(async () => (await heading())?.startsWith('Check your answers'), 'step 5');
    await new Promise((r) => setTimeout(r, 3100)); // a person takes longer than the 3 s time-trap
    await click('[part="submit-button"]');
    await until(async () => (await heading()) === 'Report sent', 'the confirmation');
    const reference = await page.evaluate((f) => document.querySelector(f).shadowRoot.querySelector('[part="reference"]')?.textContent, form);
    const stored = JSON.parse(readFileSync(join(data, 'reports.json'), 'utf8'));
    if (stored.at(-1)?.service_request_id !== reference) throw new Error(`reference ${reference} is not the stored report's`);
    const mediaUrls = stored.at(-1).fields.filter(([name]) => name === 'media_url').map(([, v]) => v);
    // The photo is the relay's, re-encoded there; the report reached the server with the relay's key.
    if (mediaUrls.length !== 1 || !mediaUrls[0].startsWith(`http://localhost:${relayPort}/media/`)) throw new Error(`media_url sent: ${JSON.stringify(mediaUrls)}`);
    if (!stored.at(-1).keyed) throw new Error('the report reached the Open311 server without the key the relay adds');
    if (await page.evaluate((f) => document.querySelector(f).hasAttribute('api-key'), form)) throw new Error('the page holds an api-key');
    const kept = readdirSync(join(data, 'relay', 'media'));
    if (kept.length !== 1) throw new Error(`expected 1 photo stored, found ${kept.length}`);
    await visit('/reports');
    const listed = await page.$eval(`#r${reference}`, (el) => el.textContent);
    if (!listed.includes('Fresh tags on both walls')) throw new Error('the report is not listed on /reports');
    const shown = await page.$eval(`#r${reference}`, (el) => [...el.querySelectorAll('img')].map((img) => img.complete && img.naturalWidth));
    if (shown.length !== 1 || !shown[0]) throw new Error(`the photo is not shown with the report on /reports (${JSON.stringify({ shown, mediaUrls })})`);
  });

  await step('a report whose answer is lost on the way back (the relay made the case) is kept, sent again after a reload, and makes one case', async () => {
    const form = 'civic-report-form';
    const description = `Tags on the footbridge ${Date.now()}`;
    const { click, fill, heading } = inForm(form);
    // The connection drops after the relay has answered: the browser never sees the answer.
    const cdp = await page.createCDPSession();
    let dropped = 0;
    const keys = [];
    cdp.on('Fetch.requestPaused', async ({ requestId, request, responseStatusCode }) => {
      keys.push(request.headers['Idempotency-Key'] ?? request.headers['idempotency-key']);
      if (responseStatusCode && dropped++ === 0) await cdp.send('Fetch.failRequest', { requestId, errorReason: 'ConnectionReset' });
      else await cdp.send('Fetch.continueRequest', { requestId });
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/demo/open311/v2/requests.json', requestStage: 'Response' }] });
    try {
      await visit('/report.html');
      await until(async () => (await heading()) === 'What is the problem?', 'the first step');
      await click('#service-1');
      await click('[part="submit-button"]');
      await until(async () => (await heading()) === 'Where is it?', 'step 2');
      await fill('#address', 'The footbridge over the railway');
      await click('[part="submit-button"]');
      await until(async () => (await heading()) === 'Tell us about the problem', 'step 3');
      await fill('#description', description);
      await click('[part="submit-button"]');
      await until(async () => (await heading())?.startsWith('Your contact details'), 'step 4');
      await click('[part="submit-button"]');
      await until(async () => (await heading())?.startsWith('Check your answers'), 'step 5');
      await new Promise((r) => setTimeout(r, 3100));
      await click('[part="submit-button"]');
      await until(async () => (await heading()) === 'Saved on this device', 'the report kept on the device');
      const cases = () => JSON.parse(readFileSync(join(data, 'reports.json'), 'utf8')).filter((r) => r.fields.some(([n, v]) => n === 'description' && v.startsWith(description)));
      if (cases().length !== 1) throw new Error(`the relay should have made the case already (${cases().length})`);
      // Back online, the next page load sends what the outbox holds.
      await visit('/report.html');
      await until(async () => (await heading()) === 'Report sent', 'the confirmation after the reload', 15_000);
      if (cases().length !== 1) throw new Error(`${cases().length} cases for one report`);
      if (keys.length !== 2 || !keys[0] || keys[0] !== keys[1]) throw new Error(`Idempotency-Keys sent: ${JSON.stringify(keys)}`);
    } finally {
      await cdp.send('Fetch.disable');
      await cdp.detach();
    }
    problems = problems.filter((p) => !/ERR_CONNECTION_RESET/.test(p)); // the drop this step made
  });

  await step('the embed-code builder fills in the relay’s two addresses for the report form, and checks them through the relay', async () => {
    await visit('/embed.html');
    await page.select('#widget', 'report-form');
    await setField('f-relay', `http://localhost:${relayPort}/demo`);
    const snippet = await page.$eval('#snippet', (el) => el.value);
    if (!snippet.includes(`endpoint="http://localhost:${relayPort}/demo/open311/v2"`) || !snippet.includes(`media-endpoint="http://localhost:${relayPort}/demo/media"`)) throw new Error(`the snippet: ${snippet}`);
    if (snippet.includes('relay=') || snippet.includes('api-key')) throw new Error(`the snippet has a stray attribute: ${snippet}`);
    const said = () => page.$eval('#check', (el) => el.textContent);
    await until(async () => !['', 'Checking…'].includes(await said()), 'the check of the relay');
    if ((await said()) !== 'Open311 works: 3 services found, 3 offered.') throw new Error(`the check says: ${await said()}`);
  });

  await step('the embed-code builder writes the snippet and checks feeds in plain words', async () => {
    await visit('/embed.html');
    const check = () => page.$eval('#check', (el) => el.textContent);
    await until(async () => (await check()) === 'The feed works: civic JSON (found automatically).', 'the first check');
    const snippet = await page.$eval('#snippet', (el) => el.value);
    if (!snippet.includes('<civic-alert-banner src="/feeds/alerts.json">') || !snippet.includes('civic-alert-banner.js')) throw new Error(`unexpected snippet:\n${snippet}`);
    await page.select('#f-format', 'json');
    await setField('f-src', '/feeds/alerts.rss');
    await until(async () => (await check()) === 'This feed is RSS: set the format to rss.', 'the format advice');
    await setField('f-src', '/report.html');
    await until(async () => (await check()).startsWith('This address is a web page'), 'the web page advice');
    await page.select('#widget', 'share-bar');
    await until(async () => (await page.$eval('#snippet', (el) => el.value)).includes('<civic-share-bar networks='), 'the share bar snippet');
    await until(async () => (await page.evaluate(() => !!document.querySelector('#preview civic-share-bar')?.shadowRoot?.querySelector('a'))), 'the live preview');
  });

  await step('the builder’s feed verdict always belongs to the address shown (an edit elsewhere does not cancel it)', async () => {
    await visit('/embed.html');
    const verdict = () => page.$eval('#check', (el) => ({ text: el.textContent, for: el.dataset.for ?? '' }));
    await until(async () => (await verdict()).text.startsWith('The feed works'), 'the first check');
    await setField('f-src', '/feeds/missing.json');
    await new Promise((r) => setTimeout(r, 100));
    await setField('f-area', 'Northgate'); // within 0.5 s: this used to cancel the pending check
    const during = await verdict();
    if (during.text.startsWith('The feed works')) throw new Error(`an old verdict sits beside the new address: ${during.text}`);
    await until(async () => (await verdict()).text.startsWith('The address answered 404'), 'the 404 verdict');
    if ((await verdict()).for !== '/feeds/missing.json') throw new Error(`the verdict is for ${(await verdict()).for}`);
    await setField('f-src', '/feeds/alerts.json');
    if ((await verdict()).text !== 'Checking…') throw new Error(`the 404 verdict stayed beside a new address: ${(await verdict()).text}`);
    await until(async () => (await verdict()).text.startsWith('The feed works'), 'the good verdict');
  });

  await step('the builder explains what a web team typed wrong: refresh under 30, an unknown network, an unknown service code', async () => {
    await visit('/embed.html');
    await setField('f-refresh', '10');
    const refresh = await page.$eval('#f-refresh-error', (el) => (el.hidden ? '' : el.textContent));
    if (!refresh.includes('treated as 30')) throw new Error(`refresh="10": ${refresh || 'no message'}`);
    if ((await page.$eval('#f-refresh', (el) => el.getAttribute('aria-describedby'))) !== 'f-refresh-error') throw new Error('the message is not tied to its field');
    await page.select('#widget', 'share-bar');
    await setField('f-networks', 'facebook,myspace,email');
    const network = await page.$eval('#f-networks-error', (el) => (el.hidden ? '' : el.textContent));
    if (!network.startsWith('myspace is not a network')) throw new Error(`unknown network: ${network || 'no message'}`);
    await page.select('#widget', 'report-form');
    await setField('f-services', 'FLY,NOPE');
    await until(async () => (await page.$eval('#check', (el) => el.textContent)).includes('it has no service NOPE'), 'the unknown service code');
    // The builder's list of networks is the share bar's own.
    const source = readFileSync('src/share-bar/networks.ts', 'utf8');
    const known = [...(/export type LinkNetwork =([^;]+);/.exec(source)?.[1] ?? '').matchAll(/'([a-z]+)'/g)].map((m) => m[1]).concat('native', 'copy', 'print').sort();
    const listed = (await page.evaluate(async () => (await import('/assets/embed.js')).NETWORKS)).slice().sort();
    if (JSON.stringify(known) !== JSON.stringify(listed)) throw new Error(`builder networks ${listed} differ from the share bar's ${known}`);
  });

  // The README's own snippets, as a web team copies them: each pasted alone (after the README's one
  // script tag, where it has none) into a blank page under the README's CSP.
  const readme = readFileSync('README.md', 'utf8');
  const snippets = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).filter((html) => /<civic-[a-z-]+[\s>]/.test(html));
  const scriptTag = snippets.find((html) => html.includes('<script'))?.match(/<script[^>]*><\/script>/)?.[0];
  for (const [index, html] of snippets.entries()) {
    const widget = /<civic-([a-z-]+)[\s>]/.exec(html)[1];
    await step(`README snippet ${index + 1} (${widget}) works pasted alone into a blank page under the README's CSP`, async () => {
      if (!scriptTag) throw new Error('the README has no script tag to paste');
      // The README's placeholder host is where the council puts cdn/: here, the demo server.
      const pasted = (html.includes('<script') ? html : `${scriptTag}\n${html}`).replaceAll('https://your-cdn.example/civic-widgets/cdn/', `${base}/cdn/`);
      await checkPasted(widget, pasted, '', { welsh: /lang="cy"/.test(html) });
    });
  }

  // Every kind of snippet the builder writes, pasted alone into a blank page under the README's CSP.
  const SNIPPETS = {
    'alert-banner': [{}, { share: true, 'show-test': true, 'heading-level': '3', label: 'Roads and bins', refresh: '60' }],
    'closure-ticker': [{}, { mode: 'list', share: true, label: 'Closures', 'list-url': '/school-closures.html', speed: '90', cutoff: '16:00' }],
    'report-form': [{}, { contact: 'required', 'response-format': 'xml', 'max-photos': '1', 'reverse-geocode-url': '/geo?lat={lat}&long={long}' }],
    'share-bar': [{}, { variant: 'icons', utm: true, 'brand-colours': true, label: 'Share this news', networks: 'facebook,x,mastodon,email,sms,copy,print', text: 'Gritters out tonight' }],
  };
  for (const [widget, groups] of Object.entries(SNIPPETS)) {
    for (const [index, options] of groups.entries()) {
      // The second group has every option on, in Welsh, with brand colours and blocking="render".
      const all = index > 0;
      await step(`the builder’s ${widget} snippet (${all ? 'every option, Welsh, colours' : 'defaults'}) works pasted alone into a blank page under a strict CSP`, async () => {
        await visit('/embed.html');
        await page.select('#widget', widget);
        await setField('script-base', `${base}/cdn/`);
        for (const [name, value] of Object.entries(options)) {
          if (value === true) await page.$eval(`#f-${name}`, (el) => el.click());
          else if (await page.$(`select#f-${name}`)) await page.select(`#f-${name}`, value);
          else await setField(`f-${name}`, value);
        }
        if (all) {
          await page.select('#lang', 'cy');
          await page.$eval('#blocking', (el) => el.click());
          await setField('brand', '#4c2c92');
        }
        const html = await page.$eval('#snippet', (el) => el.value);
        const css = await page.$eval('#css', (el) => el.value);
        if (html.includes('<style')) throw new Error('the snippet has a <style> block, which the CSP blocks');
        if (all && !css.includes('--civic-color-brand: #4c2c92')) throw new Error(`no CSS for the colour: ${css}`);
        if (all && !html.includes('blocking="render"')) throw new Error('blocking="render" was asked for');
        if (options.share && !html.includes('civic-share-bar.js')) throw new Error(`share is on but the share bar is not loaded:\n${html}`);
        await checkPasted(widget, html, css, { share: !!options.share, welsh: all, brand: all });
      });
    }
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(data, { recursive: true, force: true });
}

for (const failure of failures) console.error(`✗ ${failure}`);
console.log(`demo: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
