// A small Open311 GeoReport v2 server for the demo's report form: JSON and XML, the same services as
// the tests' mock (test/fixtures/open311.json), a photo store for `media-endpoint`, and every report
// written to demo/data/reports.json (git-ignored), so reports survive a restart.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { xml } from './feeds.mjs';

const { services, definitions } = JSON.parse(await readFile(new URL('../test/fixtures/open311.json', import.meta.url), 'utf8'));
// DEMO_DATA moves the folder (the demo check in `npm test` uses a temporary one).
const DATA = process.env.DEMO_DATA ? pathToFileURL(`${process.env.DEMO_DATA.replace(/\/?$/, '/')}`) : new URL('./data/', import.meta.url);
const MEDIA = new URL('media/', DATA);
const REPORTS = new URL('reports.json', DATA);
const MAX_BODY = 12 * 1024 * 1024;

export async function loadReports() {
  try {
    const list = JSON.parse(await readFile(REPORTS, 'utf8'));
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

// One write at a time, each to a temporary file renamed over the old one: a crash never leaves half a file.
let writing = Promise.resolve();
function saveReport(report) {
  writing = writing.then(async () => {
    const list = await loadReports();
    list.push(report);
    await mkdir(DATA, { recursive: true });
    const temporary = new URL(`reports.${process.pid}.tmp`, DATA);
    await writeFile(temporary, `${JSON.stringify(list, null, 2)}\n`);
    await rename(temporary, REPORTS);
  });
  return writing;
}

async function body(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    if ((size += chunk.length) > MAX_BODY) throw Object.assign(new Error('too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const fields = (o) =>
  Object.entries(o)
    .map(([k, v]) => `<${k}>${xml(v)}</${k}>`)
    .join('');
function answer(res, format, status, root, list, item) {
  if (format === 'xml') {
    res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`<?xml version="1.0" encoding="utf-8"?><${root}>${list.map((o) => `<${item}>${fields(o)}</${item}>`).join('')}</${root}>`);
  } else {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(list));
  }
}
const errors = (res, format, status, ...descriptions) =>
  answer(
    res,
    format,
    status,
    'errors',
    descriptions.map((description) => ({ code: status, description })),
    'error',
  );

const tokens = new Map();

/** Handles `/open311/…`; returns false for anything else. */
export async function handleOpen311(req, res, url) {
  const path = url.pathname;
  if (!path.startsWith('/open311/')) return false;

  // The photo store: multipart field `media` in, `{ "url" }` out. Only JPEG is kept (the widget sends nothing else).
  if (path === '/open311/media' && req.method === 'POST') {
    try {
      const form = await new Response(await body(req), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
      const media = form.get('media');
      if (!(media instanceof Blob) || media.type !== 'image/jpeg') throw Object.assign(new Error('media must be a JPEG'), { status: 400 });
      const name = `${randomUUID()}.jpg`;
      await mkdir(MEDIA, { recursive: true });
      await writeFile(new URL(name, MEDIA), Buffer.from(await media.arrayBuffer()));
      res.writeHead(201, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ url: `${url.origin}/open311/media/${name}` }));
    } catch (error) {
      res.writeHead(error.status ?? 400, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: error.message }));
    }
    return true;
  }
  const photo = /^\/open311\/media\/([0-9a-f-]{36}\.jpg)$/.exec(path);
  if (photo && req.method === 'GET') {
    try {
      const bytes = await readFile(new URL(photo[1], MEDIA));
      res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Cache-Control': 'public, max-age=86400' }).end(bytes);
    } catch {
      res.writeHead(404).end();
    }
    return true;
  }

  const match = /^\/open311\/v2\/(services|services\/([^/]+)|requests|tokens\/([^/]+))\.(json|xml)$/.exec(path);
  if (!match) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return true;
  }
  const [, what, code, token, format] = match;
  if (what === 'services' && req.method === 'GET') {
    answer(res, format, 200, 'services', services, 'service');
  } else if (code !== undefined && req.method === 'GET') {
    const attributes = definitions[decodeURIComponent(code)];
    if (!attributes) return errors(res, format, 404, `Service ${code} not found`), true;
    if (format === 'xml') {
      const inner = attributes
        .map(({ values = [], ...rest }) => `<attribute>${fields(rest)}<values>${values.map((v) => `<value>${fields(v)}</value>`).join('')}</values></attribute>`)
        .join('');
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(`<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>${xml(code)}</service_code><attributes>${inner}</attributes></service_definition>`);
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ service_code: code, attributes }));
    }
  } else if (what === 'requests' && req.method === 'POST') {
    let form;
    try {
      form = new URLSearchParams((await body(req)).toString('utf8'));
    } catch (error) {
      return errors(res, format, error.status ?? 400, 'The report could not be read'), true;
    }
    if (form.get('api_key') === 'bad-key') return errors(res, format, 403, 'Invalid api_key'), true;
    const service = services.find((s) => s.service_code === form.get('service_code'));
    const missing = [];
    if (!service) missing.push('service_code is not a known service');
    if (!(form.get('lat') && form.get('long')) && !form.get('address_string')) missing.push('A location is required: lat and long, or address_string');
    for (const a of (service && definitions[service.service_code]) ?? []) {
      if (a.variable && a.required && !form.get(`attribute[${a.code}]`) && !form.getAll(`attribute[${a.code}][]`).length) missing.push(`${a.description} is required`);
    }
    if (missing.length) return errors(res, format, 400, ...missing), true;
    const reports = await loadReports();
    const id = String(200001 + reports.length);
    const notice = service.type === 'batch' ? 'We will look at this within 5 working days.' : 'We aim to deal with this within 2 working days.';
    await saveReport({ service_request_id: id, received: new Date().toISOString(), service_name: service.service_name, fields: [...form].filter(([name]) => name !== 'api_key'), keyed: form.has('api_key') });
    if (service.type === 'batch') {
      const t = randomUUID();
      tokens.set(t, id);
      answer(res, format, 200, 'service_requests', [{ token: t, service_notice: notice }], 'request');
    } else {
      answer(res, format, 200, 'service_requests', [{ service_request_id: id, service_notice: notice, account_id: '' }], 'request');
    }
  } else if (token !== undefined && req.method === 'GET') {
    const id = tokens.get(decodeURIComponent(token));
    if (!id) return errors(res, format, 404, 'Token not found'), true;
    answer(res, format, 200, 'service_requests', [{ service_request_id: id, token }], 'request');
  } else {
    res.writeHead(405, { Allow: 'GET, POST' }).end();
  }
  return true;
}
