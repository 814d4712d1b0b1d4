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
export function buildPaneFixture(outDir: string): Promise<string> {
  return buildFixtureDeck(PANE_FIXTURE, PANE_REPORT, outDir);
}

/**
 * Builds a fixture deck (its slides in `slidesDir`, its demo scripts in `slidesDir/demo`) into
 * `outDir`, with the recordings the rehearsal report at `reportPath` names.
 */
export async function buildFixtureDeck(
  slidesDir: string,
  reportPath: string,
  outDir: string,
): Promise<string> {
  const dist = resolve(outDir);
  const config = createDeckViteConfig({ slidesDir, demos: { demoDir: `${slidesDir}/demo`, reportPath } });
  await build({
    ...config,
    configFile: false,
    root: resolve('.'),
    logLevel: 'warn',
    build: { ...config.build, outDir: dist, emptyOutDir: true },
  });
  return dist;
}
