import '../setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { lineText, plainText } from '../../src/core/text.js';
import { htmlToText } from '../../src/core/html-to-text.js';

describe('text', () => {
  it('reduces HTML to text with DOMParser, keeping line breaks and dropping scripts and styles', () => {
    const html =
      '<p>Bins <b>will</b> not be collected.</p><p>Line one<br>Line two</p><script>window.hacked=1</script><style>p{}</style><ul><li>A</li><li>B</li></ul><img src=x onerror="window.hacked=1">&amp; more &#39;quoted&#39;';
    expect(htmlToText(html)).to.equal("Bins will not be collected.\n\nLine one\nLine two\n\nA\nB\n\n& more 'quoted'");
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('reads entity-escaped HTML once (as RSS delivers it after XML decoding)', () => {
    expect(htmlToText('Gritting &lt;b&gt;tonight&lt;/b&gt;')).to.equal('Gritting <b>tonight</b>');
    expect(htmlToText(htmlToText('Gritting &lt;b&gt;tonight&lt;/b&gt;'))).to.equal('Gritting tonight');
  });

  it('normalises plain text: CRLF, control characters, trailing spaces, runs of blank lines, length', () => {
    expect(plainText('Line one \r\nLine two\u0007\r\n\r\n\r\n\r\nLine three  ')).to.equal('Line one\nLine two\n\nLine three');
    expect(plainText(42)).to.equal('42');
    expect(plainText({ toString: () => '<b>' })).to.equal('');
    expect(plainText('x'.repeat(20), 10)).to.equal('xxxxxxxxx…');
    expect(lineText('  Title\n  on two\tlines ')).to.equal('Title on two lines');
  });

  it('never throws and never returns markup-significant control characters, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.anything()), (value) => {
        const text = htmlToText(value);
        // eslint-disable-next-line no-control-regex
        return typeof text === 'string' && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text) && plainText(text) === text;
      }),
      { numRuns: 500 },
    );
  });
});
