// The analyser reads Lit's `static properties`, but lists internal state (`{ state: true }`) as public
// attributes and fields. This plugin takes them out, so the manifest (and the docs, Storybook
// controls and VS Code data made from it) shows only the real public API.
import { readFileSync } from 'node:fs';

function stateNames(path) {
  const source = readFileSync(path, 'utf8');
  return new Set([...source.matchAll(/^\s*(\w+):\s*\{\s*state:\s*true\s*\}/gm)].map((m) => m[1]));
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  plugins: [
    {
      name: 'civic-hide-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          const state = stateNames(mod.path);
          if (!state.size) continue;
          for (const declaration of mod.declarations ?? []) {
            if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !state.has(a.fieldName ?? a.name));
            if (declaration.members) declaration.members = declaration.members.filter((m) => !state.has(m.name));
          }
        }
      },
    },
  ],
};
