// Lints privlint's own code (`npm run lint`, part of `npm test`): typescript-eslint's type-checked
// recommended rules for the TypeScript, ESLint's and typescript-eslint's plain recommended rules for
// the JavaScript (scripts, benchmarks, the CommonJS loader; tsc checks their types through
// tsconfig.json's checkJs).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // fixtures/: apps written as odd input on purpose; bench/.scratch, bench/profiles: generated.
    ignores: ['dist/', 'fixtures/', 'node_modules/', 'bench/.scratch/', 'bench/profiles/', 'coverage/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One program for the whole tree; measured a little cheaper than projectService here.
        project: './tsconfig.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `{ note: _note, ...rest }` omits a key, and a leading underscore marks a binding unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The CLI's command runners are async by contract (a thrown UserError must become a rejection), awaiting or not.
      '@typescript-eslint/require-await': 'off',
      // Scope walks its parent chain starting from `this` (`for (let scope = this; …)`), not a closure alias.
      // Passing a caught error on as it is (`catch (error) { reject(error); }`) is fine.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['scope'] }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read privlint's JSON, SARIF and package.json output through JSON.parse (any) and check its shape with expect().
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: {
      // tsc checks these files too (checkJs) and knows Node's globals; ESLint would need a list of them.
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // CommonJS on purpose (src/engine/typescript-loader.cjs): require() is how it loads modules.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
