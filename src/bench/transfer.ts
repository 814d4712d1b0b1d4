import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'puppeteer-core';
import { supportTranspiledCallbacks } from '../export/driver/deck-page.ts';

export interface TransferSizes {
  /** Gzip bytes of everything fetched before the deck signalled ready (the title slide shows). */
  beforeReady: number;
  /** Gzip bytes of everything fetched once every diagram is drawn. */
  total: number;
  files: { path: string; gzip: number; beforeReady: boolean }[];
}

/**
 * What a first visit downloads, as a static host that gzips would send it: every file the
 * page requested from `distDir`, gzipped at level 9, split at the deck's ready signal.
 */
export async function measureTransfer(
  browser: Browser,
  url: string,
  distDir: string,
): Promise<TransferSizes> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await supportTranspiledCallbacks(page);
    const requested: { path: string; beforeReady: boolean }[] = [];
    let ready = false;
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname.replace(/^\//, '') || 'index.html';
      if (request.url().startsWith(url)) requested.push({ path, beforeReady: !ready });
    });
    await page.exposeFunction('__dockerTalkReady', () => {
      ready = true;
    });
    await page.evaluateOnNewDocument(() => {
      window.addEventListener(
        'deck:ready',
        () => void (window as unknown as { __dockerTalkReady(): void }).__dockerTalkReady(),
      );
    });
    await page.goto(url);
    await page.waitForFunction(() => window.deckStatus?.diagrams === 'drawn', { timeout: 60_000 });
    const files = await Promise.all(
      requested.map(async (file) => ({
        ...file,
        gzip: gzipSync(await readFile(join(distDir, file.path)), { level: 9 }).length,
      })),
    );
    return {
      beforeReady: files.filter((file) => file.beforeReady).reduce((sum, file) => sum + file.gzip, 0),
      total: files.reduce((sum, file) => sum + file.gzip, 0),
      files,
    };
  } finally {
    await context.close();
  }
}
