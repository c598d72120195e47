// Several relays on one PostgreSQL and one Redis, and a store that goes away and comes back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPostgres, startRedis } from './databases.mjs';
import { startUpstream } from './fake-upstream.mjs';
import { configFor, post, startRelay, tempDir, until, wait } from './relay-process.mjs';

const report = (n) => [
  ['service_code', 'POT'],
  ['lat', '51.5'],
  ['long', '-0.12'],
  ['description', `Pothole number ${n}`],
];

describe('two relays on one PostgreSQL and one Redis', () => {
  let database;
  let redis;
  let upstream;
  const relays = [];
  const start = (limits = {}, redisUrl = redis.url) => {
    const dir = tempDir();
    return startRelay(configFor(upstream, dir, { store: { postgres: 'env:DATABASE_URL', redis: 'env:REDIS_URL' }, limits: { reportsPerIpPerHour: 10_000, reportsPerOriginPerHour: 10_000, ...limits } }), {
      dir,
      env: { DATABASE_URL: database.url, REDIS_URL: redisUrl },
    });
  };
  before(async () => {
    [database, redis, upstream] = await Promise.all([startPostgres(), startRedis(), startUpstream()]);
    relays.push(await start(), await start());
  });
  after(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await upstream.close();
    redis.stop();
    database.remove();
  });

  it('makes exactly 150 cases of 200 concurrent reports, 50 of them retries of others’ keys sent to the other relay', async () => {
    const keys = Array.from({ length: 150 }, () => crypto.randomUUID());
    const sends = keys.map((key, n) => ({ relay: relays[n % 2], key, n }));
    // A retry goes to whichever relay the load balancer picks: here, the other one.
    for (let n = 0; n < 50; n++) sends.push({ relay: relays[(n + 1) % 2], key: keys[n], n });
    const answers = await Promise.all(sends.map(({ relay, key, n }) => post(relay, report(n), { key }).then(async (res) => ({ status: res.status, body: await res.json(), key }))));
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
    await until(() => upstream.state.cases.length >= 150, '150 cases', 20_000);
    await wait(1500); // anything left in a background sender would show now
    assert.equal(upstream.state.cases.length, 150);
    assert.equal(new Set(upstream.state.cases.map((c) => new URLSearchParams(c.form).get('description'))).size, 150);
    // Each key's answers, from either relay, are the same report's (delivered, or waiting while another relay sent it).
    const byKey = new Map();
    for (const { key, body } of answers) byKey.set(key, [...(byKey.get(key) ?? []), body[0].token]); // a delivered answer names its token too
    for (const [key, ids] of byKey) assert.equal(new Set(ids).size, 1, `key ${key}: ${ids.join(', ')}`);
  });

  it('shares rate limits through Redis: the limit counts reports to both relays', async () => {
    const fresh = await startRedis(); // counts that the test above has not used
    try {
      const limited = [await start({ reportsPerIpPerHour: 3 }, fresh.url), await start({ reportsPerIpPerHour: 3 }, fresh.url)];
      relays.push(...limited);
      const statuses = [];
      for (let n = 0; n < 4; n++) statuses.push((await post(limited[n % 2], report(1000 + n))).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
    } finally {
      await Promise.all(relays.splice(2).map((r) => r.stop()));
      fresh.stop();
    }
  });
});

describe('a store that goes away', () => {
  it('answers 503 with a clear Open311 error while PostgreSQL is down, says so in readyz, and recovers by itself', async () => {
    const database = await startPostgres();
    const upstream = await startUpstream();
    const dir = tempDir();
    const relay = await startRelay(configFor(upstream, dir, { store: { postgres: 'env:DATABASE_URL' } }), { dir, env: { DATABASE_URL: database.url } });
    try {
      assert.equal((await post(relay, report(1))).status, 200);
      database.stop();
      const res = await post(relay, report(2));
      assert.equal(res.status, 503);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      assert.deepEqual(await res.json(), [{ code: '503', description: 'Reports cannot be taken just now: please try again in a minute' }]);
      const ready = await fetch(`${relay.url}/readyz`);
      assert.equal(ready.status, 503);
      assert.equal((await ready.json()).status, 'not ready');
      assert.equal((await fetch(`${relay.url}/healthz`)).status, 200, 'alive, so not restarted in a loop');
      database.start();
      await until(async () => (await fetch(`${relay.url}/readyz`)).status === 200, 'readyz to recover');
      assert.equal((await post(relay, report(3))).status, 200);
      assert.equal(upstream.state.cases.length, 2);
    } finally {
      await relay.stop();
      await upstream.close();
      database.remove();
    }
  });
});
