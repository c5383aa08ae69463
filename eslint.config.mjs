// Lint rules, including the import boundaries of DESIGN §2:
// - only src-main/electron/ and src-main/preload/ may import 'electron';
// - src-renderer/ may not import Node built-ins, 'electron' or src-main/;
// - shared/ imports nothing from src-* (and no Node built-ins: the renderer uses it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electronBan = { name: 'electron', message: 'Only src-main/electron/ and src-main/preload/ may import electron (DESIGN §2).' };
const nodeBan = nodeBuiltins.map((name) => ({ name, message: 'The renderer and shared/ run without Node: no Node built-ins.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-harness/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan], patterns: [{ group: ['**/src-renderer/**'], message: 'src-main never imports the renderer.' }] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, ...nodeBan],
          patterns: [{ group: ['**/src-main/**', '**/src-main'], message: 'The renderer reaches main only through src-renderer/lib/api.ts (DESIGN §2).' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'require', message: 'The renderer has no require.' }, { name: 'process', message: 'The renderer has no process.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, ...nodeBan],
          patterns: [{ group: ['**/src-main/**', '**/src-renderer/**', '**/test/**'], message: 'shared/ is a leaf: it imports nothing from src-* (DESIGN §2).' }],
        },
      ],
    },
  },
  {
    files: ['test/harness/bridge-client.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
