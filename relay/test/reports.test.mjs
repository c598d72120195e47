// The relay as a browser and a council's Open311 server meet it: one real civic-relay process, a
// fake upstream in JSON and one in XML, driven over HTTP on loopback.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPostgres } from './databases.mjs';
import { startUpstream } from './fake-upstream.mjs';
import { configFor, ORIGIN, post, startRelay, tempDir, until, wait } from './relay-process.mjs';

const REPORT = [
  ['service_code', 'GRAF'],
  ['lat', '51.5'],
  ['long', '-0.12'],
  ['description', 'Paint on the bus shelter'],
  ['email', 'resident@example.com'],
  ['first_name', 'Rhiannon'],
];
const FLY = [
  ['service_code', 'FLY'],
  ['address_string', '1 High Street'],
  ['description', 'Bags by the bins'],
  ['attribute[SIZE]', 'BAG'],
  ['attribute[WHAT][]', 'TYRES'],
  ['attribute[WHAT][]', 'SOFA'],
];

// The same suite on the embedded store and on PostgreSQL.
for (const [format, storeKind] of [
  ['json', 'sqlite'],
  ['xml', 'sqlite'],
  ['json', 'postgres'],
]) {
  describe(`reports through the relay (${storeKind}) to a ${format.toUpperCase()} upstream`, () => {
    let upstream;
    let relay;
    let database;
    before(async () => {
      upstream = await startUpstream({ format });
      upstream.format = format;
      const dir = tempDir();
      if (storeKind === 'postgres') database = await startPostgres();
      const store = database ? { postgres: 'env:DATABASE_URL' } : undefined;
      relay = await startRelay(configFor(upstream, dir, { store }), { dir, env: database ? { DATABASE_URL: database.url } : {} });
    });
    after(async () => {
      await relay.stop();
      await upstream.close();
      database?.remove();
    });

    it('serves the services list filtered to the configured codes, with the jurisdiction and never the key', async () => {
      const res = await fetch(`${relay.base}/services.json`, { headers: { origin: ORIGIN } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      const services = await res.json();
      assert.deepEqual(services.map((s) => s.service_code), ['FLY', 'GRAF', 'POT']);
      const call = upstream.state.seen.find((s) => s.path.endsWith(`services.${format}`));
      assert.deepEqual(call.query, [['jurisdiction_id', 'anyshire.gov.uk']]);
      assert.ok(!JSON.stringify(upstream.state.seen).includes('api_key='));
    });

    it('answers in XML when asked, whatever the upstream speaks', async () => {
      const res = await fetch(`${relay.base}/services.xml`);
      assert.equal(res.headers.get('content-type'), 'text/xml; charset=utf-8');
      const text = await res.text();
      assert.match(text, /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>FLY<\/service_code>/);
      assert.doesNotMatch(text, /SECRET/);
    });

    it('gives an ETag and answers 304 to it, from its cache (no second upstream call)', async () => {
      const calls = upstream.state.seen.length;
      const first = await fetch(`${relay.base}/services.json`);
      const etag = first.headers.get('etag');
      assert.match(etag, /^"[\w-]+"$/);
      assert.match(first.headers.get('cache-control'), /max-age=\d+/);
      const again = await fetch(`${relay.base}/services.json`, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(upstream.state.seen.length, calls);
    });

    it('serves a service’s definition, and 404 for a code it does not offer (the upstream is not asked)', async () => {
      const res = await fetch(`${relay.base}/services/FLY.json`);
      assert.equal(res.status, 200);
      const definition = await res.json();
      assert.deepEqual(definition.attributes.map((a) => a.code), ['SIZE', 'WHAT', 'NOTE']);
      const calls = upstream.state.seen.length;
      const secret = await fetch(`${relay.base}/services/SECRET.json`);
      assert.equal(secret.status, 404);
      assert.deepEqual(await secret.json(), [{ code: '404', description: 'There is no such service' }]);
      const odd = await fetch(`${relay.base}/services/..%2F..%2Fadmin.json`);
      assert.equal(odd.status, 404);
      assert.equal(upstream.state.seen.length, calls);
    });

    it('delivers a report with the council’s key and jurisdiction, whatever the browser sent under those names', async () => {
      const res = await post(relay, [...REPORT, ['api_key', 'forged'], ['jurisdiction_id', 'elsewhere'], ['colour', 'red']]);
      assert.equal(res.status, 200);
      const [answer] = await res.json();
      assert.match(answer.service_request_id, /^\d+$/);
      assert.equal(answer.service_notice, 'Thank you');
      const sent = upstream.state.cases.find((c) => c.id === answer.service_request_id).form;
      assert.deepEqual(sent.filter(([n]) => n === 'api_key'), [['api_key', 'the-real-key']]);
      assert.deepEqual(sent.filter(([n]) => n === 'jurisdiction_id'), [['jurisdiction_id', 'anyshire.gov.uk']]);
      assert.ok(!sent.some(([n]) => n === 'colour'), 'unknown fields are dropped');
      assert.deepEqual(sent.filter(([n]) => n === 'description'), [['description', 'Paint on the bus shelter']]);
    });

    it('keeps attribute lists in order and passes the resident’s language (Content-Language) as the configured attribute', async () => {
      const res = await post(relay, FLY, { lang: 'cy' });
      assert.equal(res.status, 200);
      const [answer] = await res.json();
      const sent = upstream.state.cases.find((c) => c.id === answer.service_request_id).form;
      assert.deepEqual(sent.filter(([n]) => n.startsWith('attribute')), [['attribute[SIZE]', 'BAG'], ['attribute[WHAT][]', 'TYRES'], ['attribute[WHAT][]', 'SOFA'], ['attribute[LANG]', 'cy']]);
    });

    it('answers a POST in XML to an XML request', async () => {
      const res = await post(relay, REPORT, { format: 'xml' });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<service_requests><request><service_request_id>\d+<\/service_request_id>/);
    });

    const invalid = [
      ['an unknown service', [['service_code', 'NOPE'], ['lat', '51'], ['long', '0']], 'service_code', /no such service/],
      ['a service not offered', [['service_code', 'SECRET'], ['lat', '51'], ['long', '0']], 'service_code', /no such service/],
      ['no location', [['service_code', 'GRAF'], ['description', 'x']], 'address_string', /where the problem is/],
      ['a location off the globe', [['service_code', 'GRAF'], ['lat', '91'], ['long', '0']], 'lat', /not a valid latitude/],
      ['a required attribute missing', FLY.filter(([n]) => n !== 'attribute[SIZE]'), 'attribute[SIZE]', /SIZE is required/],
      ['a list value not in the definition', FLY.map(([n, v]) => [n, n === 'attribute[SIZE]' ? 'LORRY' : v]), 'attribute[SIZE]', /not one of its choices/],
      ['a description over 4,000 characters', [...REPORT.filter(([n]) => n !== 'description'), ['description', 'x'.repeat(4001)]], 'description', /4000 characters or fewer/],
      ['a name over its length', [...REPORT.filter(([n]) => n !== 'first_name'), ['first_name', 'R'.repeat(101)]], 'first_name', /too long/],
      ['a malformed email', [...REPORT.filter(([n]) => n !== 'email'), ['email', 'resident@']], 'email', /correct format/],
      ['service_code sent twice (parameter pollution)', [...REPORT, ['service_code', 'POT']], 'service_code', /more than once/],
      ['a photo link that is not the relay’s own', [...REPORT, ['media_url', 'https://evil.example/x.jpg']], 'media_url', /uploaded through this service/],
    ];
    for (const [what, fields, code, description] of invalid) {
      it(`refuses ${what} with an Open311 error (400), before the upstream hears of it`, async () => {
        const cases = upstream.state.cases.length;
        const res = await post(relay, fields);
        assert.equal(res.status, 400);
        const errors = await res.json();
        assert.ok(errors.some((e) => e.code === code && description.test(e.description)), JSON.stringify(errors));
        assert.equal(upstream.state.cases.length, cases);
      });
    }

    it('treats prototype names as ordinary unknown fields and attributes', async () => {
      const res = await post(relay, [...REPORT, ['__proto__', 'x'], ['attribute[__proto__]', 'polluted'], ['attribute[constructor][]', 'y'], ['toString', 'z']]);
      assert.equal(res.status, 200);
      const [answer] = await res.json();
      const sent = upstream.state.cases.find((c) => c.id === answer.service_request_id).form.map(([n]) => n);
      assert.ok(!sent.some((n) => /proto|constructor|toString/.test(n)), sent.join());
      assert.equal(({}).polluted, undefined);
    });

    it('refuses a POST from an origin it does not list (403, Open311 error) and gives it no CORS headers', async () => {
      const cases = upstream.state.cases.length;
      const res = await post(relay, REPORT, { origin: 'https://evil.example' });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.deepEqual(await res.json(), [{ code: '403', description: 'Reports are accepted only from the council’s own pages' }]);
      const none = await post(relay, REPORT, { origin: null });
      assert.equal(none.status, 403);
      assert.equal(upstream.state.cases.length, cases);
    });

    it('answers a preflight only for listed origins, allowing the widget’s headers, never with *', async () => {
      const ok = await fetch(`${relay.base}/requests.json`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'idempotency-key,content-type' } });
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(ok.headers.get('access-control-allow-headers'), /Idempotency-Key/);
      const evil = await fetch(`${relay.base}/requests.json`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
    });

    it('passes the upstream’s 4xx back as it is', async () => {
      upstream.state.mode = '400';
      try {
        const res = await post(relay, REPORT);
        assert.equal(res.status, 400);
        assert.deepEqual(await res.json(), [{ code: 'lat', description: 'Outside our area' }]);
      } finally {
        upstream.state.mode = 'ok';
      }
    });

    it('makes exactly one case per Idempotency-Key: a replay gets the first answer, a different body 422', async () => {
      const key = crypto.randomUUID();
      const cases = upstream.state.cases.length;
      const first = await (await post(relay, REPORT, { key })).json();
      const again = await post(relay, REPORT, { key });
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), first);
      const other = await post(relay, [...REPORT.slice(0, -1), ['first_name', 'Someone else']], { key });
      assert.equal(other.status, 422);
      assert.equal(upstream.state.cases.length, cases + 1);
    });

    for (const mode of ['500', '503', 'timeout', 'reset', 'html']) {
      it(`keeps the report when the upstream ${mode === 'html' ? 'answers an HTML page' : mode === 'timeout' || mode === 'reset' ? `${mode}s` : `answers ${mode}`}, answers a token, and delivers it once when it recovers`, async () => {
        upstream.state.mode = mode;
        const cases = upstream.state.cases.length;
        const key = crypto.randomUUID();
        let token;
        try {
          const res = await post(relay, REPORT, { key });
          assert.equal(res.status, 200);
          const [answer] = await res.json();
          assert.equal(answer.service_request_id, undefined);
          assert.match(answer.token, /^[\w-]{16,}$/);
          token = answer.token;
          const pending = await (await fetch(`${relay.base}/tokens/${token}.json`)).json();
          assert.deepEqual(pending.map((p) => p.service_request_id), [undefined]);
          // A retry of the same report while it waits: the same token, no new case.
          assert.equal((await (await post(relay, REPORT, { key })).json())[0].token, token);
        } finally {
          upstream.state.mode = 'ok';
        }
        const delivered = await until(async () => {
          const [lookup] = await (await fetch(`${relay.base}/tokens/${token}.json`)).json();
          return lookup.service_request_id;
        }, 'the report to be delivered');
        assert.equal(upstream.state.cases.length, cases + 1);
        assert.equal(upstream.state.cases.at(-1).id, delivered);
        const replay = await (await post(relay, REPORT, { key })).json();
        assert.equal(replay[0].service_request_id, delivered);
        await wait(800);
        assert.equal(upstream.state.cases.length, cases + 1, 'delivered exactly once');
      });
    }

    it('follows an upstream that queues the request itself (its own token) to the case id', async () => {
      upstream.state.mode = 'token';
      try {
        const [answer] = await (await post(relay, REPORT)).json();
        assert.ok(answer.token);
        const [lookup] = await (await fetch(`${relay.base}/tokens/${answer.token}.json`)).json();
        assert.equal(lookup.service_request_id, upstream.state.cases.at(-1).id);
      } finally {
        upstream.state.mode = 'ok';
      }
    });

    it('answers 404 with an Open311 error for an unknown token and an unknown upstream', async () => {
      assert.equal((await fetch(`${relay.base}/tokens/nope.json`)).status, 404);
      const res = await fetch(`${relay.url}/elsewhere/open311/v2/services.json`);
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), [{ code: '404', description: 'Not found' }]);
    });

    it('serves the last good services list while the upstream is down, with its age', async () => {
      upstream.state.servicesMode = 'down';
      try {
        // A relay whose cache expires at once: it must ask, fail, and fall back.
        const quick = await startRelay(configFor(upstream, tempDir(), { upstream: { servicesTtlSeconds: 0 } }));
        try {
          upstream.state.servicesMode = 'ok';
          assert.equal((await fetch(`${quick.base}/services.json`)).status, 200);
          upstream.state.servicesMode = 'down';
          await wait(1100);
          const res = await fetch(`${quick.base}/services.json`);
          assert.equal(res.status, 200);
          assert.deepEqual((await res.json()).map((s) => s.service_code), ['FLY', 'GRAF', 'POT']);
          assert.ok(Number(res.headers.get('age')) >= 1);
          assert.match(res.headers.get('cache-control'), /max-age=0/);
        } finally {
          await quick.stop();
        }
      } finally {
        upstream.state.servicesMode = 'ok';
      }
    });
  });
}
