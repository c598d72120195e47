/**
 * The relay's HTTP surface: one Open311 GeoReport v2 API per configured upstream, at
 * /{id}/open311/v2/, plus photos, health, readiness and metrics.
 */
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { Config, Upstream } from './config.js';
import { keepPhoto, MediaError, NAME, photoSize } from './media.js';
import { createMetrics, type Metrics } from './metrics.js';
import { contentType, serialise, type Format, type Open311Error } from './open311.js';
import { answerOf, Delivery, type Answer } from './reports.js';
import { FeedCache } from './feeds.js';
import { fragmentOf, toLang } from './fragments.js';
import { ServiceCatalogue } from './services.js';
import { StoreUnavailable, type Store } from './store/store.js';
import { call } from './upstream.js';
import { checkReport, knownAttributes, readFields } from './validate.js';

declare module 'fastify' {
  interface FastifyRequest {
    upstreamConfig?: Upstream;
  }
}

const FILE = /^([^.]+(?:\/[^.]+)?)\.(json|xml)$/;
const KEY = /^[\x21-\x7e]{8,200}$/; // a UUID, or anything printable a client makes
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** Seconds before a services list is asked for again by the browser. */
const BROWSER_CACHE = 60;

export interface Relay {
  app: FastifyInstance;
  delivery: Delivery;
  metrics: Metrics;
}

const languageName: Record<string, string> = { cy: 'Welsh (Cymraeg)', en: 'English' };

/** Each list's bytes and ETag, made once per list and format rather than on every request. */
const bodies = new WeakMap<object, Partial<Record<Format, { body: string; etag: string }>>>();
function servicesBody(list: object, format: Format): { body: string; etag: string } {
  const made = bodies.get(list) ?? {};
  bodies.set(list, made);
  return (made[format] ??= ((body) => ({ body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }))(serialise(format, 'services', list)));
}

export async function buildRelay(config: Config, store: Store, options: { logger?: boolean | object } = {}): Promise<Relay> {
  const app = Fastify({
    logger: options.logger ?? {
      level: process.env.LOG_LEVEL ?? 'info',
      // Never a resident's words: no bodies are logged, URLs lose their query, and headers are left out.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop < config.trustProxy : false,
    bodyLimit: 64 * 1024,
    // Slow clients are cut off: headers within 10 s, the whole request within 30 s, checked every second.
    serverFactory: (handler) => createServer({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000, keepAliveTimeout: 5_000 }, handler),
    connectionTimeout: 60_000,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  });
  const metrics = createMetrics();
  const delivery = new Delivery(config, store, metrics, app.log);
  const catalogues = new Map(config.upstreams.map((u) => [u.id, new ServiceCatalogue(u, store)]));
  const upstreams = new Map(config.upstreams.map((u) => [u.id, u]));
  const feeds = new Map(config.feeds.map((f) => [f.id, new FeedCache(f, store)]));

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' }, // photos are shown on council pages
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, () => (req: FastifyRequest, callback: (error: Error | null, options: object) => void) => {
    const origins = upstreamOf(req.url)?.origins ?? feedOf(req.url)?.feed.origins;
    const origin = req.headers.origin;
    const allowed = !!origins && !!origin && origins.includes(origin);
    callback(null, {
      origin: allowed ? origin : false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['Content-Type', 'Idempotency-Key', 'Content-Language'],
      exposedHeaders: ['Retry-After', 'Civic-Relay', 'Age', 'Civic-Feed'],
      maxAge: 600,
      strictPreflight: false,
    });
  });
  // With Redis, every relay counts against the same limits; without it, each counts its own.
  const redis = config.redis ? new Redis(config.redis, { connectTimeout: 2000, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }) : undefined;
  redis?.on('error', (error: Error) => app.log.warn({ err: { message: error.message } }, 'Redis is unreachable: rate limits are not applied until it is back (reports are never refused for it)'));
  app.addHook('onClose', async () => {
    await redis?.quit().catch(() => undefined);
  });
  await app.register(rateLimit, {
    global: false,
    ...(redis && { redis, nameSpace: 'civic-relay:' }),
    // A full store or a broken Redis does not stop reports: the limit is skipped and logged.
    skipOnError: true,
    errorResponseBuilder: (_req, context) => Object.assign(new Error(`Too many requests: try again in ${context.after}`), { statusCode: 429, code: 'rate_limited' }),
  });
  await app.register(multipart, { limits: { fileSize: config.media?.maxBytes ?? 1, files: 1, fields: 2, parts: 3, headerPairs: 100 } });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, [...new URLSearchParams(body as string)]);
  });

  function upstreamOf(url: string): Upstream | undefined {
    const id = /^\/([a-z0-9-]+)\//.exec(url)?.[1];
    return id ? upstreams.get(id) : undefined;
  }

  function feedOf(url: string): FeedCache | undefined {
    const id = /^\/(?:feeds\/([a-z0-9-]+)|fragments\/([a-z0-9-]+)\.html)(?:[?#]|$)/.exec(url)?.slice(1).find(Boolean);
    return id ? feeds.get(id) : undefined;
  }

  const send = (reply: FastifyReply, format: Format, status: number, root: Parameters<typeof serialise>[1], value: unknown) =>
    reply.code(status).type(contentType(format)).send(serialise(format, root, value));
  const fail = (reply: FastifyReply, format: Format, status: number, errors: Open311Error[]) => send(reply, format, status, 'errors', errors);
  const problem = (status: number, description: string): Open311Error[] => [{ code: String(status), description }];

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    const format: Format = /\.xml(\?|$)/.test(req.url) ? 'xml' : 'json';
    if (error instanceof StoreUnavailable) {
      req.log.error({ err: { message: error.message } }, 'the store cannot be reached');
      void reply.header('retry-after', '30');
      return fail(reply, format, 503, problem(503, 'Reports cannot be taken just now: please try again in a minute'));
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    const description = status === 413 ? 'The request is too large' : status === 429 ? error.message : status < 500 ? 'The request could not be read' : 'Something went wrong in the relay';
    return fail(reply, format, status, problem(status, description));
  });
  app.setNotFoundHandler((req, reply) => fail(reply, /\.xml(\?|$)/.test(req.url) ? 'xml' : 'json', 404, problem(404, 'Not found')));

  app.addHook('onResponse', async (req, reply) => {
    metrics.requests.observe({ route: req.routeOptions.url ?? 'unknown', method: req.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const readsLimit = app.rateLimit({ max: config.limits.readsPerIpPerMinute, timeWindow: 60_000 });
  const reportsPerIp = app.rateLimit({ max: config.limits.reportsPerIpPerHour, timeWindow: 3_600_000, keyGenerator: (req) => `ip:${req.ip}` });
  const reportsPerOrigin = app.rateLimit({ max: config.limits.reportsPerOriginPerHour, timeWindow: 3_600_000, keyGenerator: (req) => `origin:${req.headers.origin ?? ''}` });
  const mediaPerIp = app.rateLimit({ max: config.limits.mediaPerIpPerHour, timeWindow: 3_600_000, keyGenerator: (req) => `media:${req.ip}` });

  /** The route's upstream and format; answers 404 itself when there is none. */
  function resolve(req: FastifyRequest<{ Params: { id: string; '*': string } }>, reply: FastifyReply): { upstream: Upstream; format: Format; path: string } | undefined {
    const match = FILE.exec(req.params['*']);
    const format: Format = match?.[2] === 'xml' ? 'xml' : 'json';
    const upstream = upstreams.get(req.params.id);
    if (!match || !upstream) {
      void fail(reply, format, 404, problem(404, 'Not found'));
      return undefined;
    }
    return { upstream, format, path: match[1] ?? '' };
  }

  /** A browser POST must come from one of the upstream's pages. */
  function originAllowed(upstream: Upstream, req: FastifyRequest): boolean {
    const origin = req.headers.origin;
    return !!origin && upstream.origins.includes(origin);
  }

  const answer = (reply: FastifyReply, format: Format, result: Answer) => {
    if (result.kind === 'refused') return fail(reply, format, result.status, result.errors);
    if (result.kind === 'delivered') return send(reply, format, 200, 'service_requests', [{ service_request_id: result.serviceRequestId, ...(result.notice && { service_notice: result.notice }), token: result.token }]);
    return send(reply, format, 200, 'service_requests', [{ token: result.token, service_notice: 'Your report is being passed to the council' }]);
  };

  app.get<{ Params: { id: string; '*': string } }>('/:id/open311/v2/*', { preHandler: readsLimit }, async (req, reply) => {
    const route = resolve(req, reply);
    if (!route) return reply;
    const { upstream, format, path } = route;
    const catalogue = catalogues.get(upstream.id)!;
    void reply.header('vary', 'Origin').header('civic-relay', 'idempotency');
    if (path === 'services') {
      const list = await catalogue.services();
      if (!list) return fail(reply, format, 502, problem(502, 'The council’s list of services cannot be reached just now'));
      metrics.services.inc({ upstream: upstream.id, source: list.stale ? 'stale' : 'cache' });
      const { body, etag } = servicesBody(list.value, format);
      void reply.header('etag', etag).header('cache-control', `public, max-age=${list.stale ? 0 : Math.min(BROWSER_CACHE, upstream.servicesTtlSeconds)}`);
      if (list.stale) void reply.header('age', String(Math.max(0, Math.round((Date.now() - list.savedAt) / 1000))));
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type(contentType(format)).send(body);
    }
    const code = /^services\/(.+)$/.exec(path)?.[1];
    if (code !== undefined) {
      const decoded = decodeURIComponent(code);
      const { service, known } = await catalogue.service(decoded);
      if (!known) return fail(reply, format, 502, problem(502, 'The council’s list of services cannot be reached just now'));
      if (!service) return fail(reply, format, 404, problem(404, 'There is no such service'));
      const definition = await catalogue.definition(decoded);
      if (!definition) return fail(reply, format, 502, problem(502, 'The questions for this service cannot be reached just now'));
      void reply.header('cache-control', `public, max-age=${definition.stale ? 0 : Math.min(BROWSER_CACHE, upstream.servicesTtlSeconds)}`);
      return send(reply, format, 200, 'service_definition', definition.value.raw);
    }
    const token = /^tokens\/(.+)$/.exec(path)?.[1];
    if (token !== undefined) {
      const report = await store.byToken(upstream.id, decodeURIComponent(token));
      if (!report) return fail(reply, format, 404, problem(404, 'There is no report with this token'));
      void reply.header('cache-control', 'no-store');
      return answer(reply, format, await delivery.followUp(upstream, report));
    }
    const requestId = /^requests\/(.+)$/.exec(path)?.[1];
    if (requestId !== undefined) {
      const id = decodeURIComponent(requestId);
      if (!REQUEST_ID.test(id)) return fail(reply, format, 404, problem(404, 'There is no such request'));
      const outcome = await call(upstream, `requests/${encodeURIComponent(id)}`);
      if (outcome.kind !== 'answer') return fail(reply, format, 502, problem(502, 'The council’s system cannot be reached just now'));
      void reply.header('cache-control', 'no-store');
      return send(reply, format, outcome.status, outcome.status < 400 ? 'service_requests' : 'errors', outcome.body ?? []);
    }
    return fail(reply, format, 404, problem(404, 'Not found'));
  });

  app.post<{ Params: { id: string; '*': string }; Body: [string, string][] }>('/:id/open311/v2/*', { preHandler: [reportsPerIp, reportsPerOrigin] }, async (req, reply) => {
    const route = resolve(req, reply);
    if (!route) return reply;
    const { upstream, format, path } = route;
    if (path !== 'requests') return fail(reply, format, 404, problem(404, 'Not found'));
    if (!originAllowed(upstream, req)) {
      metrics.reports.inc({ upstream: upstream.id, outcome: 'forbidden-origin' });
      return fail(reply, format, 403, problem(403, 'Reports are accepted only from the council’s own pages'));
    }
    if (!Array.isArray(req.body)) return fail(reply, format, 415, problem(415, 'Send the report as application/x-www-form-urlencoded'));
    const key = req.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !KEY.test(key))) return fail(reply, format, 400, problem(400, 'The Idempotency-Key is not valid'));
    const read = readFields(req.body);
    let fields = read.fields;
    const code = fields.find(([n]) => n === 'service_code')?.[1];
    const errors = [...read.errors];
    if (!code) errors.push({ code: 'service_code', description: 'Choose a service' });
    if (errors.length) {
      metrics.reports.inc({ upstream: upstream.id, outcome: 'invalid' });
      return fail(reply, format, 400, errors);
    }
    const catalogue = catalogues.get(upstream.id)!;
    const { service, known } = await catalogue.service(code!);
    if (!known) return fail(reply, format, 503, problem(503, 'The council’s list of services cannot be reached just now: please try again soon'));
    if (!service) {
      metrics.reports.inc({ upstream: upstream.id, outcome: 'invalid' });
      return fail(reply, format, 400, [{ code: 'service_code', description: 'There is no such service' }]);
    }
    const definition = service.metadata === true || service.metadata === 'true' ? (await catalogue.definition(code!))?.value : undefined;
    const problems = checkReport(fields, service, definition, config.media ? `${config.publicUrl}/media/` : undefined);
    if (problems.length) {
      metrics.reports.inc({ upstream: upstream.id, outcome: 'invalid' });
      return fail(reply, format, 400, problems);
    }
    fields = knownAttributes(fields, definition);
    fields = withLanguage(fields, upstream, req.headers['content-language']);
    const result = await delivery.submit(upstream, fields, key);
    if (result.kind === 'mismatch') return fail(reply, format, 422, problem(422, 'This Idempotency-Key was used for a different report'));
    return answer(reply, format, result);
  });

  app.post<{ Params: { id: string } }>('/:id/media', { preHandler: mediaPerIp }, async (req, reply) => {
    const upstream = upstreams.get(req.params.id);
    if (!upstream || !config.media) return reply.code(404).send({ error: 'Not found' });
    if (!originAllowed(upstream, req)) return reply.code(403).send({ error: 'Photos are accepted only from the council’s own pages' });
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > config.media.maxBytes + 16_384) {
      metrics.media.inc({ result: 'too-large' });
      return reply.code(413).header('connection', 'close').send({ error: 'The photo is too large' });
    }
    if (!req.isMultipart()) return reply.code(415).send({ error: 'Send the photo as multipart/form-data, field "media"' });
    try {
      const part = await req.file();
      if (!part || part.fieldname !== 'media') return reply.code(400).send({ error: 'Send the photo in the field "media"' });
      const name = await keepPhoto(part.file, config.media.dir, config.media.maxPixels);
      await store.addMedia(name, Date.now());
      metrics.media.inc({ result: 'kept' });
      return reply.code(201).send({ url: `${config.publicUrl}/media/${name}` });
    } catch (error) {
      if (error instanceof MediaError) {
        metrics.media.inc({ result: String(error.status) });
        return reply.code(error.status).header('connection', error.status === 413 ? 'close' : 'keep-alive').send({ error: error.message });
      }
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return reply.code(413).send({ error: 'The photo is too large' });
      throw error;
    }
  });

  app.get<{ Params: { name: string } }>('/media/:name', { preHandler: readsLimit }, async (req, reply) => {
    const media = config.media;
    const size = media && NAME.test(req.params.name) ? await photoSize(media.dir, req.params.name) : undefined;
    if (!media || size === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply
      .header('content-type', 'image/jpeg')
      .header('content-length', String(size))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-disposition', 'inline')
      .send(createReadStream(join(media.dir, req.params.name)));
  });

  // A configured feed, for widgets on the council's pages: its last good copy when the source fails.
  app.get<{ Params: { id: string } }>('/feeds/:id', { preHandler: readsLimit }, async (req, reply) => {
    const cache = feeds.get(req.params.id);
    if (!cache) return reply.code(404).header('cache-control', 'no-store').send({ error: 'No such feed' });
    const answer = await cache.get();
    void reply.header('vary', 'Origin');
    if ('failure' in answer) {
      req.log.warn({ feed: cache.feed.id, reason: answer.failure }, 'the feed could not be fetched, and there is no earlier copy');
      return reply.code(502).header('cache-control', 'no-store').header('civic-feed', `unavailable; reason=${answer.failure}`).send({ error: 'The feed cannot be fetched just now', reason: answer.failure });
    }
    const { copy, stale } = answer;
    // Age tells the browser how old the copy is: it is fresh for ttlSeconds after the source confirmed it.
    const age = Math.max(0, Math.floor((Date.now() - copy.checkedAt) / 1000));
    void reply
      .header('etag', copy.etag)
      .header('last-modified', new Date(copy.fetchedAt).toUTCString())
      .header('age', String(age))
      .header('cache-control', `public, max-age=${cache.feed.ttlSeconds}, stale-if-error=86400`)
      .header('civic-feed', stale ? `stale; reason=${stale}; age=${age}` : 'fresh');
    if (stale) req.log.warn({ feed: cache.feed.id, reason: stale, age }, 'the feed source failed: serving the last good copy');
    const tags = String(req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (tags.includes(copy.etag) || tags.includes('*')) return reply.code(304).send();
    return reply.type(copy.contentType).send(Buffer.from(copy.body, 'base64'));
  });

  // The widget's fallback HTML for the feed's current items, in the resident's language: for server-side
  // includes, ESI, a CMS block or a cron job, so the alerts are in the page without JavaScript.
  app.get<{ Params: { file: string }; Querystring: { lang?: string } }>('/fragments/:file', { preHandler: readsLimit }, async (req, reply) => {
    const cache = feeds.get(/^([a-z0-9-]+)\.html$/.exec(req.params.file)?.[1] ?? '');
    if (!cache) return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('No such feed');
    const answer = await cache.get();
    void reply.header('vary', 'Origin');
    const unavailable = (reason: string) => {
      req.log.warn({ feed: cache.feed.id, reason }, 'no fragment: the feed cannot be fetched or read');
      // Empty, so an include shows nothing rather than an error; the page's own fallback link stays.
      return reply.code(502).header('cache-control', 'no-store').header('civic-feed', `unavailable; reason=${reason}`).type('text/html; charset=utf-8').send('');
    };
    if ('failure' in answer) return unavailable(answer.failure);
    const fragment = await fragmentOf(cache.feed, answer.copy, toLang(req.query.lang));
    if ('failure' in fragment) return unavailable(fragment.failure);
    const age = Math.max(0, Math.floor((Date.now() - answer.copy.checkedAt) / 1000));
    const etag = `"${createHash('sha256').update(fragment.html).digest('base64url').slice(0, 27)}"`;
    void reply
      .header('etag', etag)
      .header('age', String(age))
      .header('cache-control', `public, max-age=${cache.feed.ttlSeconds}, stale-if-error=86400`)
      .header('civic-feed', answer.stale ? `stale; reason=${answer.stale}; age=${age}` : 'fresh')
      .header('content-language', toLang(req.query.lang));
    const tags = String(req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (tags.includes(etag)) return reply.code(304).send();
    return reply.type('text/html; charset=utf-8').send(fragment.html);
  });

  app.get('/healthz', async (_req, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    void reply.header('cache-control', 'no-store');
    try {
      await store.ping();
      return { status: 'ready', store: 'ok' };
    } catch (error) {
      return reply.code(503).send({ status: 'not ready', store: error instanceof Error ? error.message : 'unreachable' });
    }
  });
  app.get('/metrics', async (_req, reply) => {
    metrics.pending.set(await store.pendingCount().catch(() => -1));
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return { app, delivery, metrics };
}

/** The resident's language, passed upstream as the council configured (a Welsh reply needs it). */
function withLanguage(fields: [string, string][], upstream: Upstream, header: string | string[] | undefined): [string, string][] {
  const lang = typeof header === 'string' ? header.split(',')[0]?.trim().toLowerCase() : undefined;
  if (!lang || !LANG.test(lang)) return fields;
  const base = lang.split('-')[0] ?? lang;
  const out = fields.slice();
  if (upstream.language.attribute) out.push([`attribute[${upstream.language.attribute}]`, base]);
  if (upstream.language.descriptionLine) {
    const index = out.findIndex(([n]) => n === 'description');
    const line = `Language: ${languageName[base] ?? base}`;
    if (index >= 0) out[index] = ['description', `${out[index]![1]}\n\n${line}`];
    else out.push(['description', line]);
  }
  return out;
}

export { answerOf };
