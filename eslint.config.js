import js from '@eslint/js';
import appsync from '@aws-appsync/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.sst/**',
      '.local/**',
      'packages/core/src/generated/**',
      'sst-env.d.ts',
      '**/sst-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // `$config`, `$app`, `aws`, `sst` are globals that SST injects into its program.
    files: ['sst.config.ts', 'infra/**/*.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off' },
  },
  {
    // APPSYNC_JS resolvers: the syntax and type-aware rules of AppSync's own plugin.
    files: ['packages/resolvers/src/**/*.ts'],
    ...appsync.configs.recommended,
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parserOptions: {
        ...appsync.configs.recommended.languageOptions?.parserOptions,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
);
