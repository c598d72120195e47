#!/usr/bin/env node
// The demo council site: `npm start` builds, then runs this on http://localhost:8000 (PORT to change).
// Plain node:http, no dependencies. It serves demo/ and the script-tag build in cdn/; live sample feeds
// in every format with ETag and Cache-Control (feeds.mjs), changed from /control (pages.mjs); and a
// local Open311 server that keeps reports in demo/data/ (open311.mjs). All under a strict
// Content-Security-Policy (no inline script or style, no eval), to show that the widgets work on a
// locked-down council site.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { FEEDS, state } from './feeds.mjs';
import { handleOpen311 } from './open311.mjs';
import { applyControl, controlPage, reportsPage } from './pages.mjs';
import { RELAY_PLACEHOLDER, startRelay } from './relay.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const PORT = Number(process.env.PORT) || 8000;
const HOST = process.env.HOST || '127.0.0.1';
const RELAY_PORT = Number(process.env.RELAY_PORT) || 8787;
const DATA = process.env.DEMO_DATA || join(resolve(new URL('.', import.meta.url).pathname), 'data');
/** The relay, as a page served on `host` reaches it (localhost or 127.0.0.1). */
const relayFor = (host) => `http://${host}:${RELAY_PORT}`;
const RELAYS = [relayFor('localhost'), relayFor('127.0.0.1')].join(' ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.cap': 'application/cap+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const csp = (connect = "'self'") => [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: ${RELAYS}`,
  `connect-src ${connect} ${RELAYS}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Maps a URL path to a file under demo/ or cdn/, refusing anything outside them. */
function fileFor(pathname) {
  const path = normalize(decodeURIComponent(pathname));
  const [base, rest] = path.startsWith('/cdn/') ? ['cdn', path.slice(5)] : ['demo', path.slice(1) || 'index.html'];
  const dir = join(ROOT, base);
  const file = resolve(dir, rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest);
  return file.startsWith(`${dir}/`) && !file.endsWith('.mjs') && !file.startsWith(join(ROOT, 'demo', 'data')) ? file : undefined;
}

/** Sends `body` with an ETag; answers 304 when the browser already has it. */
function send(req, res, type, body, cacheControl = 'no-cache') {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Content-Type', type);
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
  res.writeHead(200).end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Server-side includes, in nginx's syntax (`ssi on`), as a council's web server or CMS would do them:
 * `<!--# include virtual="/fragments/alerts.html?lang=en" stub="alerts" -->` becomes the relay's
 * fragment of the current alerts, or, when the relay cannot answer within a second, the
 * `<!--# block name="alerts" -->…<!--# endblock -->` fallback (the link to the alerts page). The
 * same pages work behind nginx with `location /fragments/ { proxy_pass <relay>; }`.
 */
async function includeFragments(html) {
  const blocks = new Map();
  html = html.replace(/<!--# block name="([\w-]+)" -->([\s\S]*?)<!--# endblock -->/g, (_, name, content) => (blocks.set(name, content), ''));
  const includes = [...html.matchAll(/<!--# include virtual="(\/fragments\/[\w.-]+\?lang=(?:en|cy))" stub="([\w-]+)" -->/g)];
  const bodies = await Promise.all(
    includes.map(async ([, path, stub]) => {
      const res = await fetch(`${relayFor('127.0.0.1')}${path}`, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
      return res?.ok ? await res.text() : (blocks.get(stub) ?? '');
    }),
  );
  return includes.reduce((out, [whole], i) => out.replace(whole, () => bodies[i]), html);
}

async function readForm(req) {
  let text = '';
  for await (const chunk of req) if ((text += chunk).length > 100_000) break;
  return new URLSearchParams(text);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  // The embed-code builder checks feeds on other hosts, so it alone may connect anywhere.
  res.setHeader('Content-Security-Policy', csp(url.pathname === '/embed.html' ? "'self' https: http:" : "'self'"));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  try {
    if (await handleOpen311(req, res, url)) return;
    const feed = url.pathname.startsWith('/feeds/') ? FEEDS[url.pathname.slice(7)] : undefined;
    if (feed && (req.method === 'GET' || req.method === 'HEAD')) {
      if (state.mode === 'fail') return void res.writeHead(503, { 'Retry-After': '30', 'Content-Type': 'text/plain; charset=utf-8' }).end('Service unavailable (set from /control)\n');
      if (state.mode === 'slow') await new Promise((r) => setTimeout(r, 8000));
      const [type, body] = feed(url.origin);
      return send(req, res, type, body);
    }
    if (url.pathname === '/control' && req.method === 'GET') return send(req, res, TYPES['.html'], controlPage(), 'no-store');
    if (url.pathname.startsWith('/control/') && req.method === 'POST') {
      const section = applyControl(url.pathname.slice(9), await readForm(req));
      return void res.writeHead(section ? 303 : 404, section ? { Location: `/control#${section}` } : {}).end();
    }
    if (url.pathname === '/reports' && req.method === 'GET') return send(req, res, TYPES['.html'], await reportsPage(), 'no-store');
    const file = fileFor(url.pathname);
    if (!file || !(req.method === 'GET' || req.method === 'HEAD')) throw Object.assign(new Error(), { code: 'ENOENT' });
    const info = await stat(file).catch(() => undefined);
    const target = info?.isDirectory() ? join(file, 'index.html') : file;
    // Pages revalidate every time (a 304 costs a few bytes); built files may be cached.
    let body = await readFile(target);
    // A CMS writes its own address into a page (a fallback mailto: link has no relative form): so does
    // the demo, whatever port or host it is served on.
    if (extname(target) === '.html') body = Buffer.from((await includeFragments(String(body))).replaceAll('http%3A%2F%2Flocalhost%3A8000', encodeURIComponent(url.origin)).replaceAll(RELAY_PLACEHOLDER, relayFor(url.hostname)));
    send(req, res, TYPES[extname(target)] ?? 'application/octet-stream', body, url.pathname.startsWith('/cdn/') ? 'public, max-age=300' : 'no-cache');
  } catch {
    if (!res.headersSent) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  }
});

server.listen(PORT, HOST, () => {
  startRelay({ port: PORT, relayPort: RELAY_PORT, data: DATA });
  console.log(`Anyshire Council demo: http://localhost:${PORT}/ with its relay on ${relayFor('localhost')} (Ctrl+C to stop)`);
});
