// @web/test-runner in one engine at a time, ENGINE=chromium (default) or firefox: Debian's own
// browsers, never a downloaded one. `npm run test:browser` runs every engine in turn (see
// test/harness/run.mjs). Tests are TypeScript under test/, transformed by esbuild; msw answers every
// HTTP request they make. What differs by engine is in test/harness/commands.mjs.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import * as puppeteerCore from 'puppeteer-core';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { engineCommands } from './test/harness/commands.mjs';

const ENGINE = process.env.ENGINE || 'chromium';
const BINARIES = {
  chromium: [process.env.CHROME_PATH || '/usr/bin/chromium', 'chromium'],
  firefox: [process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', 'firefox-esr'],
  webkit: [process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', 'webkit2gtk-driver'],
};
if (!BINARIES[ENGINE]) {
  console.error(`Unknown engine ${ENGINE}: use ${Object.keys(BINARIES).join(', ')}.`);
  process.exit(1);
}
const [executablePath, debianPackage] = BINARIES[ENGINE];
if (!existsSync(executablePath)) {
  console.error(`No browser at ${executablePath}: install it (on Debian/Ubuntu: sudo apt-get install ${debianPackage}).`);
  process.exit(1);
}

// "Updated 07:42" and schedules are London time whatever the machine says.
process.env.TZ = 'Europe/London';

/** Prints (and saves) one line with the totals of the run: "N passed, N failed". */
function totalsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) count(child);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load, or threw outside a test, counts as one failure.
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) failed++;
        else if (session.errors?.length) failed += session.errors.length;
      }
      const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/totals-${ENGINE}.txt`, `${line}\n`);
      setTimeout(() => console.log(line));
    },
  };
}

const worker = readFileSync('public/mockServiceWorker.js');

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // Firefox's reduced-motion switch is a browser-wide preference, and WebKitGTK has one window: one
  // file at a time there.
  concurrency: ENGINE === 'chromium' ? 2 : 1,
  // A hung MiniBrowser would otherwise hold the run (and its web process can grow to gigabytes).
  testsFinishTimeout: ENGINE === 'webkit' ? 120_000 : 300_000,
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' }), engineCommands(ENGINE)],
  middleware: [
    // msw's worker must be served from the site root, where the test pages live.
    (ctx, next) => {
      if (ctx.path !== '/mockServiceWorker.js') return next();
      ctx.type = 'application/javascript';
      ctx.body = worker;
    },
    // Fixtures are served as raw bytes: the dev server would otherwise decode text files as UTF-8,
    // corrupting the Latin-1 and odd-encoding samples that the tests are about.
    // …and /test/fixtures/real/index lists them, so a test can run every parser over every file.
    (ctx, next) => {
      if (ctx.path !== '/test/fixtures/real/index') return next();
      const root = 'test/fixtures/real';
      const walk = (dir) => readdirSync(`${root}/${dir}`, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}${e.name}/`) : [`${dir}${e.name}`]));
      ctx.body = walk('').filter((f) => f !== 'README.md').sort();
    },
    (ctx, next) => {
      if (!ctx.path.startsWith('/test/fixtures/real/') || ctx.path.includes('..')) return next();
      try {
        ctx.body = readFileSync(`.${decodeURIComponent(ctx.path)}`);
        ctx.type = 'application/octet-stream';
      } catch {
        ctx.status = 404;
      }
    },
  ],
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10_000 } },
  browsers: [ENGINE === 'firefox' ? firefox() : ENGINE === 'webkit' ? webkit() : chromium()],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), totalsReporter()],
};

function chromium() {
  return chromeLauncher({
    launchOptions: {
      executablePath,
      headless: true,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        '--lang=en-GB',
      ],
    },
    // Each test file gets its own browser context: no shared storage, service workers or caches.
    async createPage({ browser }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.once('close', () => context.close().catch(() => undefined));
      return page;
    },
  });
}

/** Debian's Firefox ESR through puppeteer-core's WebDriver BiDi (no geckodriver exists in Debian). */
function firefox() {
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      // Chrome-scope scripts switch reduced motion (commands.mjs).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'intl.accept_languages': 'en-GB', 'intl.locale.requested': 'en-GB' },
    },
    // Each file in its own context and its own window: as background tabs, the widgets' timers stall.
    async createPage({ browser }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage({ type: 'window' });
      page.once('close', () => context.close().catch(() => undefined));
      return page;
    },
  });
}

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver (webkit2gtk-driver), under Xvfb (test/harness/run.mjs
 * starts it: MiniBrowser has no headless mode). WebKitWebDriver refuses BiDi: classic WebDriver.
 */
function webkit() {
  return webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port: Number(process.env.WEBKIT_DRIVER_PORT || 4444),
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: executablePath, args: ['--automation'] },
    },
  });
}

