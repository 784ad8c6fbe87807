// Lint, plus the layering rule (as VS Code does): imports only point the allowed way, so the architecture cannot rot.
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

const nodeBuiltins = { group: ['node:*', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'http', 'crypto'], message: 'No Node I/O here: this code also runs in the renderer or stays pure.' };
const noElectron = { name: 'electron', message: 'Only src-main/electron may import Electron (the thin shell).' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  ...tseslint.configs.strict,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      // With noUncheckedIndexedAccess, `!` after a check is clearer than a redundant guard.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    // Domain code: no Electron, no database, no file system. Pure functions and data.
    files: ['src-main/powervm/**/*.ts', 'src-main/plan/schema.ts', 'src-main/plan/validate.ts', 'src-main/plan/measured.ts', 'src-main/solver/time-of-day.ts', 'src-main/catalog/schema.ts', 'src-main/solver/schema.ts', 'src-main/ipc/contract.ts', 'src-main/ipc/channels.ts', 'src-main/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, { name: 'sqlite3', message: 'Domain code does not touch the database.' }], patterns: [nodeBuiltins] }],
    },
  },
  {
    // The renderer reaches the main process only through the contract.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'sqlite3', message: 'The renderer never touches the database.' }],
          patterns: [
            nodeBuiltins,
            {
              regex: '^(\\.\\./)+src-main/(?!common$|ipc/contract$|ipc/channels$|[a-z]+/schema$|solver/editions-schema$|plan/workspace-schema$|plan/rows$|plan/measured$|solver/time-of-day$)',
              message: 'The renderer imports only the IPC contract and the shared schemas from src-main.',
            },
          ],
        },
      ],
    },
  },
);
