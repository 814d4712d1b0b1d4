import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { createDeckViteConfig } from '../build/deck-vite-config.ts';

/** What the built deck is made from: a change to any of these makes `dist/` stale. */
const SOURCES = ['index.html', 'slides', 'src', 'assets', 'package-lock.json', 'vite.config.ts'];

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/**
 * Builds the deck into `distDir` when it is missing, older than its sources, or `force` is set.
 * Returns whether it built. The build validates the deck first (see `deckCheck`).
 */
export async function ensureBuilt(root: string, distDir: string, force: boolean): Promise<boolean> {
  const built = (await stat(join(distDir, 'index.html')).catch(() => null))?.mtimeMs ?? 0;
  const sources = Math.max(
    ...(await Promise.all(SOURCES.map((source) => newestChange(resolve(root, source))))),
  );
  if (!force && built > 0 && built >= sources) return false;
  await build({
    ...createDeckViteConfig(),
    configFile: false,
    root,
    logLevel: 'warn',
    build: { ...createDeckViteConfig().build, outDir: distDir, emptyOutDir: false },
  });
  return true;
}
