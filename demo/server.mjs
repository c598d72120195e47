#!/usr/bin/env node
// The demo council site: `npm start` builds, then runs this on http://localhost:8000 (PORT to change).
// Plain node:http, no dependencies. It serves demo/ and the script-tag build in cdn/, and sample feeds
// with ETag and Cache-Control, under a strict Content-Security-Policy (no inline script or style, no
// eval) to show that the widgets work on a locked-down council site.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const PORT = Number(process.env.PORT) || 8000;
const HOST = process.env.HOST || '127.0.0.1';

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

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
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
  return file.startsWith(`${dir}/`) && !file.endsWith('server.mjs') ? file : undefined;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  const file = fileFor(url.pathname);
  try {
    if (!file || !(req.method === 'GET' || req.method === 'HEAD')) throw Object.assign(new Error(), { code: 'ENOENT' });
    const info = await stat(file).catch(() => undefined);
    const target = info?.isDirectory() ? join(file, 'index.html') : file;
    const body = await readFile(target);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    res.setHeader('ETag', etag);
    // Feeds and pages revalidate every time (a 304 costs a few bytes); built files may be cached.
    res.setHeader('Cache-Control', url.pathname.startsWith('/cdn/') ? 'public, max-age=300' : 'no-cache');
    res.setHeader('Content-Type', TYPES[extname(target)] ?? 'application/octet-stream');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200).end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  }
});

server.listen(PORT, HOST, () => {
  console.log(`Anyshire Council demo: http://localhost:${PORT}/ (Ctrl+C to stop)`);
});
