import { defineConfig, mergeConfig } from 'vitest/config';
import { createDeckViteConfig } from './src/build/deck-vite-config.ts';

export default mergeConfig(
  createDeckViteConfig(),
  defineConfig({
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
            name: 'rehearse',
            include: ['tests/rehearse/**/*.test.ts'],
            environment: 'node',
            // One engine, one set of demo ports: the rehearsal's tests run one at a time.
            fileParallelism: false,
            // After the browser tests, never beside them: a demo container's network interface
            // coming and going makes Chromium drop loads with ERR_NETWORK_CHANGED (seen here).
            sequence: { groupOrder: 1 },
            testTimeout: 300_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['tests/browser/**/*.test.ts'],
            environment: 'node',
            // Builds the deck once and serves it (built, from a sub-path, and dev) for every file.
            globalSetup: ['tests/browser/support/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }),
);
