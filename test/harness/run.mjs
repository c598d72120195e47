#!/usr/bin/env node
// `npm run test:browser`: the whole browser suite in each engine in turn, Debian's own browsers.
//   npm run test:browser                       every engine
//   npm run test:browser -- --engine firefox   one (or a comma-separated list)
//   npm run test:browser -- --engine chromium test/share-bar/*.test.ts   some files in one engine
// Prints one total and the time per engine, and writes the sum to test-results/totals.txt.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export const ENGINES = ['chromium', 'firefox'];

const args = process.argv.slice(2);
let engines = ENGINES;
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
  const start = Date.now();
  console.log(`\n== browser tests in ${engine}`);
  const run = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...rest], { stdio: 'inherit', env: { ...process.env, ENGINE: engine } });
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
const total = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync('test-results/totals.txt', `${total}\n`);
console.log(total);
process.exit(results.every((r) => r.ok) ? 0 : 1);
