// `civic-relay --check`: a good config passes, and each kind of mistake names the field.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configFor, runCli, tempDir } from './relay-process.mjs';

const dir = tempDir();
const write = (config) => {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return file;
};
const good = () => configFor({ endpoint: 'https://cms.council.example/open311/v2' }, dir);
const env = { ANYSHIRE_OPEN311_KEY: 'k' };

describe('civic-relay --check', () => {
  it('accepts the README’s config and says which upstreams it has', async () => {
    const { code, out } = await runCli(['--check', '--config', write(good())], env);
    assert.equal(code, 0, out);
    assert.match(out, /ok \(1 upstream: anyshire\)/);
  });

  it('reads the config path from CIVIC_RELAY_CONFIG', async () => {
    const { code } = await runCli(['--check'], { ...env, CIVIC_RELAY_CONFIG: write(good()) });
    assert.equal(code, 0);
  });

  const cases = [
    ['an unknown top-level key', (c) => (c.colour = 'red'), /colour: is not a known setting/],
    ['an unknown key in an upstream', (c) => (c.upstreams[0].apiKey = 'in-the-file'), /upstreams\[0\]\.apiKey: is not a known setting/],
    ['an endpoint that is not a URL', (c) => (c.upstreams[0].endpoint = 'cms.council.example'), /upstreams\[0\]\.endpoint: must match/],
    ['a wildcard origin', (c) => (c.upstreams[0].origins = ['*']), /upstreams\[0\]\.origins\[0\]: must match/],
    ['no upstreams', (c) => (c.upstreams = []), /upstreams: must NOT have fewer than 1 items/],
    ['a missing publicUrl', (c) => delete c.publicUrl, /publicUrl: is required/],
    ['a format that is neither json nor xml', (c) => (c.upstreams[0].format = 'csv'), /upstreams\[0\]\.format: must be equal to one of the allowed values/],
    ['a postgres URL in the file rather than the environment', (c) => (c.store = { postgres: 'postgres://u:p@db/relay' }), /store\.postgres: must match/],
    ['two upstreams with one id', (c) => c.upstreams.push({ ...c.upstreams[0] }), /upstreams\[1\]\.id: "anyshire" is used twice/],
  ];
  for (const [what, change, message] of cases) {
    it(`refuses ${what}, naming the field`, async () => {
      const config = good();
      change(config);
      const { code, out } = await runCli(['--check', '--config', write(config)], env);
      assert.equal(code, 1, out);
      assert.match(out, message);
    });
  }

  it('refuses a secret that is not in the environment, naming the variable', async () => {
    const { code, out } = await runCli(['--check', '--config', write(good())], {});
    assert.equal(code, 1);
    assert.match(out, /upstreams\[0\]\.apiKeyEnv: the environment variable ANYSHIRE_OPEN311_KEY is not set/);
  });

  it('refuses a file that is not JSON, and one that is not there', async () => {
    assert.match((await runCli(['--check', '--config', write('{ "publicUrl": ')], env)).out, /is not JSON/);
    const missing = await runCli(['--check', '--config', join(dir, 'nope.json')], env);
    assert.equal(missing.code, 1);
    assert.match(missing.out, /cannot be read \(ENOENT\)/);
  });

  it('explains itself without a config', async () => {
    const { code, out } = await runCli([], {});
    assert.equal(code, 2);
    assert.match(out, /Usage: civic-relay/);
  });
});

describe('the configs the docs hand out', () => {
  it('relay/relay.config.example.json passes --check', async () => {
    const { code, out } = await runCli(['--check', '--config', new URL('../relay.config.example.json', import.meta.url).pathname], env);
    assert.equal(code, 0, out);
  });

  it('every relay config in the README passes --check', async () => {
    const { readFileSync } = await import('node:fs');
    const blocks = ['../../README.md'].flatMap((file) =>
      [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).filter((json) => json.includes('"upstreams"')),
    );
    assert.ok(blocks.length >= 1, `found ${blocks.length} configs`);
    for (const block of blocks) {
      const config = JSON.parse(block);
      const secrets = Object.fromEntries([...block.matchAll(/"(?:apiKeyEnv)": "([A-Z_0-9]+)"|"env:([A-Z_0-9]+)"/g)].map((m) => [m[1] ?? m[2], 'x']));
      const { code, out } = await runCli(['--check', '--config', write(config)], secrets);
      assert.equal(code, 0, `${out}\n${block}`);
    }
  });
});
