// Strict lint for TypeScript and Lit templates; `npm run lint` allows no warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {ignores: ['dist/', 'functions/lib/', 'node_modules/', 'coverage/', 'custom-elements.json']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,js,mjs}'],
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: {lit, wc, 'lit-a11y': litA11y},
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      // The shell defines no constructor; views attach shadow roots through Lit.
      'wc/guard-super-call': 'off',
    },
  },
  // The architecture's rules, enforced here rather than in comments (README, "Project layout").
  // Type-only imports are erased, so they do not cross a boundary.
  {
    // The script-tag entry's static graph: it must stay a few KB, so no Lit and no Firebase.
    files: ['src/leave-a-reply.ts', 'src/shell/**/*.ts', 'src/components/*/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', 'firebase', 'firebase/*', '@firebase/*'],
              allowTypeImports: true,
              message: 'The Lit-free shell ships in the script-tag entry: load Lit and Firebase from internal/ views.',
            },
          ],
        },
      ],
    },
  },
  {
    // Firebase stays behind its adapters: the Firestore store and the Firebase session.
    files: ['src/**/*.ts'],
    ignores: [
      'src/store/firestore/**',
      'src/auth/firebase/**',
      'src/leave-a-reply.ts',
      'src/shell/**',
      'src/components/*/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['firebase', 'firebase/*', '@firebase/*'],
              allowTypeImports: true,
              message: 'Only src/store/firestore/ and src/auth/firebase/ import Firebase.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off', // chai's `expect(x).to.be.true`
      // Its one-second default timed out on busy machines: test/helpers/wait-until.ts.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@open-wc/testing',
              importNames: ['waitUntil'],
              message: 'Import waitUntil from test/helpers/wait-until.ts: its timeout holds on a busy machine.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/helpers/wait-until.ts'],
    rules: {'@typescript-eslint/no-restricted-imports': 'off'},
  },
);
