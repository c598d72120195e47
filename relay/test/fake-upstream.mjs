// A fake council Open311 server for the relay's tests, on loopback, in JSON or XML. It records every
// case it creates and every request it sees, and can be told to fail in the ways real ones do.
import { createServer } from 'node:http';

export const SERVICES = [
  { service_code: 'FLY', service_name: 'Fly-tipping', description: 'Rubbish dumped', metadata: true, type: 'realtime', keywords: '', group: 'Street' },
  { service_code: 'GRAF', service_name: 'Graffiti', description: 'Paint on walls', metadata: false, type: 'realtime', keywords: '', group: 'Street' },
  { service_code: 'POT', service_name: 'Pothole', description: 'A hole in the road', metadata: false, type: 'realtime', keywords: '', group: 'Roads' },
  { service_code: 'SECRET', service_name: 'Internal only', description: 'Not for the public', metadata: false, type: 'realtime', keywords: '', group: 'Staff' },
];
export const FLY_DEFINITION = {
  service_code: 'FLY',
  attributes: [
    { variable: true, code: 'SIZE', datatype: 'singlevaluelist', required: true, datatype_description: '', order: 1, description: 'How much?', values: [{ key: 'BAG', name: 'A bag' }, { key: 'VAN', name: 'A van load' }] },
    { variable: true, code: 'WHAT', datatype: 'multivaluelist', required: false, datatype_description: '', order: 2, description: 'What is it?', values: [{ key: 'TYRES', name: 'Tyres' }, { key: 'SOFA', name: 'A sofa' }] },
    { variable: false, code: 'NOTE', datatype: 'text', required: false, datatype_description: '', order: 3, description: 'Please do not include personal details', values: [] },
  ],
};

const xmlEscape = (s) => String(s).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
function toXml(root, item, list) {
  const fields = (o) =>
    Object.entries(o)
      .map(([k, v]) => (Array.isArray(v) ? `<${k}>${v.map((x) => `<${k === 'values' ? 'value' : k === 'attributes' ? 'attribute' : 'item'}>${fields(x)}</${k === 'values' ? 'value' : k === 'attributes' ? 'attribute' : 'item'}>`).join('')}</${k}>` : `<${k}>${xmlEscape(v)}</${k}>`))
      .join('');
  if (!item) return `<?xml version="1.0" encoding="utf-8"?><${root}>${fields(list)}</${root}>`;
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${list.map((o) => `<${item}>${fields(o)}</${item}>`).join('')}</${root}>`;
}

export async function startUpstream({ format = 'json', apiKey = 'the-real-key' } = {}) {
  const state = {
    /** 'ok', '500', '503', '400', 'timeout', 'reset', 'html', 'token' (queues the request itself), 'stall' (holds the POST until the client goes) */
    mode: 'ok',
    servicesMode: 'ok',
    cases: [],
    seen: [],
    nextId: 1000,
    tokens: new Map(),
  };
  const send = (res, status, root, item, list) => {
    if (format === 'xml') res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' }).end(toXml(root, item, list));
    else res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(list));
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://upstream');
    let body = '';
    for await (const chunk of req) body += chunk;
    const form = new URLSearchParams(body);
    state.seen.push({ method: req.method, path: url.pathname, query: [...url.searchParams], form: [...form], headers: req.headers });
    const ext = `.${format}`;
    const path = url.pathname.replace(/^\/open311\/v2\//, '');
    if (!path.endsWith(ext)) return res.writeHead(404).end();
    const what = path.slice(0, -ext.length);
    if (req.method === 'GET' && what === 'services') {
      if (state.servicesMode === 'down') return res.writeHead(503).end('down');
      return send(res, 200, 'services', 'service', SERVICES);
    }
    if (req.method === 'GET' && what === 'services/FLY') return send(res, 200, 'service_definition', undefined, FLY_DEFINITION);
    if (req.method === 'GET' && what.startsWith('services/')) return send(res, 404, 'errors', 'error', [{ code: 404, description: 'No such service' }]);
    if (req.method === 'GET' && what.startsWith('tokens/')) {
      const id = state.tokens.get(decodeURIComponent(what.slice(7)));
      return send(res, 200, 'service_requests', 'request', [{ token: what.slice(7), ...(id && { service_request_id: id }) }]);
    }
    if (req.method === 'GET' && what.startsWith('requests/')) return send(res, 200, 'service_requests', 'request', [{ service_request_id: decodeURIComponent(what.slice(9)), status: 'open' }]);
    if (req.method === 'POST' && what === 'requests') {
      if (form.get('api_key') !== apiKey) return send(res, 403, 'errors', 'error', [{ code: 403, description: 'Invalid api_key' }]);
      const mode = state.mode;
      if (mode === '500' || mode === '503') return res.writeHead(Number(mode)).end('Internal error');
      if (mode === '400') return send(res, 400, 'errors', 'error', [{ code: 'lat', description: 'Outside our area' }]);
      if (mode === 'html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Maintenance</title><p>Back soon');
      if (mode === 'reset') return req.socket.destroy();
      if (mode === 'timeout') return; // never answers
      if (mode === 'stall') {
        // Like a server that has not yet committed: the case exists only once the answer is sent.
        return res.on('close', () => undefined);
      }
      const id = String(state.nextId++);
      state.cases.push({ id, form: [...form], headers: req.headers });
      if (mode === 'token') {
        const token = `up-${id}`;
        state.tokens.set(token, id);
        return send(res, 200, 'service_requests', 'request', [{ token }]);
      }
      return send(res, 201, 'service_requests', 'request', [{ service_request_id: id, service_notice: 'Thank you' }]);
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    state,
    endpoint: `http://127.0.0.1:${port}/open311/v2`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
