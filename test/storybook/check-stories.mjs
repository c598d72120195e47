#!/usr/bin/env node
// Opens every story of the built Storybook (storybook-static/) in headless Chromium and fails on a
// story that throws, logs an error, or has axe violations (WCAG 2.0–2.2 A and AA). Then it opens every
// Docs page, where all of a component's stories share one document, and fails when a preview there
// shows something other than its story alone (a shared draft, a handler replaced too early). It saves
// a screenshot of each story at 320 and 1280 px in test-results/stories/ for review.
// Run by `npm test` after `npm run build-storybook`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const ROOT = resolve('storybook-static');
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`No browser at ${executablePath}: install Chromium (sudo apt-get install chromium) or set CHROME_PATH.`);
  process.exit(1);
}
if (!existsSync(join(ROOT, 'index.json'))) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first.');
  process.exit(1);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = resolve(ROOT, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  try {
    if (!file.startsWith(ROOT)) throw new Error('outside');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const axeSource = await readFile('node_modules/axe-core/axe.min.js', 'utf8');
const { entries } = JSON.parse(await readFile(join(ROOT, 'index.json'), 'utf8'));
const stories = Object.values(entries).filter((e) => e.type === 'story');
const docsPages = Object.values(entries).filter((e) => e.type === 'docs' && stories.some((story) => story.title === e.title));
const SHOTS = 'test-results/stories';
mkdirSync(SHOTS, { recursive: true });

/**
 * What a story's widgets show, as text, so two renderings can be compared: each widget's shadow
 * text (or "[fallback]" when it shows only its slot), times of day masked.
 */
const signatureOf = (page, scope) =>
  page.evaluate((s) => {
    const root = document.querySelector(s);
    if (!root) return null;
    return [...root.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('civic-') && !el.parentElement?.closest('[class*="sb-"] civic-') && el.getRootNode() === document)
      .map((el) => {
        const shadow = el.shadowRoot;
        if (!shadow) return `${el.localName}: [never defined]`;
        const text = (shadow.textContent ?? '').replace(/\d{1,2}:\d{2}/g, 'hh:mm').replace(/\s+/g, ' ').trim();
        return `${el.localName}: ${text || (shadow.querySelector('slot') ? '[fallback]' : '[empty]')}`;
      })
      .join(' | ');
  }, scope);
const signatures = new Map();

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let passed = 0;
const failures = [];
try {
  // One page for every story, so Storybook's bundle is cached; storage is cleared between stories.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  let problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/favicon|Failed to load resource/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
  });
  for (const story of stories) {
    const started = Date.now();
    problems = [];
    try {
      await cdp.send('Storage.clearDataForOrigin', { origin: base, storageTypes: 'local_storage,indexeddb' });
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('#storybook-root')?.children.length, { timeout: 10_000 });
      // Time for the widgets to read their mocked feeds and for play functions to run.
      await new Promise((r) => setTimeout(r, 600));
      // A story whose widget never upgraded would pass axe on its fallback alone: that is a failure.
      const inert = await page.evaluate(() =>
        [...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.startsWith('civic-') && !el.shadowRoot).map((el) => el.localName),
      );
      problems.push(...inert.map((tag) => `<${tag}> was never defined (the story shows only its fallback)`));
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const results = await window.axe.run('#storybook-root', {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          resultTypes: ['violations'],
        });
        return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      problems.push(...violations.map((v) => `axe ${v}`));
      signatures.set(story.id, await signatureOf(page, '#storybook-root'));
      await page.screenshot({ path: `${SHOTS}/${story.id}-1280.png`, fullPage: true });
      await page.setViewport({ width: 320, height: 640 });
      await new Promise((r) => setTimeout(r, 150));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 320) problems.push(`${wide} px wide at 320 px: it does not reflow`);
      await page.screenshot({ path: `${SHOTS}/${story.id}-320.png`, fullPage: true });
      await page.setViewport({ width: 1280, height: 800 });
    } catch (error) {
      problems.push(`did not render: ${error.message}`);
    }
    if (process.env.VERBOSE) console.log(story.id, Date.now() - started, 'ms');
    if (problems.length) failures.push(`${story.title} › ${story.name}\n    ${problems.join('\n    ')}`);
    else passed++;
  }
  // Docs pages: every preview must show what its story shows alone.
  for (const docs of docsPages) {
    problems = [];
    const own = stories.filter((story) => story.title === docs.title);
    try {
      await cdp.send('Storage.clearDataForOrigin', { origin: base, storageTypes: 'local_storage,indexeddb,session_storage' }).catch(() =>
        cdp.send('Storage.clearDataForOrigin', { origin: base, storageTypes: 'local_storage,indexeddb' }),
      );
      await page.goto(`${base}/iframe.html?id=${docs.id}&viewMode=docs`, { waitUntil: 'load' });
      await page.waitForFunction((n) => document.querySelectorAll('.sb-anchor, [id^="anchor--"]').length >= n, { timeout: 20_000 }, own.length);
      await new Promise((r) => setTimeout(r, 2500)); // every preview's feeds, loaders and play functions
      for (const story of own) {
        const alone = signatures.get(story.id);
        const inDocs = await signatureOf(page, `#anchor--${story.id}`);
        if (alone === undefined) continue; // the story itself failed above
        if (inDocs === null) problems.push(`${story.name}: no preview on the Docs page`);
        else if (inDocs !== alone) problems.push(`${story.name}: the Docs preview differs from the story alone\n      alone: ${alone.slice(0, 240)}\n      docs:  ${inDocs.slice(0, 240)}`);
      }
    } catch (error) {
      problems.push(`did not render: ${error.message}`);
    }
    if (problems.length) failures.push(`${docs.title} › Docs page\n    ${problems.join('\n    ')}`);
    else passed++;
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
for (const failure of failures) console.error(`✗ ${failure}`);
console.log(`stories: ${passed} passed, ${failures.length} failed (axe, errors and reflow for ${stories.length} stories; ${docsPages.length} Docs pages; screenshots in ${SHOTS}/)`);
process.exit(failures.length ? 1 : 0);
