// Lint: mostly to enforce where code may run (design.md, House style 1). Pure policy code and the
// shared contract import neither electron, better-sqlite3 nor node:*; only src/main/shell imports
// electron; the renderer knows only the contract.
import tseslint from 'typescript-eslint';
import { pureFiles } from './scripts/pure-files.mjs';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads'];
const io = {
  paths: ['electron', 'better-sqlite3'],
  patterns: nodeBuiltins.map((p) => ({ group: [p], message: 'pure code: no I/O imports' })),
};

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'playwright-report/**', '.cache/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'only src/main/shell may import electron' }] },
      ],
    },
  },
  {
    // Pure policy: tested with a fake clock, no I/O.
    files: pureFiles,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', io] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3'],
          patterns: [
            { group: ['**/main/**', '**/src/main/**'], message: 'the renderer knows only the contract (src/shared)' },
            ...nodeBuiltins.map((p) => ({ group: [p], message: 'the renderer runs in a browser' })),
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.cjs', 'scripts/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
  },
);
