import { resolve } from 'node:path';
import { build } from 'vite';
import { createDeckViteConfig } from '../build/deck-vite-config.ts';
import type { DeckSourceOptions } from '../build/vite-plugins.ts';

/** Builds a variant of the deck into `.bench/<name>` and returns that folder. */
export async function buildVariant(name: string, options: DeckSourceOptions = {}): Promise<string> {
  const outDir = resolve('.bench', name);
  await build({
    ...createDeckViteConfig(options),
    configFile: false,
    root: resolve('.'),
    logLevel: 'warn',
    build: { ...createDeckViteConfig(options).build, outDir, emptyOutDir: true },
  });
  return outDir;
}
