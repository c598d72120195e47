// Photos through the real relay: what is kept, what is refused, and how it is served.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { startUpstream } from './fake-upstream.mjs';
import { configFor, ORIGIN, post, startRelay, tempDir } from './relay-process.mjs';

const upload = (relay, bytes, { type = 'image/jpeg', origin = ORIGIN, field = 'media' } = {}) => {
  const form = new FormData();
  form.append(field, new Blob([bytes], { type }), 'photo');
  return fetch(`${relay.url}/anyshire/media`, { method: 'POST', body: form, headers: origin ? { origin } : {} });
};

/**
 * An upload through node:http, answering the status the relay sends even when it stops reading the
 * body early (as a server refusing a large body does); `chunked` sends no Content-Length.
 */
function rawUpload(relay, bytes, { chunked = false } = {}) {
  const boundary = 'civicboundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, bytes, tail]);
  return new Promise((resolve, reject) => {
    const req = request(`${relay.url}/anyshire/media`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': `multipart/form-data; boundary=${boundary}`, ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': body.length }) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, text }));
      res.on('error', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', (error) => setTimeout(() => reject(error), 1000)); // a response may still come
    for (let i = 0; i < body.length; i += 65536) req.write(body.subarray(i, i + 65536));
    req.end();
  });
}

/** A photo as a phone takes it: 3000×2000, turned (EXIF orientation 6), with the owner's name and GPS in EXIF. */
const phonePhoto = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Artist: 'Rhiannon Jones', Copyright: 'Rhiannon Jones' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .toBuffer();

describe('photos', () => {
  let upstream;
  let relay;
  before(async () => {
    upstream = await startUpstream();
    const dir = tempDir();
    relay = await startRelay(configFor(upstream, dir), { dir });
  });
  after(async () => {
    await relay.stop();
    await upstream.close();
  });

  it('keeps a phone photo upright, at most 2,048 px, with every metadata block gone, under a random name', async () => {
    const original = await phonePhoto();
    assert.ok((await sharp(original).metadata()).exif, 'the test photo has EXIF');
    const res = await upload(relay, original);
    assert.equal(res.status, 201);
    const { url } = await res.json();
    assert.match(url, /^https:\/\/relay\.council\.example\/media\/[\w-]{24}\.jpg$/);
    const served = await fetch(`${relay.url}${new URL(url).pathname}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(served.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.deepEqual([meta.width, meta.height], [1365, 2048], 'turned upright, then scaled to 2,048 px');
    assert.equal(meta.exif, undefined);
    assert.equal(meta.xmp, undefined);
    assert.equal(meta.iptc, undefined);
    assert.equal(meta.orientation, undefined);
    assert.ok(!bytes.includes('Rhiannon'));
  });

  for (const [format, make] of [
    ['PNG', (img) => img.png()],
    ['WebP', (img) => img.webp()],
  ]) {
    it(`takes a ${format} and keeps it as a JPEG`, async () => {
      const bytes = await make(sharp({ create: { width: 640, height: 480, channels: 3, background: '#336699' } })).toBuffer();
      const res = await upload(relay, bytes, { type: `image/${format.toLowerCase()}` });
      assert.equal(res.status, 201);
      const { url } = await res.json();
      const meta = await sharp(Buffer.from(await (await fetch(`${relay.url}${new URL(url).pathname}`)).arrayBuffer())).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 640, 480]);
    });
  }

  it('uses a kept photo in a report, and refuses one that is not the relay’s', async () => {
    const { url } = await (await upload(relay, await phonePhoto())).json();
    const fields = [['service_code', 'GRAF'], ['lat', '51.5'], ['long', '-0.1'], ['description', 'x'], ['media_url', url]];
    const res = await post(relay, fields);
    assert.equal(res.status, 200);
    const [answer] = await res.json();
    assert.deepEqual(upstream.state.cases.find((c) => c.id === answer.service_request_id).form.filter(([n]) => n === 'media_url'), [['media_url', url]]);
  });

  it('refuses what is not a photo by its bytes, whatever its type says (415)', async () => {
    const html = Buffer.from('<!doctype html><script>alert(1)</script>'.padEnd(200, ' '));
    const res = await upload(relay, html, { type: 'image/jpeg' });
    assert.equal(res.status, 415);
    assert.match((await res.json()).error, /JPEG, PNG, WebP or HEIC/);
    assert.equal((await upload(relay, Buffer.from('GIF89a'.padEnd(100, '\0')), { type: 'image/gif' })).status, 415);
    assert.equal((await upload(relay, Buffer.alloc(0))).status, 415);
  });

  it('re-encodes a polyglot (a JPEG that is also HTML), so nothing but the picture is served', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    const polyglot = Buffer.concat([jpeg, Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    const res = await upload(relay, polyglot);
    assert.equal(res.status, 201);
    const served = Buffer.from(await (await fetch(`${relay.url}${new URL((await res.json()).url).pathname}`)).arrayBuffer());
    assert.ok(!served.includes('<script'), 'the payload is gone');
  });

  it('refuses a photo over maxBytes with 413, and a 100-megapixel PNG (a decompression bomb) with 413', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3 * 1024 * 1024, 1)]);
    assert.equal((await rawUpload(relay, big)).status, 413, 'told by its Content-Length, before reading it');
    assert.equal((await rawUpload(relay, big, { chunked: true })).status, 413, 'streamed without a length: cut off at the limit');
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#000000' } }).png({ compressionLevel: 9 }).toBuffer();
    assert.ok(bomb.length < 2 * 1024 * 1024, `the bomb is small on the wire (${bomb.length} bytes)`);
    const refused = await upload(relay, bomb, { type: 'image/png' });
    assert.equal(refused.status, 413);
    assert.match((await refused.json()).error, /too many pixels/);
    assert.deepEqual(readdirSync(join(relay.dir, 'media')).filter((n) => n.startsWith('.upload-')), [], 'no upload left behind');
  });

  it('takes photos only from the upstream’s own pages', async () => {
    assert.equal((await upload(relay, await phonePhoto(), { origin: 'https://evil.example' })).status, 403);
    assert.equal((await upload(relay, await phonePhoto(), { field: 'file' })).status, 400);
  });

  it('serves nothing but kept photos: no path traversal, no other names', async () => {
    for (const path of ['/media/..%2Frelay.db', '/media/%2e%2e%2frelay.db', '/media/relay.db', '/media/.upload-x.jpg', '/media/AAAAAAAAAAAAAAAAAAAAAAAA.jpg', '/media/../relay.db']) {
      const res = await fetch(`${relay.url}${path}`);
      assert.equal(res.status, 404, path);
    }
  });
});

describe('photos on a full disk', () => {
  it('answers 507 and keeps nothing half-written', async (t) => {
    const dir = tempDir();
    const media = join(dir, 'media');
    mkdirSync(media);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', media], { stdio: 'ignore' });
    } catch {
      t.skip('cannot mount a small tmpfs here (needs root)');
      return;
    }
    const upstream = await startUpstream();
    const relay = await startRelay(configFor(upstream, dir), { dir });
    try {
      const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).jpeg({ quality: 95 }).toBuffer();
      assert.ok(photo.length > 64 * 1024);
      const res = await upload(relay, photo);
      assert.equal(res.status, 507);
      assert.match((await res.json()).error, /no room/);
      assert.deepEqual(readdirSync(media), []);
    } finally {
      await relay.stop();
      await upstream.close();
      execFileSync('umount', [media]);
    }
  });
});
