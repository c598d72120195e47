#!/usr/bin/env node
// `npm run test:browser`: the whole browser suite in each engine in turn, Debian's own browsers.
//   npm run test:browser                       every engine
//   npm run test:browser -- --engine firefox   one (or a comma-separated list)
//   npm run test:browser -- --engine chromium test/share-bar/*.test.ts   some files in one engine
// Prints one total and the time per engine, and writes the sum to test-results/totals.txt.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * WebKitGTK needs a display: Xvfb, with xsettingsd (GTK's settings, for reduced motion), a GTK
 * stylesheet that shrinks MiniBrowser's toolbar (or its window cannot go under 447 px), and
 * WebKitWebDriver, all inside one `xvfb-run`.
 */
function webkitCommand(runner) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-webkit-'));
  mkdirSync(join(dir, 'gtk-3.0'));
  writeFileSync(join(dir, 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; border-width: 0; }\n');
  writeFileSync(join(dir, 'xsettingsd.conf'), 'Gtk/EnableAnimations 1\n');
  const port = 4400 + Math.floor(Math.random() * 500);
  const script = [
    `export XDG_CONFIG_HOME=${dir} XSETTINGSD_CONFIG=${dir}/xsettingsd.conf WEBKIT_DRIVER_PORT=${port}`,
    `xsettingsd -c ${dir}/xsettingsd.conf >/dev/null 2>&1 & export XSETTINGSD_PID=$!`,
    `WebKitWebDriver --port=${port} >/dev/null 2>&1 & driver=$!`,
    'sleep 1',
    `"$@"; status=$?`,
    'kill $driver $XSETTINGSD_PID 2>/dev/null',
    'exit $status',
  ].join('\n');
  return ['xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', 'bash', '-c', script, 'webkit', ...runner]];
}

export const ENGINES = ['chromium', 'firefox', 'webkit'];
/** What `npm test` runs: every engine. */
const DEFAULT_ENGINES = ENGINES;

const args = process.argv.slice(2);
let engines = DEFAULT_ENGINES;
const rest = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--engine') engines = args[++i].split(',');
  else if (args[i].startsWith('--engine=')) engines = args[i].slice(9).split(',');
  else rest.push(args[i]);
}
const unknown = engines.filter((e) => !ENGINES.includes(e));
if (unknown.length) {
  console.error(`Unknown engine ${unknown.join(', ')}: use ${ENGINES.join(', ')}.`);
  process.exit(2);
}

mkdirSync('test-results', { recursive: true });
const results = [];
for (const engine of engines) {
  rmSync(`test-results/totals-${engine}.txt`, { force: true });
  rmSync(`test-results/privacy-usage-${engine}.json`, { force: true });
  const start = Date.now();
  console.log(`\n== browser tests in ${engine}`);
  const runner = [process.execPath, 'node_modules/@web/test-runner/dist/bin.js', ...rest];
  const [command, commandArgs] = engine === 'webkit' ? webkitCommand(runner) : [runner[0], runner.slice(1)];
  const run = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ENGINE: engine } });
  let line = '0 passed, 1 failed';
  try {
    line = readFileSync(`test-results/totals-${engine}.txt`, 'utf8').trim();
  } catch {
    /* the runner died before its reporter ran: one failure */
  }
  const seconds = Math.round((Date.now() - start) / 1000);
  results.push({ engine, line, seconds, ok: run.status === 0 });
}

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n== browser tests, per engine');
for (const { engine, line, seconds, ok } of results) {
  const [, p = '0', f = '1', s = '0'] = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(line) ?? [];
  passed += Number(p);
  failed += Number(f) + (ok || Number(f) ? 0 : 1);
  skipped += Number(s);
  console.log(`${engine}: ${line} (${seconds} s)${ok ? '' : ' ✗'}`);
}
// docs/privacy.md names every storage key pattern, IndexedDB database and host the widgets used in
// this run (recorded by test/setup.ts): a key or a host it does not name fails the run.
const usage = engines.flatMap((engine) => {
  try {
    return [JSON.parse(readFileSync(`test-results/privacy-usage-${engine}.json`, 'utf8'))];
  } catch {
    return [];
  }
});
const privacy = readFileSync('docs/privacy.md', 'utf8');
const undocumented = [...new Set(usage.flatMap((u) => [...u.storage.map((k) => k.split(' ').slice(1).join(' ')), ...u.hosts]))].filter((thing) => !privacy.includes(`\`${thing}\``));
console.log(`\n== docs/privacy.md: ${usage.length ? usage.reduce((n, u) => n + u.storage.length, 0) : 0} storage uses and ${new Set(usage.flatMap((u) => u.hosts)).size} hosts seen`);
if (undocumented.length) {
  console.log(`docs/privacy.md does not name what the widgets used: ${undocumented.join(', ')} ✗`);
  failed++;
  results.push({ ok: false });
}
const total = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync('test-results/totals.txt', `${total}\n`);
console.log(total);
process.exit(results.every((r) => r.ok) ? 0 : 1);
