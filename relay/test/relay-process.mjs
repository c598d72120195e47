// Starts the real civic-relay command as a child process on a free loopback port, with a config
// written to a temporary folder, and collects its log lines (JSON, from pino).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/civic-relay.js', import.meta.url));
export const ORIGIN = 'https://www.anyshire.gov.uk';

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'civic-relay-'));
}

export function configFor(upstream, dir, extra = {}) {
  return {
    publicUrl: 'https://relay.council.example',
    upstreams: [
      {
        id: 'anyshire',
        endpoint: upstream.endpoint,
        format: upstream.format ?? 'json',
        apiKeyEnv: 'ANYSHIRE_OPEN311_KEY',
        jurisdictionId: 'anyshire.gov.uk',
        origins: [ORIGIN],
        services: ['FLY', 'GRAF', 'POT'],
        timeoutMs: 1500,
        language: { attribute: 'LANG' },
        ...extra.upstream,
      },
    ],
    media: { dir: join(dir, 'media'), maxBytes: 2 * 1024 * 1024, retentionDays: 400, ...extra.media },
    limits: { reportsPerIpPerHour: 1000, mediaPerIpPerHour: 1000, ...extra.limits },
    reports: { retryFirstMs: 300, ...extra.reports },
    store: extra.store ?? { sqlite: join(dir, 'relay.db') },
    ...extra.top,
  };
}

/** Runs `civic-relay` to completion (for --check); answers its exit code and output. */
export function runCli(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

export const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

export async function startRelay(config, { dir = tempDir(), env = {} } = {}) {
  const file = join(dir, 'relay.config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, '--config', file], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', ANYSHIRE_OPEN311_KEY: 'the-real-key', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => {
    buffer += d;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      logs.push(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
    }
  });
  const url = `http://127.0.0.1:${port}`;
  await new Promise((resolve, reject) => {
    const started = Date.now();
    child.on('exit', (code) => reject(new Error(`the relay exited (${code}): ${stderr}`)));
    const poll = () =>
      fetch(`${url}/healthz`).then(
        (res) => (res.ok ? resolve() : setTimeout(poll, 50)),
        () => (Date.now() - started > 15_000 ? reject(new Error(`the relay did not start: ${stderr}`)) : setTimeout(poll, 50)),
      );
    poll();
  });
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    url,
    base: `${url}/anyshire/open311/v2`,
    logs,
    dir,
    file,
    child,
    exited,
    /** A graceful stop (SIGTERM), answering the exit code. */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

export const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is truthy or `ms` pass. */
export async function until(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(50);
  }
}

/** A report's POST, as the widget sends it. */
export function post(relay, fields, { origin = ORIGIN, key, lang, format = 'json' } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (origin) headers.origin = origin;
  if (key) headers['idempotency-key'] = key;
  if (lang) headers['content-language'] = lang;
  return fetch(`${relay.base}/requests.${format}`, { method: 'POST', headers, body: new URLSearchParams(fields) });
}
