// ESLint owns correctness and the process boundaries; Prettier owns layout.
// The folder is the process: each block below says what a folder may not import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** Shared by every restricted folder: native and Node-only packages. */
const nodeOnlyPackages = ['ws', 'better-sqlite3', ...nodeBuiltins];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'data/**',
      '.native-electron/**',
      'test-results/**',
      'build/**',
      'coverage/**',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'A focused test hides every other test.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Command-line entry points and tooling talk to a terminal.
    files: [
      'scripts/**',
      'bin/**',
      'server/main.ts',
      'electron/cli/**',
      'electron/bridge/main.ts',
      'bench/**',
      'tests/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeOnlyPackages].map((name) => ({
            name,
            message: 'The renderer talks to the main process only through the IPC contract (shared/ipc).',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer never reaches Node.' },
            {
              regex: '(^|/)(electron|server)(/|$)',
              message: 'The renderer may import only shared/ and its own files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'electron/core is the Electron-free engine: it runs in plain Node.',
            },
          ],
          patterns: [
            { group: ['electron/*'], message: 'electron/core is the Electron-free engine.' },
            {
              regex: '(^|/)(main|preload|renderer|server)(/|$)',
              message: 'The engine may import only shared/ and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The server never loads Electron.' }],
          patterns: [
            {
              regex: '(^|/)(electron|renderer)(/|$)',
              message: 'The server may import only shared/ and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Pure code: relative imports inside shared/ and the validation library, nothing else.
              regex: '^(?!zod$)(?!\\.{1,2}/)',
              message: 'shared/ is pure: it imports only itself and zod.',
            },
            {
              regex: '(^|/)(electron|server|renderer|tests|scripts|node_modules)(/|$)',
              message: 'shared/ imports only itself and zod.',
            },
          ],
        },
      ],
    },
  },
);
