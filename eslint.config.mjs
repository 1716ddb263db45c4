import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-vsix/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly',
        AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
        window: 'readonly', document: 'readonly', performance: 'readonly', structuredClone: 'readonly',
        queueMicrotask: 'readonly', setImmediate: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The model is pure Node so it can be unit-tested without VS Code.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/model must not depend on VS Code.' }] }],
    },
  },
  {
    // The client is the bottom layer: pure Node, reusable outside VS Code; from the rest of src only the translator
    // type (src/shared/translate.ts, which imports nothing).
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/api must not depend on VS Code.' }],
        patterns: [{ group: ['../*', '!../shared', '../shared/*', '!../shared/translate'], message: 'src/api imports nothing from the layers above it (only ../shared/translate).' }],
      }],
    },
  },
  {
    // Code both the extension and the panel pages run: browser-safe, so no VS Code, no Node, and nothing from the
    // extension's own layers (the client's validation rules are plain functions and are the one exception).
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/shared is bundled into the webview pages: no VS Code API.' }],
        patterns: [
          { group: ['node:*', 'undici', 'undici/*'], message: 'src/shared is bundled into the webview pages: no Node modules.' },
          { group: ['../*', '!../api', '../api/*', '!../api/validation'], message: 'src/shared imports only itself and src/api/validation.' },
        ],
      }],
    },
  },
  {
    // The panel pages see the extension only through src/shared (protocol, form specs, words).
    files: ['media/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Webview pages run in the browser: no VS Code API.' }],
        patterns: [{ group: ['**/src/*', '!**/src/shared'], message: 'Webview pages import from src/shared only.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
