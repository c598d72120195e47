import '../setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { absoluteUrl, safeUrl } from '../../src/core/safe-url.js';

const ALLOWED = ['http:', 'https:', 'mailto:', 'tel:'];
const BASE = 'https://council.example/feeds/alerts.json';

// Known ways to smuggle a script URL past a naive check.
const TRICKS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjava\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript\u0000:alert(1)',
  '\u200bjavascript:alert(1)',
  '\ufeffjavascript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  'javascript&#x3a;alert(1)',
  'javascript%3Aalert(1)',
  '%6Aavascript:alert(1)',
  '%256Aavascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://council.example/uuid',
  'filesystem:https://council.example/temporary/x',
];

describe('safeUrl', () => {
  it('refuses every known javascript:, data: and vbscript: trick', () => {
    for (const trick of TRICKS) expect(safeUrl(trick, BASE), trick).to.equal(null);
  });

  it('allows http, https, mailto and tel, and resolves relative links against the feed URL', () => {
    expect(safeUrl('https://www.gov.uk/x?a=1#b', BASE)).to.equal('https://www.gov.uk/x?a=1#b');
    expect(safeUrl('http://example.org', BASE)).to.equal('http://example.org/');
    expect(safeUrl('mailto:bins@council.example', BASE)).to.equal('mailto:bins@council.example');
    expect(safeUrl('tel:+441234567890', BASE)).to.equal('tel:+441234567890');
    expect(safeUrl('/service-alerts', BASE)).to.equal('https://council.example/service-alerts');
    expect(safeUrl('gritting.html', BASE)).to.equal('https://council.example/feeds/gritting.html');
    expect(safeUrl('  https://council.example/a  ', BASE)).to.equal('https://council.example/a');
  });

  it('keeps an allowed URL that merely contains a scheme-like word later on', () => {
    expect(safeUrl('https://council.example/search?q=javascript:1', BASE)).to.equal(
      'https://council.example/search?q=javascript:1',
    );
  });

  it('returns null for non-strings, empty strings and absurdly long values', () => {
    for (const value of [undefined, null, 42, {}, [], '', '   ', `https://x.example/${'a'.repeat(5000)}`]) {
      expect(safeUrl(value, BASE)).to.equal(null);
    }
  });

  it('never returns a link with a disallowed scheme, for arbitrary strings seeded with tricks', () => {
    const noise = fc.string({ unit: 'binary', maxLength: 12 });
    const seeded = fc
      .tuple(noise, fc.constantFrom(...TRICKS, 'https://a.example/', 'mailto:a@b', '//x.example', 'tel:1'), noise)
      .map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(fc.oneof(seeded, fc.string({ unit: 'binary' }), fc.webUrl()), (value) => {
        const result = safeUrl(value, BASE);
        if (result === null) return true;
        const url = new URL(result);
        // The result is absolute, re-parses to itself, and a browser would navigate to an allowed scheme.
        return ALLOWED.includes(url.protocol) && url.href === result && !/^\s*(javascript|data|vbscript):/i.test(result);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('absoluteUrl (every configured address: src, endpoint, media-endpoint, track-url, list-url)', () => {
  it('resolves paths and relative addresses against the document’s base', () => {
    expect(absoluteUrl('/open311/media')).to.equal(`${location.origin}/open311/media`);
    expect(absoluteUrl('feeds/alerts.json')).to.equal(new URL('feeds/alerts.json', document.baseURI).href);
    expect(absoluteUrl(' https://council.example/open311/v2 ')).to.equal('https://council.example/open311/v2');
  });

  it('follows a <base href> when the page has one', () => {
    const base = document.head.appendChild(Object.assign(document.createElement('base'), { href: 'https://cms.council.example/site/' }));
    try {
      expect(absoluteUrl('open311/v2')).to.equal('https://cms.council.example/site/open311/v2');
    } finally {
      base.remove();
    }
  });

  it('gives undefined for empty values, mailto:, tel: and every script trick', () => {
    for (const value of ['', '   ', undefined, null, 42, 'mailto:a@b.example', 'tel:123', ...TRICKS]) expect(absoluteUrl(value), String(value)).to.equal(undefined);
  });

  it('makes a URL that is a valid base (new URL(x, it) never throws)', () => {
    const base = absoluteUrl('/open311/media')!;
    expect(new URL('/open311/media/1.jpg', base).href).to.equal(`${location.origin}/open311/media/1.jpg`);
  });
});

