import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';

/**
 * The deck caches finished diagram SVGs in sessionStorage (see src/diagrams/cache.ts). The
 * exporter keeps them between runs in a file, and seeds each export's page with them, so a
 * re-export after editing notes does not draw unchanged diagrams again. Keys hash every input
 * of a drawing (source, steps, theme, Mermaid's version): an entry can never be stale.
 */
const KEY_PREFIX = 'docker-talk:diagram:';

/**
 * One file per built deck folder: the file keeps only what its deck uses, so two decks (the
 * talk and the bench's synthetic decks, say) must not share one.
 */
export function diagramCacheFile(root: string, distDir: string): string {
  const name = createHash('sha256').update(resolve(distDir)).digest('hex').slice(0, 12);
  return join(root, 'node_modules', '.cache', 'docker-talk', `diagram-svgs-${name}.json`);
}

export async function readDiagramCache(file: string): Promise<Record<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    if (parsed && typeof parsed === 'object') {
      return Object.fromEntries(
        Object.entries(parsed).filter(
          (entry): entry is [string, string] =>
            entry[0].startsWith(KEY_PREFIX) && typeof entry[1] === 'string',
        ),
      );
    }
  } catch {
    // No cache yet, or an unreadable one: the deck draws its diagrams.
  }
  return {};
}

/** Seeds sessionStorage of every document the page opens on `origin` with the cached SVGs. */
export async function seedDiagramCache(
  page: Page,
  origin: string,
  entries: Record<string, string>,
): Promise<void> {
  if (Object.keys(entries).length === 0) return;
  await page.evaluateOnNewDocument(
    (expectedOrigin, seed) => {
      if (location.origin !== expectedOrigin) return;
      try {
        for (const [key, svg] of Object.entries(seed)) sessionStorage.setItem(key, svg);
      } catch {
        // Storage full or denied: the deck draws what it lacks.
      }
    },
    origin,
    entries,
  );
}

/**
 * Saves the SVGs of the deck's diagrams as they are now (the keys the deck reports it used),
 * so the file never keeps drawings of diagrams that changed since.
 */
export async function saveDiagramCache(page: Page, file: string): Promise<void> {
  const entries = await page.evaluate((prefix) => {
    const found: Record<string, string> = {};
    for (const key of window.deckStatus.diagramCacheKeys ?? []) {
      const svg = key.startsWith(prefix) ? sessionStorage.getItem(key) : null;
      if (svg) found[key] = svg;
    }
    return found;
  }, KEY_PREFIX);
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(entries));
  await rename(temp, file);
}
