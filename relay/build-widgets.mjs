// Bundles the widgets' own parsing and fragment code (../src/server-render.ts) for the relay, so the
// fragments it serves are made by the same code as the widgets, not a second copy.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../src/server-render.ts', import.meta.url).pathname],
  outfile: new URL('./dist/widgets.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
});
