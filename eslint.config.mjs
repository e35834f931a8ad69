// ESLint 9 flat config: code within a file. Which folder may import which is
// checked by dependency-cruiser (.dependency-cruiser.cjs, `npm run deps`);
// line breaks are Prettier's (.prettierrc.json), so eslint-config-prettier
// comes last and turns off every stylistic rule.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.next*/**',
      '.data/**',
      'node_modules/**',
      'public/**',
      'db/migrations/**',
      'test-results/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // One language mechanism: visible strings come from the message files
    // (next-intl), never from a branch on the locale. Tests may compare.
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/] > Literal[value='zh']",
          message: 'Take the text from the message files (next-intl) instead of branching on the locale.',
        },
      ],
    },
  },
  {
    // A few rules that need type information and catch real bugs: a promise
    // nobody awaits loses its error (ingest, live bus, sweeps). The full
    // type-checked preset is left out: it triples the run time on two cores.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // React calls event handlers and ignores what they return; an async
      // handler is fine there, elsewhere a promise where void is expected is not.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly' },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
