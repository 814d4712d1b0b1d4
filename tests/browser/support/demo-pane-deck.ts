import { resolve } from 'node:path';
import { build } from 'vite';
import { createDeckViteConfig } from '../../../src/build/deck-vite-config.ts';

/** The fixture deck of the demo pane, its scripts, and its recordings (made in a real terminal). */
export const PANE_FIXTURE = 'tests/fixtures/decks/demo-pane';
export const PANE_REPORT = 'tests/fixtures/demo-pane/report.json';

/**
 * Builds the demo pane's fixture deck into `outDir` (one folder per test file: files build in
 * parallel), with its recordings: what a static host serves.
 */
export async function buildPaneFixture(outDir: string): Promise<string> {
  const dist = resolve(outDir);
  const config = createDeckViteConfig({
    slidesDir: PANE_FIXTURE,
    demos: { demoDir: `${PANE_FIXTURE}/demo`, reportPath: PANE_REPORT },
  });
  await build({
    ...config,
    configFile: false,
    root: resolve('.'),
    logLevel: 'warn',
    build: { ...config.build, outDir: dist, emptyOutDir: true },
  });
  return dist;
}
