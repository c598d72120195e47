// The test harness's one place for what differs by engine: viewport, reduced motion and keys. Tests
// call setViewport, emulateMedia and sendKeys from test/harness/engine.ts, which run these server
// commands; each engine gets what its driver can do.
//
// - Chromium (puppeteer over CDP): page.setViewport, page.emulateMediaFeatures, page.keyboard.
// - Firefox (puppeteer over WebDriver BiDi): page.setViewport and page.keyboard work, after bringing
//   the test's window to the front (keys go to the focused window) and with Space sent as " ".
//   emulateMediaFeatures is CDP-only, so reduced motion is Firefox's own `ui.prefersReducedMotion`
//   preference, set by a BiDi script in the browser's chrome scope (needs --remote-allow-system-access).
//   That preference is browser-wide, so Firefox runs one test file at a time.
// - WebKitGTK (classic WebDriver): the window is resized until the page's viewport is the size asked
//   (MiniBrowser's toolbar is made tiny by run.mjs's GTK stylesheet, or the window could not go under
//   447 px); keys are WebDriver key codes; reduced motion is GTK's own setting (Gtk/EnableAnimations),
//   changed through xsettingsd, which run.mjs starts on the Xvfb display.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * What the widgets kept on the device and which hosts they asked, as each test file saw it (see
 * test/setup.ts): gathered per engine in test-results/privacy-usage-<engine>.json, and checked against
 * docs/privacy.md by run.mjs.
 */
function recordUsage(engine, { storage = [], hosts = [] }) {
  const file = `test-results/privacy-usage-${engine}.json`;
  mkdirSync('test-results', { recursive: true });
  const seen = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { storage: [], hosts: [] };
  const merge = (a, b) => [...new Set([...a, ...b])].sort();
  writeFileSync(file, JSON.stringify({ storage: merge(seen.storage, storage), hosts: merge(seen.hosts, hosts) }, null, 2));
  return true;
}

const KEY_ALIASES = { Space: ' ' };
/** W3C WebDriver key codes for the keys the tests press. */
const WEBDRIVER_KEYS = { Tab: '\uE004', Enter: '\uE007', Space: '\uE00D', Escape: '\uE00C', ArrowUp: '\uE013', ArrowDown: '\uE015', ArrowLeft: '\uE012', ArrowRight: '\uE014', Shift: '\uE008', Backspace: '\uE003' };

async function webkitViewport(driver, width, height) {
  // The window's frame and toolbar are not the page: size the window until the viewport fits.
  let [w, h] = [width, height];
  for (let i = 0; i < 4; i++) {
    await driver.setWindowSize(w, h);
    const [iw, ih] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
    if (iw === width && ih === height) break;
    [w, h] = [w + (width - iw), h + (height - ih)];
  }
  // Xvfb has no window manager: X gives focus to the window under the pointer, and a window resized
  // away from the pointer loses it (document.hasFocus() false; WebKit then matches no :focus or
  // :focus-visible). Put the pointer back inside the page.
  refocus();
  const [iw] = await driver.execute(() => [window.innerWidth]);
  if (iw !== width) throw new Error(`WebKit's viewport is ${iw} px wide, not ${width}`);
}

async function webkitReducedMotion(driver, value) {
  const config = process.env.XSETTINGSD_CONFIG;
  const pid = Number(process.env.XSETTINGSD_PID);
  if (!config || !pid) throw new Error('no xsettingsd: run WebKit through npm run test:browser');
  writeFileSync(config, `Gtk/EnableAnimations ${value === 'reduce' ? 0 : 1}\n`);
  process.kill(pid, 'SIGHUP');
  const start = Date.now();
  while (Date.now() - start < 5000) {
    if (await driver.execute((v) => matchMedia('(prefers-reduced-motion: reduce)').matches === (v === 'reduce'), value)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('WebKit did not switch prefers-reduced-motion');
}

async function firefoxReducedMotion(page, value) {
  const connection = page.browser().connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chrome = tree.result.contexts[0].context;
  const pref = value === 'reduce' ? "Services.prefs.setIntPref('ui.prefersReducedMotion', 1)" : "Services.prefs.clearUserPref('ui.prefersReducedMotion')";
  await connection.send('script.evaluate', { expression: `${pref}; true`, target: { context: chrome }, awaitPromise: false });
  // The page sees the change once it has been told: wait until matchMedia agrees.
  await page.waitForFunction((v) => matchMedia('(prefers-reduced-motion: reduce)').matches === (v === 'reduce'), { timeout: 5000 }, value);
}

export function engineCommands(engine) {
  return {
    name: 'civic-engine-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('civic-')) return undefined;
      if (command === 'civic-privacy-usage') return recordUsage(engine, payload);
      if (engine === 'webkit') return webkitCommand(session.browser.driver, command, payload);
      const page = session.browser.getPage(session.id);
      if (command === 'civic-viewport') {
        await page.setViewport({ width: payload.width, height: payload.height });
        return true;
      }
      if (command === 'civic-media') {
        const reducedMotion = payload.reducedMotion ?? 'no-preference';
        if (engine === 'firefox') await firefoxReducedMotion(page, reducedMotion);
        else await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: reducedMotion }]);
        return true;
      }
      if (command === 'civic-keys') {
        if (engine === 'firefox') await page.bringToFront();
        const key = (k) => KEY_ALIASES[k] ?? k;
        if (payload.press) await page.keyboard.press(key(payload.press));
        else if (payload.type) await page.keyboard.type(payload.type);
        else if (payload.down) await page.keyboard.down(key(payload.down));
        else if (payload.up) await page.keyboard.up(key(payload.up));
        return true;
      }
      return undefined;
    },
  };
}

let testWindow;
/**
 * Keys go to the active window. A link a test clicks with target="_blank" (the share bar's) opens
 * a window that takes focus, and a resize can lose it: close every other window, then activate the
 * test's own, before keys are sent.
 */
async function focusTestWindow(driver) {
  testWindow ??= await driver.getWindowHandle();
  for (const handle of await driver.getWindowHandles()) {
    if (handle === testWindow) continue;
    await driver.switchToWindow(handle);
    await driver.closeWindow();
  }
  await driver.switchToWindow(testWindow);
  refocus();
}

/** X input focus back on MiniBrowser's window (xdotool's windowfocus needs no window manager). */
function refocus() {
  try {
    execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'MiniBrowser', 'windowfocus', '--sync', '%@'], { stdio: 'ignore', timeout: 5000 });
  } catch {
    /* no xdotool, or no window: keys still go to the page WebDriver drives */
  }
}

async function webkitCommand(driver, command, payload) {
  if (command === 'civic-keys') await focusTestWindow(driver);
  if (command === 'civic-viewport') await webkitViewport(driver, payload.width, payload.height);
  else if (command === 'civic-media') await webkitReducedMotion(driver, payload.reducedMotion ?? 'no-preference');
  else if (command === 'civic-keys') {
    if (payload.type) await driver.keys([...payload.type]);
    else if (payload.press) await driver.keys([WEBDRIVER_KEYS[payload.press] ?? payload.press]);
    else if (payload.down) await driver.performActions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: WEBDRIVER_KEYS[payload.down] ?? payload.down }] }]);
    else if (payload.up) await driver.performActions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyUp', value: WEBDRIVER_KEYS[payload.up] ?? payload.up }] }]);
  } else return undefined;
  return true;
}

