// ESLint flat config. typescript-eslint's recommended rules without type information (fast: no program is built),
// React's rules of hooks for the web app, and a guard that keeps the simulation seeded. Formatting is Prettier's job
// (.prettierrc.json): nothing here checks layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'out/**',
      'tests/e2e/screenshots/**',
      '**/*.min.js',
      '**/.vite/**',
      '**/.vitest/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are errors, except those that say they are unused with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // The one rule of @eslint/js recommended that can fight Prettier's line breaks (as eslint-config-prettier has it).
      'no-unexpected-multiline': 'off',
    },
  },
  // The web app runs in the browser (and its Web Workers).
  {
    files: ['ui/**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  // every rule of hooks as an error, the React Compiler's too (no ref is read or written while rendering)
  {
    files: ['ui/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  // The engine runs both under Node and in browser Workers: only what both have.
  {
    files: ['sim/**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      // Every random number in the simulation comes from its seeded generator (sim/core/random.ts).
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: "The simulation must be seeded: draw from the run's Rng (sim/core/random.ts), never Math.random.",
        },
      ],
    },
  },
  // Node: the CLI, Node-only engine entry points, tests, benchmarks, scripts, tools and config files.
  {
    files: [
      'sim/cli/**',
      'sim/**/*.mjs',
      'sim/**/node-*.ts',
      'tests/**',
      'bench/**',
      'bin/**',
      'scripts/**',
      'tools/**',
      '*.{js,mjs,cjs,ts}',
      'ui/vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  // Browser tests also hand functions to the page (page.evaluate), which run there.
  {
    files: ['tests/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
