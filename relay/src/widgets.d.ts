// dist/widgets.js is bundled by build-widgets.mjs from ../src/server-render.ts (the widgets' own code);
// its types are the ones the root build declares for that file, so they cannot drift (build the root first).
export * from '../../dist/server-render.js';
