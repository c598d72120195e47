// Two builds from one source tree:
//  - dist/: unbundled ES modules for npm (lit external), with .d.ts and declaration maps;
//  - cdn/: one self-contained minified ES module per entry, Lit inside, for a <script type="module">.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyLiterals from 'rollup-plugin-minify-template-literals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const widgets = ['alert-banner', 'closure-ticker', 'report-form', 'share-bar'];

const ts = (options = {}) =>
  typescript({
    tsconfig: './tsconfig.json',
    filterRoot: '.',
    include: ['src/**/*.ts'],
    compilerOptions: { rootDir: 'src', types: [], ...options },
  });

// The feed JSON Schemas are published with the package (dist/schemas/).
const schemas = () => ({
  name: 'civic-schemas',
  generateBundle() {
    for (const w of widgets) {
      for (const file of readdirSync(`src/${w}`).filter((f) => f.endsWith('.schema.json'))) {
        this.emitFile({ type: 'asset', fileName: `schemas/${file}`, source: readFileSync(`src/${w}/${file}`) });
      }
    }
  },
});

// Editor hints: VS Code custom HTML data, made from custom-elements.json (which `npm run build`
// generates first), so editors autocomplete the tags and their attributes.
const vscodeData = () => ({
  name: 'civic-vscode-data',
  generateBundle() {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    } catch {
      return this.warn('custom-elements.json is missing: run `npm run analyze` before rollup.');
    }
    const tags = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName)
      .map((d) => ({
        name: d.tagName,
        description: `${d.summary ?? ''}\n\n${d.description ?? ''}`.trim(),
        // Internal state the analyser mistakes for attributes (private fields) is left out.
        attributes: (d.attributes ?? [])
          .filter((a) => !(d.members ?? []).some((m) => m.name === a.fieldName && m.privacy === 'private'))
          .map((a) => {
          const values = /^((?:'[\w-]+'\s*\|?\s*)+)$/.exec(a.type?.text ?? '')?.[1].match(/[\w-]+/g);
          return { name: a.name, description: a.description ?? '', ...(values ? { values: values.map((name) => ({ name })) } : {}) };
        }),
      }));
    this.emitFile({ type: 'asset', fileName: 'vscode.html-custom-data.json', source: `${JSON.stringify({ version: 1.1, tags }, null, 2)}\n` });
  },
});

// dist/ bundles idb-keyval (Apache-2.0) and d3-dsv (ISC); the script-tag files bundle Lit
// (BSD-3-Clause) too: ship their licences.
const bundled = ['idb-keyval', 'd3-dsv'];
const licences = (packages) => ({
  name: 'civic-licences',
  generateBundle() {
    const text = packages
      .map((pkg) => `${pkg}\n${'='.repeat(pkg.length)}\n${readFileSync(['LICENSE', 'LICENCE'].map((f) => `node_modules/${pkg}/${f}`).find(existsSync), 'utf8').trim()}\n`)
      .join('\n');
    this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-LICENSES.txt', source: `civic-widgets bundles these libraries.\n\n${text}` });
  },
});

const npm = {
  input: [
    'src/index.ts',
    'src/civic-widgets.ts',
    ...widgets.flatMap((w) => [`src/${w}/${w}.ts`, `src/${w}/define.ts`]),
  ],
  external: [/^lit(\/|$)/, /^lit-html(\/|$)/, /^@lit\//, /^@lit-labs\//],
  plugins: [resolve(), ts({ outDir: 'dist', declaration: true, declarationMap: true, sourceMap: true }), schemas(), vscodeData(), licences(bundled)],
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    preserveModules: true,
    preserveModulesRoot: 'src',
    // Lit is the only dependency (external here). The small libraries that are devDependencies
    // (idb-keyval, d3-dsv) are bundled, under vendor/<package>/<their own path>, so no two collide.
    entryFileNames: (chunk) => (chunk.name.includes('node_modules/') ? `vendor/${chunk.name.split('node_modules/').pop()}.js` : '[name].js'),
  },
};

const cdn = (entry, name) => ({
  input: entry,
  // Lazily loaded parsers import Lit and the core from the entry file itself, rather than rollup
  // moving everything into a shared chunk behind a one-line entry.
  preserveEntrySignatures: 'allow-extension',
  plugins: [
    resolve({ exportConditions: ['production'] }),
    ts({ outDir: 'cdn', declaration: false, declarationMap: false, sourceMap: false }),
    // Whitespace inside html`` and css`` templates (terser leaves template strings alone).
    minifyLiterals(),
    licences(['lit', 'lit-html', 'lit-element', '@lit/reactive-element', ...bundled]),
    terser({
      module: true,
      ecma: 2022,
      compress: { passes: 4, pure_getters: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true, keep_fargs: false },
      // Licence texts of the bundled libraries are in cdn/THIRD-PARTY-LICENSES.txt instead.
      format: { comments: false },
    }),
  ],
  output: {
    dir: 'cdn',
    entryFileNames: `${name}.js`,
    format: 'es',
    // Feature code loaded on demand (e.g. CSV parsing) goes to cdn/chunks/.
    chunkFileNames: `chunks/${name}.[name]-[hash].js`,
  },
});

export default [
  npm,
  cdn('src/civic-widgets.ts', 'civic-widgets'),
  ...widgets.map((w) => cdn(`src/${w}/define.ts`, `civic-${w}`)),
];
