#!/usr/bin/env node
// `npm run bench` (second part): the relay under load on loopback with autocannon, each figure beside
// a bare Fastify route serving the same bytes in the same run. Bounded in count and time. Needs the
// relay built (npm run build -w civic-widgets-relay). Prints a table and writes bench/relay-results.json.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { configFor, ORIGIN, startRelay, tempDir } from '../relay/test/relay-process.mjs';

const SECONDS = Number(process.env.RELAY_BENCH_SECONDS) || 5;
const run = (options) =>
  new Promise((resolve, reject) => autocannon({ connections: 10, pipelining: 1, ...options }, (error, result) => (error ? reject(error) : resolve(result))));
const rss = async (url) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Math.round(Number(/^civic_relay_process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? 0) / 1024 / 1024);
};

// The fake upstream in a process of its own (see relay-upstream.mjs).
const child = fork(new URL('./relay-upstream.mjs', import.meta.url));
const ask = (message, key) => new Promise((resolve) => {
  const listen = (answer) => key in answer && (child.off('message', listen), resolve(answer[key]));
  child.on('message', listen);
  if (message) child.send(message);
});
const upstream = { endpoint: await ask(undefined, 'endpoint') };
const dir = tempDir();
const relay = await startRelay(
  configFor(upstream, dir, {
    limits: { reportsPerIpPerHour: 10_000_000, reportsPerOriginPerHour: 10_000_000, readsPerIpPerMinute: 10_000_000, mediaPerIpPerHour: 1000 },
    upstream: { servicesTtlSeconds: 3600 },
  }),
  { dir, env: { LOG_LEVEL: 'warn' } },
);

// The bare route: the same bytes and headers the relay sends for a cached services.json.
const cached = await fetch(`${relay.base}/services.json`);
const body = Buffer.from(await cached.arrayBuffer());
const bare = Fastify({ logger: false });
bare.get('/services.json', (_req, reply) => reply.type('application/json; charset=utf-8').header('etag', cached.headers.get('etag')).send(body));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${bare.server.address().port}/services.json`;

const results = { date: new Date().toISOString(), seconds: SECONDS };
// Alternating, so a noisy moment on the machine does not favour one side.
const servicesRuns = { relay: [], bare: [] };
for (let i = 0; i < 2; i++) {
  servicesRuns.bare.push(await run({ url: bareUrl, duration: SECONDS }));
  servicesRuns.relay.push(await run({ url: `${relay.base}/services.json`, duration: SECONDS, headers: { origin: ORIGIN } }));
}
const best = (list) => list.sort((a, b) => b.requests.average - a.requests.average)[0];
const r = best(servicesRuns.relay);
const b = best(servicesRuns.bare);
results.services = {
  relayRps: Math.round(r.requests.average),
  bareRps: Math.round(b.requests.average),
  ratio: +(r.requests.average / b.requests.average).toFixed(2),
  relayP99Ms: r.latency.p99,
  bareP99Ms: b.latency.p99,
  errors: r.errors + r.non2xx,
};

// Reports: POST requests through the relay (stored in SQLite, then delivered to a fast upstream).
const form = new URLSearchParams([['service_code', 'POT'], ['lat', '51.5'], ['long', '-0.12'], ['description', 'A pothole outside number 4']]).toString();
const casesBefore = await ask('cases', 'cases');
const reports = await run({
  url: `${relay.base}/requests.json`,
  method: 'POST',
  headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  body: form,
  duration: SECONDS,
});
results.reports = {
  perSecond: Math.round(reports.requests.average),
  p99Ms: reports.latency.p99,
  errors: reports.errors + reports.non2xx,
  delivered: (await ask('cases', 'cases')) - casesBefore,
};
child.send('reset');

// Memory: resident set after 10,000 requests, then after 100,000.
await run({ url: `${relay.base}/services.json`, amount: 10_000 });
const early = await rss(relay.url);
await run({ url: `${relay.base}/services.json`, amount: 90_000 });
results.memoryMB = { after10k: early, after100k: await rss(relay.url) };

await relay.stop();
await bare.close();
child.send('stop');

const rows = [
  ['measure', 'relay', 'bare Fastify', 'ratio / goal'],
  ['cached services.json: requests per second', results.services.relayRps, results.services.bareRps, `${results.services.ratio} (goal ≥ 0.5)`],
  ['cached services.json: p99 latency (ms)', results.services.relayP99Ms, results.services.bareP99Ms, 'goal ≤ 20'],
  ['POST requests (SQLite, fast upstream): reports per second', results.reports.perSecond, '', `goal ≥ 500, ${results.reports.errors} errors`],
  ['POST requests: p99 latency (ms)', results.reports.p99Ms, '', ''],
  ['resident memory after 10,000 / 100,000 requests (MB)', `${results.memoryMB.after10k} / ${results.memoryMB.after100k}`, '', 'flat'],
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
for (const row of rows) console.log(row.map((cell, i) => String(cell).padEnd(widths[i])).join('  '));
writeFileSync('bench/relay-results.json', `${JSON.stringify(results, null, 2)}\n`);
