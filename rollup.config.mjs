// Two builds from one source tree:
//  - dist/: unbundled ES modules for npm (lit external), with .d.ts and declaration maps;
//  - cdn/: one self-contained minified ES module per entry, Lit inside, for a <script type="module">.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyLiterals from 'rollup-plugin-minify-template-literals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import postcss from 'postcss';

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


// cdn/civic-widgets.css: the feed widgets' own shadow-DOM styles, made to style a server-rendered
// fragment (civic-relay's /fragments, see src/alert-banner/fragment.ts) in the light DOM, so the page
// shows the alerts styled without JavaScript and the widget's upgrade moves nothing. `:host` becomes
// the tag; every other selector is scoped to the fragment inside the tag. Generated from dist/ (the
// npm build runs first), so it can never drift from the widgets' styles.
const FRAGMENT_EXTRAS = `
  /* The widget's buttons' room ("Hide", "Show 2 more alerts"): kept, invisible, until it upgrades. */
  a.more,
  a.show-all {
    display: inline-flex;
  }
  /* A button's box; its display is the widget's, by class (Pause shows only in a moving ticker). */
  :where(.civic-placeholder) {
    display: inline-block;
  }
  .civic-placeholder,
  a.more,
  a.show-all {
    align-items: center;
    justify-content: center;
    min-width: 44px;
    min-height: 44px;
    padding: var(--_space-1) var(--_space-3);
    border: 2px solid currentColor;
    border-radius: var(--_radius);
  }
  .civic-placeholder {
    visibility: hidden;
  }
  /* The closure list's search box, kept as room: its label, hint and field, as the widget draws them. */
  .civic-placeholder-block {
    visibility: hidden;
  }
  .civic-search-label {
    display: block;
    font-weight: 700;
  }
  .civic-search-field {
    display: block;
    width: 100%;
    max-width: 30rem;
    min-height: 44px;
    padding: var(--_space-1);
    border: 2px solid;
  }
  /* Without JavaScript nothing will upgrade: no room kept, and every school listed. */
  @media (scripting: none) {
    .civic-placeholder,
    .civic-placeholder-block {
      display: none !important;
    }
    .ticker .track ul > li {
      display: flex !important;
    }
  }
`;
// The closure ticker moves where it is at least 36 rem wide and motion is welcome; the widget decides
// that in script (closure-ticker.ts, MOVING_WIDTH), so before it upgrades the fragment takes the same
// shape by a container query on the tag: its \`.moving\` rules, for the fragment's \`.ticker\`.
const MOVING = { tag: 'civic-closure-ticker', width: '36rem' };
const movingRules = (root) => {
  const query = postcss.atRule({ name: 'container', params: `civic-ticker-host (min-width: ${MOVING.width})` });
  root.each((node) => {
    if (node.type === 'rule' && node.selector.includes('.moving')) query.append(node.clone({ selector: node.selector.replaceAll('.moving', '.ticker') }));
  });
  const media = postcss.atRule({ name: 'media', params: '(prefers-reduced-motion: no-preference) and (scripting: enabled)' });
  media.append(query);
  root.append(media);
};
const MOVING_HOST = `${MOVING.tag}:has(> [data-civic-fragment]) {\n  container: civic-ticker-host / inline-size;\n}\n`;
const fragmentCss = () => ({
  name: 'civic-fragment-css',
  async generateBundle() {
    const load = async (file) => (await import(pathToFileURL(`dist/${file}`).href));
    const { sharedStyles } = await load('core/styles/shared.js');
    const text = (styles) => [styles].flat(Infinity).map((s) => s.cssText).join('\n');
    const scoped = (tag, cssText) => {
      const root = postcss.parse(cssText);
      if (tag === MOVING.tag) movingRules(root);
      root.walkAtRules('keyframes', (rule) => rule.remove()); // nothing moves without the widget
      root.walkRules((rule) => {
        const selectors = rule.selectors.flatMap((sel) => {
          sel = sel.trim();
          if (sel.includes('::slotted')) return [];
          const host = /^:host(?:\(([^()]*(?:\([^()]*\))?[^()]*)\))?/.exec(sel);
          if (host) return [`${tag}${host[1] ?? ''}${sel.slice(host[0].length)}`];
          return [`${tag} [data-civic-fragment] ${sel}`];
        });
        if (selectors.length) rule.selectors = selectors;
        else rule.remove();
      });
      return root.toString();
    };
    const widgetsCss = [
      ['civic-alert-banner', 'alert-banner/alert-banner.styles.js'],
      ['civic-closure-ticker', 'closure-ticker/closure-ticker.styles.js'],
    ];
    const parts = [];
    for (const [tag, file] of widgetsCss) {
      const { styles } = await load(file);
      // The marker is no box of its own, as a shadow root is none: its content is laid out in the tag.
      const marker = `${tag} [data-civic-fragment] {\n  display: contents;\n  box-sizing: inherit;\n}\n`;
      parts.push(`/* ${tag} */\n${marker}${tag === MOVING.tag ? MOVING_HOST : ''}${scoped(tag, `${text(sharedStyles)}\n${text(styles)}\n${FRAGMENT_EXTRAS}`)}`);
    }
    const header = '/* civic-widgets: styles for the server-rendered fallback of the feed widgets (civic-relay /fragments).\n   Link it in the page head: <link rel="stylesheet" href=".../cdn/civic-widgets.css">. Generated from the widgets\' own styles. */\n';
    this.emitFile({ type: 'asset', fileName: 'civic-widgets.css', source: header + parts.join('\n') });
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

// The autoloader (src/civic-widgets.ts) imports a widget's chunk when its tag is on the page. That
// chunk imports the chunks it shares with the other widgets, which the browser would only discover
// once the chunk itself has arrived: a third round trip on a slow connection. So each of those
// imports is rewritten to fetch the chunk and everything it imports at once.
const parallelChunks = () => ({
  name: 'civic-parallel-chunks',
  generateBundle(_options, bundle) {
    const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
    const deps = (file, seen = new Set()) => {
      for (const dep of bundle[file]?.imports ?? []) if (dep !== entry.fileName && !seen.has(dep)) deps(dep, seen.add(dep));
      return seen;
    };
    let rewritten = 0;
    entry.code = entry.code.replace(/import\("\.\/(chunks\/[^"]+\.js)"\)/g, (call, file) => {
      const rest = [...deps(file)];
      if (!rest.length) return call;
      rewritten++;
      return `Promise.all([${[file, ...rest].map((f) => `import("./${f}")`).join(',')}]).then(m=>m[0])`;
    });
    if (rewritten !== entry.dynamicImports.length) this.error(`parallel chunks: rewrote ${rewritten} of ${entry.dynamicImports.length} imports in ${entry.fileName}`);
  },
});

// See RETRY_FROM_OWN_FILE in src/civic-widgets.ts.
const retryFromOwnFile = () => ({
  name: 'civic-retry-from-own-file',
  transform(code, id) {
    if (!id.endsWith('/src/civic-widgets.ts')) return null;
    const out = code.replace('const RETRY_FROM_OWN_FILE = false;', 'const RETRY_FROM_OWN_FILE = true;');
    if (out === code) this.error('RETRY_FROM_OWN_FILE is missing from src/civic-widgets.ts');
    return { code: out, map: null };
  },
});

const all = cdn('src/civic-widgets.ts', 'civic-widgets');
all.plugins.unshift(retryFromOwnFile());
all.plugins.push(fragmentCss(), parallelChunks());
// The widgets' chunks are named after the widget, not after their file (define.js).
all.output.chunkFileNames = (chunk) => `chunks/civic-widgets.${chunk.moduleIds.map((id) => /([\w-]+)\/define\.ts$/.exec(id)?.[1]).find(Boolean) ?? '[name]'}-[hash].js`;

export default [
  npm,
  all,
  ...widgets.map((w) => cdn(`src/${w}/define.ts`, `civic-${w}`)),
];
