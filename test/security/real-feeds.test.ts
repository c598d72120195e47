// Every parser over every real file in test/fixtures/real/ (other publishers' feeds, error pages served
// at feed URLs, odd encodings): each gives a result or a FeedError, never anything else, and what it
// gives is plain text with only safe links. A file added to the folder is picked up automatically.
import '../setup.js';
import { expect } from '@open-wc/testing';
import { decodeBody } from '../../src/core/http.js';
import { FeedError } from '../../src/core/feed/feed-error.js';
import { FeedInput } from '../../src/core/feed/input.js';
import { adapters as alertAdapters } from '../../src/alert-banner/formats/index.js';
import { adapters as closureAdapters } from '../../src/closure-ticker/formats/index.js';
import { readDefinition, readErrors, readRequest, readServices } from '../../src/report-form/open311/open311.js';

type Parser = (input: FeedInput) => unknown;
const PARSERS: [string, Parser][] = [
  ...Object.entries(alertAdapters).map(([name, adapter]): [string, Parser] => [`alerts ${name}`, (input) => adapter.parse(input)]),
  ...Object.entries(closureAdapters).map(([name, adapter]): [string, Parser] => [`closures ${name}`, (input) => adapter.parse(input)]),
  ['open311 services', readServices],
  ['open311 definition', readDefinition],
  ['open311 request', readRequest],
  ['open311 errors', readErrors],
];

function strings(value: unknown, out: [string, string][] = [], key = ''): [string, string][] {
  if (typeof value === 'string') out.push([key, value]);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, out, k);
  return out;
}

describe('every parser over every real file', () => {
  it('gives a result or a FeedError, with plain text and safe links only', async () => {
    const files = (await (await fetch('/test/fixtures/real/index')).json()) as string[];
    expect(files.length, 'the listing').to.be.greaterThan(20);
    let results = 0;
    for (const file of files) {
      const bytes = new Uint8Array(await (await fetch(`/test/fixtures/real/${file}`)).arrayBuffer());
      for (const [name, parse] of PARSERS) {
        let output: unknown;
        try {
          output = await parse(new FeedInput(decodeBody(bytes, ''), '', 'https://council.example/feed'));
          results++;
        } catch (error) {
          expect(error, `${name} on ${file} threw something other than a FeedError`).to.be.instanceOf(FeedError);
          continue;
        }
        for (const [key, value] of strings(output)) {
          if (key === 'url') expect(new URL(value).protocol, `${name} on ${file}: ${value}`).to.be.oneOf(['http:', 'https:', 'mailto:', 'tel:']);
          // eslint-disable-next-line no-control-regex
          expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value), `${name} on ${file}: control characters in ${key}`).to.equal(false);
        }
      }
    }
    expect(results, 'some parsers read some files').to.be.greaterThan(10);
  });
});
