/** fast-check arbitraries for issue 19's classes of hostile input, shared by its tests. */
import fc from 'fast-check';

/** Every name a plain object answers without having it. */
export const BUILTIN_NAMES = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
  'prototype',
  'length',
];
/** Names from outside: the built-ins, and anything else. */
export const outsideName = fc.oneof(fc.constantFrom(...BUILTIN_NAMES), fc.string({ minLength: 1, maxLength: 12 }));

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
/** Text as a CMS cuts it: lone surrogates, bidi controls, marks without a base, zero-width characters. */
export const awkwardText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom(...BIDI, '\ud83d', '\ude00', '\u0301', '\u0301\u0302\u0303\u0304\u0305\u0306', '\u200b', '\u200d', '\ufeff', '\u2060', 'é', '🏴󠁧󠁢󠁷󠁬󠁳󠁿', 'Ffordd', ' '),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

