// The relay in front of the demo's Open311 server, as a council would run it: the demo server starts
// the real `civic-relay` command with a config written for the ports in use (RELAY_PORT, 8787), the
// key in its environment, and its store and photos in the demo's data folder. The report form on
// /report.html and /cy/ talks to the relay, with no api-key in the page.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const BIN = join(ROOT, 'relay', 'bin', 'civic-relay.js');

/** The relay's address as the pages name it; the server rewrites it for the host a page is served on. */
export const RELAY_PLACEHOLDER = 'http://localhost:8787';

export function startRelay({ port, relayPort, data }) {
  if (!existsSync(join(ROOT, 'relay', 'dist', 'cli.js'))) {
    console.error('The relay is not built (npm run build -w civic-widgets-relay): the report form on /report.html will not reach it.');
    return undefined;
  }
  const dir = join(data, 'relay');
  mkdirSync(dir, { recursive: true });
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const config = {
    publicUrl: `http://localhost:${relayPort}`,
    upstreams: [
      {
        id: 'demo',
        endpoint: `http://127.0.0.1:${port}/open311/v2`,
        format: 'json',
        apiKeyEnv: 'DEMO_OPEN311_KEY',
        origins,
        services: ['FLY', 'GRAF', 'POT'],
        servicesTtlSeconds: 30,
        language: { descriptionLine: true },
      },
    ],
    // The alerts and closures for other sites and for the pages' server-side includes (/fragments).
    // A TTL of 1 s so that /control's changes show at once; a council would keep the default 60 s.
    feeds: [
      { id: 'alerts', src: `http://127.0.0.1:${port}/feeds/alerts.json`, widget: 'alert-banner', ttlSeconds: 1, origins, fragment: { moreUrl: { en: `http://localhost:${port}/service-alerts.html`, cy: `http://localhost:${port}/cy/service-alerts.html` } } },
      { id: 'closures', src: `http://127.0.0.1:${port}/feeds/school-closures.json`, widget: 'closure-ticker', ttlSeconds: 1, origins, fragment: { moreUrl: { en: `http://localhost:${port}/school-closures.html`, cy: `http://localhost:${port}/cy/school-closures.html` } } },
    ],
    media: { dir: join(dir, 'media'), maxBytes: 20971520, retentionDays: 400 },
    limits: { reportsPerIpPerHour: 200, mediaPerIpPerHour: 600 },
    reports: { retryFirstMs: 2000 },
    store: { sqlite: join(dir, 'relay.db') },
  };
  const file = join(dir, 'relay.config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  const child = spawn(process.execPath, [BIN, '--config', file], {
    env: { ...process.env, PORT: String(relayPort), HOST: '127.0.0.1', DEMO_OPEN311_KEY: 'demo-key', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => child.exitCode === null && child.kill('SIGTERM');
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stop(), process.exit(0)));
  return child;
}
