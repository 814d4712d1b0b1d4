import { defineConfig } from 'vitest/config';
import { deckSource, diagramStepCss } from './src/build/vite-plugins.ts';

export default defineConfig({
  plugins: [deckSource(), diagramStepCss()],
  define: { __MERMAID_VERSION__: JSON.stringify('test') },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Builds the deck once and serves it (built and dev) for every browser test file.
          globalSetup: ['tests/browser/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: one Chromium per file, two files at a time.
          maxWorkers: 2,
        },
      },
    ],
  },
});
