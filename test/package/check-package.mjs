// What a developer installing `civic-widgets` from npm gets, checked on the built package
// (`npm run build` first): Lit is the only runtime dependency, as semver ranges so a site on another
// Lit 3.x shares one copy; every bare import in dist/ is a declared dependency; everything else is
// bundled under dist/vendor/<package>/, with its licence shipped; and `npm pack` carries it all.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const failures = [];
const fail = (message) => failures.push(message);
const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    fail(`${file} is missing`);
    return '';
  }
};

const deps = Object.keys(pkg.dependencies ?? {}).sort();
if (JSON.stringify(deps) !== JSON.stringify(['@lit/reactive-element', 'lit'])) fail(`runtime dependencies are ${deps.join(', ')}: Lit's two packages only`);
for (const [name, range] of Object.entries(pkg.dependencies ?? {})) {
  if (!/^\^\d+\.\d+\.\d+$/.test(range)) fail(`${name} is "${range}": a caret range, so a page on another compatible version shares one copy`);
}

const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const js = files('dist').filter((f) => f.endsWith('.js'));
const bare = new Set();
for (const file of js) {
  const source = readFileSync(file, 'utf8');
  for (const [, spec] of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    if (spec && !spec.startsWith('.')) bare.add(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
  }
}
for (const name of bare) if (!deps.includes(name)) fail(`dist/ imports "${name}", which is not a dependency: bundle it or depend on it`);
if (!bare.has('lit')) fail('dist/ never imports lit: is it bundled by mistake?');

// Bundled libraries: one folder per package, so two files called index.js can never collide.
const vendored = new Set(js.filter((f) => f.startsWith('dist/vendor/')).map((f) => f.split('/')[2] === '' ? '' : f.split('/').slice(2, f.split('/')[2]?.startsWith('@') ? 4 : 3).join('/')));
for (const name of vendored) {
  if (deps.includes(name)) fail(`${name} is a dependency yet bundled into dist/vendor/`);
  if (!pkg.devDependencies?.[name]) fail(`dist/vendor/${name} is not a devDependency`);
}
for (const file of js.filter((f) => f.startsWith('dist/vendor/') && !/^dist\/vendor\/(@[^/]+\/)?[^/]+\/.+/.test(f))) fail(`${file} is not under its package's folder`);
const licences = read('dist/THIRD-PARTY-LICENSES.txt');
for (const name of vendored) if (!licences.includes(`${name}\n${'='.repeat(name.length)}`)) fail(`dist/THIRD-PARTY-LICENSES.txt lacks ${name}`);
const cdnLicences = read('cdn/THIRD-PARTY-LICENSES.txt');
for (const name of [...vendored, 'lit', 'lit-html', 'lit-element', '@lit/reactive-element']) {
  if (!cdnLicences.includes(`${name}\n${'='.repeat(name.length)}`)) fail(`cdn/THIRD-PARTY-LICENSES.txt lacks ${name}`);
}
if (!vendored.has('idb-keyval')) fail('idb-keyval is not bundled under dist/vendor/idb-keyval/');

// What npm would publish.
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const published = new Set(packed.files.map((f) => f.path));
for (const file of [...js.filter((f) => f.startsWith('dist/vendor/')), 'dist/THIRD-PARTY-LICENSES.txt', 'cdn/THIRD-PARTY-LICENSES.txt', 'custom-elements.json']) {
  if (!published.has(file)) fail(`npm pack leaves out ${file}`);
}

if (failures.length) {
  console.error(`package check: ${failures.length} problem(s)\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`package check: dependencies ${deps.map((d) => `${d}@${pkg.dependencies[d]}`).join(', ')}; bundled ${[...vendored].join(', ')}; ${packed.files.length} files packed`);
