// Running the relay: health, readiness, metrics, limits, slow and huge clients, privacy in logs,
// and reports that survive a crash.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { startUpstream } from './fake-upstream.mjs';
import { configFor, ORIGIN, post, startRelay, tempDir, until, wait } from './relay-process.mjs';

const REPORT = [
  ['service_code', 'GRAF'],
  ['lat', '51.5'],
  ['long', '-0.12'],
  ['description', 'Offensive words sprayed on 12 Chapel Lane'],
  ['email', 'rhiannon.jones@example.com'],
  ['first_name', 'Rhiannon'],
  ['last_name', 'Jones'],
  ['phone', '07700 900123'],
];

async function withRelay(extra, work) {
  const upstream = await startUpstream();
  const dir = tempDir();
  const relay = await startRelay(configFor(upstream, dir, extra), { dir });
  try {
    await work(relay, upstream, dir);
  } finally {
    await relay.stop();
    await upstream.close();
  }
}

describe('operations', () => {
  it('says it is alive and ready, and stops cleanly on SIGTERM', async () => {
    await withRelay({}, async (relay) => {
      const health = await fetch(`${relay.url}/healthz`);
      assert.deepEqual([health.status, await health.json()], [200, { status: 'ok' }]);
      const ready = await fetch(`${relay.url}/readyz`);
      assert.deepEqual([ready.status, await ready.json()], [200, { status: 'ready', store: 'ok' }]);
      assert.deepEqual(await relay.stop(), { code: 0, signal: null });
    });
  });

  it('counts requests and reports in Prometheus text, and logs and counts no resident’s words', async () => {
    await withRelay({}, async (relay, upstream) => {
      const res = await post(relay, REPORT, { lang: 'cy' });
      assert.equal(res.status, 200);
      upstream.state.mode = '503';
      await post(relay, REPORT);
      upstream.state.mode = 'ok';
      const metrics = await (await fetch(`${relay.url}/metrics`)).text();
      assert.match(metrics, /^civic_relay_reports_total\{upstream="anyshire",outcome="received"\} 2$/m);
      assert.match(metrics, /^civic_relay_deliveries_total\{upstream="anyshire",result="delivered"\} 1$/m);
      assert.match(metrics, /^civic_relay_deliveries_total\{upstream="anyshire",result="server"\} 1$/m);
      assert.match(metrics, /^civic_relay_http_request_duration_seconds_count\{route="\/:id\/open311\/v2\/\*",method="POST",status="200"\} 2$/m);
      await wait(200);
      const everything = `${relay.logs.join('\n')}\n${metrics}`;
      for (const [name, value] of REPORT.slice(3)) assert.ok(!everything.includes(value), `${name} must not be logged`);
      assert.ok(!everything.includes('Rhiannon') && !everything.includes('the-real-key'));
      assert.ok(relay.logs.some((line) => /"msg":"report delivered"/.test(line)), 'deliveries are logged, by id');
    });
  });

  it('limits reports per IP with 429, Retry-After and an Open311 error', async () => {
    await withRelay({ limits: { reportsPerIpPerHour: 2 } }, async (relay) => {
      assert.equal((await post(relay, REPORT)).status, 200);
      assert.equal((await post(relay, REPORT)).status, 200);
      const third = await post(relay, REPORT);
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('retry-after')) > 0);
      const [error] = await third.json();
      assert.equal(error.code, '429');
      assert.match(error.description, /Too many requests/);
      assert.equal((await fetch(`${relay.base}/services.json`)).status, 200, 'reading is limited apart');
    });
  });

  it('refuses a 50 MB body at once (413) and keeps serving', async () => {
    await withRelay({}, async (relay) => {
      const status = await new Promise((resolve, reject) => {
        const req = request(`${relay.base}/requests.json`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'content-length': 50 * 1024 * 1024 } });
        req.on('response', (res) => resolve(res.statusCode));
        req.on('error', (error) => setTimeout(() => reject(error), 1000));
        req.write(Buffer.alloc(1024 * 1024, 'a'));
      });
      assert.equal(status, 413);
      assert.equal((await fetch(`${relay.url}/healthz`)).status, 200);
    });
  });

  it('cuts off a slowloris client that never finishes its headers', async () => {
    await withRelay({}, async (relay) => {
      const { port } = new URL(relay.url);
      const started = Date.now();
      const closed = await new Promise((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: relay\r\n'));
        const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 500);
        socket.on('data', () => undefined);
        socket.on('close', () => {
          clearInterval(drip);
          resolve(Date.now() - started);
        });
        setTimeout(() => socket.destroy(), 20_000);
      });
      assert.ok(closed < 15_000, `closed after ${closed} ms`);
      assert.equal((await fetch(`${relay.url}/healthz`)).status, 200);
    });
  });

  it('delivers a report kept while the upstream was down after a restart, once', async () => {
    const upstream = await startUpstream();
    const dir = tempDir();
    const config = configFor(upstream, dir);
    let relay = await startRelay(config, { dir });
    try {
      upstream.state.mode = '503';
      const [queued] = await (await post(relay, REPORT)).json();
      assert.ok(queued.token);
      await relay.stop();
      relay = await startRelay(config, { dir });
      const [again] = await (await fetch(`${relay.base}/tokens/${queued.token}.json`)).json();
      assert.deepEqual(again, { token: queued.token, service_notice: 'Your report is being passed to the council' }, 'the token outlives the restart');
      upstream.state.mode = 'ok';
      const id = await until(async () => (await (await fetch(`${relay.base}/tokens/${queued.token}.json`)).json())[0].service_request_id, 'delivery after the restart');
      await wait(1000);
      assert.deepEqual(upstream.state.cases.map((c) => c.id), [id], 'exactly one case');
    } finally {
      await relay.stop();
      await upstream.close();
    }
  });

  it('after SIGKILL in the middle of a delivery, delivers the report on restart, with no second case', async () => {
    const upstream = await startUpstream();
    const dir = tempDir();
    const config = configFor(upstream, dir, { upstream: { timeoutMs: 20_000 } });
    let relay = await startRelay(config, { dir });
    try {
      upstream.state.mode = 'stall'; // the upstream holds the POST, as a slow CMS does
      const key = crypto.randomUUID();
      const pending = post(relay, REPORT, { key }).catch((error) => error);
      await until(() => upstream.state.seen.some((s) => s.method === 'POST'), 'the upstream to be called');
      await relay.kill();
      assert.ok((await pending) instanceof Error, 'the browser lost its connection');
      upstream.state.mode = 'ok';
      relay = await startRelay(config, { dir });
      // The widget retries with the same key after the network error: the relay still has the report.
      const [answer] = await (await post(relay, REPORT, { key })).json();
      const id = answer.service_request_id ?? (await until(async () => (await (await fetch(`${relay.base}/tokens/${answer.token}.json`)).json())[0].service_request_id, 'delivery'));
      await wait(1000);
      assert.deepEqual(upstream.state.cases.map((c) => c.id), [id], 'exactly one case');
    } finally {
      await relay.stop();
      await upstream.close();
    }
  });
});
