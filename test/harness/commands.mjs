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

const KEY_ALIASES = { Space: ' ' };

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
