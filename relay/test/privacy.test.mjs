// What the relay keeps, and for how long: a delivered report's words are gone from the store at once,
// photos go after retentionDays, and the resident's language reaches the council as configured.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startUpstream } from './fake-upstream.mjs';
import { configFor, post, startRelay, tempDir, until } from './relay-process.mjs';

const REPORT = [
  ['service_code', 'GRAF'],
  ['address_string', '12 Chapel Lane'],
  ['description', 'Words sprayed on my front wall'],
  ['email', 'rhiannon.jones@example.com'],
];

describe('what the relay keeps', () => {
  it('keeps a report’s words only until it is delivered: then only its answer (for replays and token lookups)', async () => {
    const upstream = await startUpstream();
    const dir = tempDir();
    const relay = await startRelay(configFor(upstream, dir), { dir });
    try {
      upstream.state.mode = '503';
      const [queued] = await (await post(relay, REPORT, { key: crypto.randomUUID() })).json();
      const db = new Database(join(dir, 'relay.db'), { readonly: true });
      try {
        const words = () => JSON.stringify(db.prepare('SELECT * FROM reports').all());
        assert.ok(words().includes('rhiannon.jones@example.com'), 'kept while it waits: nothing is lost');
        upstream.state.mode = 'ok';
        await until(async () => (await (await fetch(`${relay.base}/tokens/${queued.token}.json`)).json())[0].service_request_id, 'delivery');
        assert.ok(!words().includes('rhiannon') && !words().includes('Chapel Lane') && !words().includes('sprayed'), words());
        assert.match(words(), /"service_request_id":"\d+"/);
      } finally {
        db.close();
      }
    } finally {
      await relay.stop();
      await upstream.close();
    }
  });

  it('deletes photos older than retentionDays when it starts, and every hour after', async () => {
    const upstream = await startUpstream();
    const dir = tempDir();
    const media = join(dir, 'media');
    mkdirSync(media, { recursive: true });
    // A relay that ran before: one photo from 2 days ago, one from today.
    const db = new Database(join(dir, 'relay.db'));
    db.exec('CREATE TABLE media (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL)');
    const old = 'OLDOLDOLDOLDOLDOLDOLDOLD.jpg';
    const recent = 'NEWNEWNEWNEWNEWNEWNEWNEW.jpg';
    db.prepare('INSERT INTO media VALUES (?, ?), (?, ?)').run(old, Date.now() - 2 * 86_400_000, recent, Date.now());
    db.close();
    writeFileSync(join(media, old), 'x');
    writeFileSync(join(media, recent), 'x');
    const relay = await startRelay(configFor(upstream, dir, { media: { retentionDays: 1 } }), { dir });
    try {
      await until(() => !existsSync(join(media, old)), 'the old photo to go');
      assert.ok(existsSync(join(media, recent)), 'a recent photo stays');
      assert.equal((await fetch(`${relay.url}/media/${old}`)).status, 404);
    } finally {
      await relay.stop();
      await upstream.close();
    }
  });

  it('deletes answers older than keepDays, and gives up on a report undelivered after giveUpDays (its words deleted)', async () => {
    const upstream = await startUpstream();
    const dir = tempDir();
    const first = await startRelay(configFor(upstream, dir), { dir });
    await first.stop(); // makes the tables
    const db = new Database(join(dir, 'relay.db'));
    const day = 86_400_000;
    const insert = db.prepare("INSERT INTO reports (id, upstream, token, body_hash, fields, state, next_at, created_at, service_request_id) VALUES (?, 'anyshire', ?, 'h', ?, ?, ?, ?, ?)");
    insert.run('old-answer', 't1', null, 'delivered', 0, Date.now() - 40 * day, '1');
    insert.run('recent-answer', 't2', null, 'delivered', 0, Date.now() - day, '2');
    insert.run('never-delivered', 't3', JSON.stringify([['description', 'Words that must not stay']]), 'pending', Date.now() + day, Date.now() - 8 * day, null);
    db.close();
    const relay = await startRelay(configFor(upstream, dir, { reports: { keepDays: 30, giveUpDays: 7 } }), { dir });
    try {
      const rows = () => {
        const read = new Database(join(dir, 'relay.db'), { readonly: true });
        try {
          return read.prepare('SELECT id, state, fields FROM reports ORDER BY id').all();
        } finally {
          read.close();
        }
      };
      await until(() => rows().length === 2 && rows().some((r) => r.state === 'abandoned'), 'housekeeping');
      assert.deepEqual(rows(), [
        { id: 'never-delivered', state: 'abandoned', fields: null },
        { id: 'recent-answer', state: 'delivered', fields: null },
      ]);
    } finally {
      await relay.stop();
      await upstream.close();
    }
  });

  it('adds the resident’s language as a line of the description when the council asks for that', async () => {
    const upstream = await startUpstream();
    const dir = tempDir();
    const relay = await startRelay(configFor(upstream, dir, { upstream: { language: { descriptionLine: true } } }), { dir });
    try {
      const [answer] = await (await post(relay, REPORT, { lang: 'cy' })).json();
      const sent = new URLSearchParams(upstream.state.cases.find((c) => c.id === answer.service_request_id).form);
      assert.equal(sent.get('description'), 'Words sprayed on my front wall\n\nLanguage: Welsh (Cymraeg)');
      assert.ok(![...sent.keys()].some((k) => k.startsWith('attribute[')));
    } finally {
      await relay.stop();
      await upstream.close();
    }
  });
});
