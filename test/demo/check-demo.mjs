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

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const data = mkdtempSync(join(tmpdir(), 'civic-demo-'));
const server = spawn(process.execPath, ['demo/server.mjs'], { env: { ...process.env, PORT: String(port), DEMO_DATA: data }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('http://') && resolve());
  server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
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

try {
  for (const path of ['/', '/cy/', '/report.html', '/news/gritting-tonight.html', '/control', '/reports', '/embed.html', '/no-javascript.html', '/privacy.html']) {
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

  await step('a report with a photo sent from /report.html (relative endpoints, as served) is stored on disk and listed on /reports', async () => {
    await visit('/report.html');
    const form = 'civic-report-form';
    const click = (selector) => page.evaluate((f, s) => document.querySelector(f).shadowRoot.querySelector(s).click(), form, selector);
    const fill = (selector, value) =>
      page.evaluate(
        (f, s, v) => {
          const el = document.querySelector(f).shadowRoot.querySelector(s);
          el.value = v;
          el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        },
        form,
        selector,
        value,
      );
    const heading = () => page.evaluate((f) => document.querySelector(f).shadowRoot.querySelector('.step-heading')?.textContent.trim(), form);
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
    await until(() => page.evaluate((f) => !!document.querySelector(f).shadowRoot.querySelector('.photos img'), form), 'the photo preview');
    await click('[part="submit-button"]');
    await until(async () => (await heading())?.startsWith('Your contact details'), 'step 4');
    await click('[part="submit-button"]');
    await until(async () => (await heading())?.startsWith('Check your answers'), 'step 5');
    await new Promise((r) => setTimeout(r, 3100)); // a person takes longer than the 3 s time-trap
    await click('[part="submit-button"]');
    await until(async () => (await heading()) === 'Report sent', 'the confirmation');
    const reference = await page.evaluate((f) => document.querySelector(f).shadowRoot.querySelector('.reference')?.textContent, form);
    const stored = JSON.parse(readFileSync(join(data, 'reports.json'), 'utf8'));
    if (stored.at(-1)?.service_request_id !== reference) throw new Error(`reference ${reference} is not the stored report's`);
    const mediaUrls = stored.at(-1).fields.filter(([name]) => name === 'media_url').map(([, v]) => v);
    if (mediaUrls.length !== 1 || !mediaUrls[0].startsWith(`${base}/open311/media/`)) throw new Error(`media_url sent: ${JSON.stringify(mediaUrls)}`);
    const kept = readdirSync(join(data, 'media'));
    if (kept.length !== 1) throw new Error(`expected 1 photo stored, found ${kept.length}`);
    await visit('/reports');
    const listed = await page.$eval(`#r${reference}`, (el) => el.textContent);
    if (!listed.includes('Fresh tags on both walls')) throw new Error('the report is not listed on /reports');
    const shown = await page.$eval(`#r${reference}`, (el) => [...el.querySelectorAll('img')].map((img) => img.complete && img.naturalWidth));
    if (shown.length !== 1 || !shown[0]) throw new Error(`the photo is not shown with the report on /reports (${JSON.stringify({ shown, mediaUrls })})`);
  });

  await step('the embed-code builder writes the snippet and checks feeds in plain words', async () => {
    await visit('/embed.html');
    const check = () => page.$eval('#check', (el) => el.textContent);
    await until(async () => (await check()) === 'The feed works: civic JSON (found automatically).', 'the first check');
    const snippet = await page.$eval('#snippet', (el) => el.value);
    if (!snippet.includes('<civic-alert-banner src="/feeds/alerts.json">') || !snippet.includes('civic-alert-banner.js')) throw new Error(`unexpected snippet:\n${snippet}`);
    await page.select('#f-format', 'json');
    await page.$eval('#f-src', (el) => {
      el.value = '/feeds/alerts.rss';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(async () => (await check()) === 'This feed is RSS: set the format to rss.', 'the format advice');
    await page.$eval('#f-src', (el) => {
      el.value = '/report.html';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(async () => (await check()).startsWith('This address is a web page'), 'the web page advice');
    await page.select('#widget', 'share-bar');
    await until(async () => (await page.$eval('#snippet', (el) => el.value)).includes('<civic-share-bar networks='), 'the share bar snippet');
    await until(async () => (await page.evaluate(() => !!document.querySelector('#preview civic-share-bar')?.shadowRoot?.querySelector('a'))), 'the live preview');
  });
} finally {
  await browser.close();
  server.kill();
  rmSync(data, { recursive: true, force: true });
}

for (const failure of failures) console.error(`✗ ${failure}`);
console.log(`demo: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
