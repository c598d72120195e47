// Lint: typescript-eslint's type-aware recommended rules, Lit's template rules, and the project's
// own safety rules (no unsafeHTML, no innerHTML, no window.open, no eval).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.storybook/', 'bench/tmp/', 'dist/', 'relay/dist/', 'cdn/', 'node_modules/', 'public/', 'storybook-static/', 'custom-elements.json', 'test-results/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { lit },
    rules: {
      ...lit.configs.recommended.rules,
      // Feed data is text. These are the ways it could become markup or code.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'], message: 'Feed data is rendered as text.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Feed data is rendered as text.' },
        { property: 'outerHTML', message: 'Feed data is rendered as text.' },
        { property: 'insertAdjacentHTML', message: 'Feed data is rendered as text.' },
        { object: 'window', property: 'open', message: 'Use a real <a href>.' },
        { object: 'document', property: 'write', message: 'Never.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off', // chai: expect(x).to.be.true
      '@typescript-eslint/no-non-null-assertion': 'off',
      // chai's Assertion is thenable in @open-wc/testing's types; awaited axe checks are still required
      // by await-thenable and by the tests failing when they are not awaited.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    // Node scripts that also hand code to the browser (page.evaluate).
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
