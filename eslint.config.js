import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/.output/', '.bench/', 'assets/examples/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // In tests a failed `!` is a failed test, which is what it should be. In the Node-side
    // tools (export, rehearse, bench, scripts) indices and regex groups come from arrays the same code just built, and
    // `noUncheckedIndexedAccess` would otherwise demand a check that can never fail.
    files: [
      'tests/**/*.ts',
      'src/export/**/*.ts',
      'src/rehearse/**/*.ts',
      'src/bench/**/*.ts',
      'scripts/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
