/**
 * `civic-relay [--config F]`: runs the relay. `civic-relay --check --config F`: checks a config and
 * exits non-zero with a message naming the bad field. The config may also come from
 * CIVIC_RELAY_CONFIG; PORT (8787) and HOST (127.0.0.1) from the environment.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { NAME } from './media.js';
import { FeedCache } from './feeds.js';
import { fragmentOf, toLang } from './fragments.js';
import { buildRelay } from './server.js';
import { PostgresStore } from './store/postgres.js';
import { SqliteStore } from './store/sqlite.js';
import type { Store } from './store/store.js';

const USAGE = `Usage: civic-relay [--config relay.config.json]
       civic-relay --check --config relay.config.json
       civic-relay render --config relay.config.json --feed alerts [--lang en|cy]
Environment: PORT (8787), HOST (127.0.0.1), CIVIC_RELAY_CONFIG, LOG_LEVEL, and each secret the config names.`;

async function openStore(config: Config): Promise<Store> {
  if ('sqlite' in config.store) return new SqliteStore(config.store.sqlite);
  return PostgresStore.open(config.store.postgres);
}

/** Deletes photos past retention and answers past their keeping; an hour apart. */
function housekeeping(config: Config, store: Store, log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void }): NodeJS.Timeout {
  const day = 86_400_000;
  const run = async () => {
    try {
      const now = Date.now();
      const purged = await store.purge(now - config.reports.keepDays * day, now - config.reports.giveUpDays * day);
      let photos = 0;
      if (config.media) {
        const before = now - config.media.retentionDays * day;
        for (;;) {
          const names = await store.takeExpiredMedia(before, 500);
          for (const name of names) if (NAME.test(name)) await rm(join(config.media.dir, name), { force: true });
          photos += names.length;
          if (names.length < 500) break;
        }
        // Files the store does not know (a crash between writing and recording) age out too.
        for (const name of await readdir(config.media.dir).catch(() => [] as string[])) {
          const path = join(config.media.dir, name);
          const info = await stat(path).catch(() => undefined);
          if (info && info.mtimeMs < before) await rm(path, { force: true });
        }
      }
      if (purged.abandoned) log.error({ abandoned: purged.abandoned, giveUpDays: config.reports.giveUpDays }, 'reports the council’s system never took were given up: check the upstream');
      if (purged.deleted || photos) log.info({ deleted: purged.deleted, photos }, 'housekeeping');
    } catch (error) {
      log.error({ err: error }, 'housekeeping failed');
    }
  };
  void run();
  return setInterval(() => void run(), 3_600_000).unref();
}

/**
 * `civic-relay render`: prints a feed's fragment, fetched now, for councils that publish static files
 * from cron. Nothing is written unless it succeeds, so a failing run leaves the last file in place.
 */
async function render(config: Config, store: Store, id: string | undefined, lang: string | undefined): Promise<number> {
  const feed = config.feeds.find((f) => f.id === id);
  try {
    if (!feed) {
      console.error(`civic-relay: no feed ${id === undefined ? 'given (--feed)' : `"${id}"`} in the config (${config.feeds.map((f) => f.id).join(', ') || 'it has none'})`);
      return 2;
    }
    if (lang !== undefined && !/^(en|cy)$/.test(lang)) {
      console.error('civic-relay: --lang is en or cy');
      return 2;
    }
    const answer = await new FeedCache(feed, store).get();
    if ('failure' in answer) {
      console.error(`civic-relay: the feed "${feed.id}" cannot be fetched (${answer.failure})`);
      return 1;
    }
    const fragment = await fragmentOf(feed, answer.copy, toLang(lang));
    if ('failure' in fragment) {
      console.error(`civic-relay: the feed "${feed.id}" cannot be read (${fragment.failure})`);
      return 1;
    }
    process.stdout.write(`${fragment.html}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { config: { type: 'string' }, check: { type: 'boolean' }, help: { type: 'boolean' }, feed: { type: 'string' }, lang: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const command = args.positionals[0];
  if (command !== undefined && command !== 'render') {
    console.error(`Unknown command: ${command}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const path = args.values.config ?? env.CIVIC_RELAY_CONFIG;
  if (!path) {
    console.error(`No config: pass --config or set CIVIC_RELAY_CONFIG.\n${USAGE}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig(path, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`civic-relay: ${path} is not a valid config:\n${error.message}`);
    return 1;
  }
  if (args.values.check) {
    console.log(`${path}: ok (${config.upstreams.length} upstream${config.upstreams.length === 1 ? '' : 's'}: ${config.upstreams.map((u) => u.id).join(', ')})`);
    return 0;
  }
  let store: Store;
  try {
    store = command === 'render' ? new SqliteStore(':memory:') : await openStore(config);
  } catch (error) {
    console.error(`civic-relay: the store cannot be opened: ${(error as Error).message}`);
    return 1;
  }
  if (command === 'render') return render(config, store, args.values.feed, args.values.lang);
  const { app, delivery } = await buildRelay(config, store);
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  delivery.start();
  const timer = housekeeping(config, store, app.log);
  return new Promise<number>((done) => {
    const stop = (signal: string) => {
      app.log.info({ signal }, 'stopping');
      clearInterval(timer);
      void (async () => {
        await app.close();
        await delivery.stop();
        await store.close();
        done(0);
      })();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
