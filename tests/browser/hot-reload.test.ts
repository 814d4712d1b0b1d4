import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeckViteConfig } from '../../src/build/deck-vite-config.ts';
import { openWatchedPage, originOf, startBrowser, waitForDeck } from '../../src/export/driver/deck-page.ts';

/** A copy of the fixture deck inside the project (Vite serves files under its root). */
const DECK = 'tests/.output/hot-reload-deck';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
  await rm(DECK, { recursive: true, force: true });
  await cp('tests/fixtures/decks/hot-reload', DECK, { recursive: true });
  // The copy sits one folder deeper in tests/: point its imports at src/ again.
  for (const file of ['01-first.ts', '02-second.ts', 'index.ts']) {
    const path = join(DECK, file);
    await writeFile(path, (await readFile(path, 'utf8')).replaceAll('../../../../src/', '../../../src/'));
  }
});
afterAll(async () => {
  await browser?.close();
  await rm(DECK, { recursive: true, force: true });
});

describe('saving a slide module in npm start', () => {
  it('reloads the deck with the change and stays on the current slide', async () => {
    const server = await createServer({
      ...createDeckViteConfig({ slidesDir: DECK }),
      configFile: false,
      root: resolve('.'),
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, open: false },
    });
    await server.listen();
    try {
      const url = server.resolvedUrls!.local[0]!;
      const { page, problems } = await openWatchedPage(browser, originOf(url));
      await page.goto(`${url}#/second`);
      await waitForDeck(page);
      expect(await page.evaluate(() => document.querySelector('section.present')?.textContent)).toContain(
        'VERSION_ONE',
      );
      const reloaded = page.waitForNavigation({ timeout: 30_000 });
      const slide = join(DECK, '02-second.ts');
      await writeFile(slide, (await readFile(slide, 'utf8')).replace('VERSION_ONE', 'VERSION_TWO'));
      await reloaded;
      await waitForDeck(page);
      const after = await page.evaluate(() => ({
        id: window.Reveal.getCurrentSlide().id,
        text: document.querySelector('section.present')?.textContent ?? '',
      }));
      expect(after.id).toBe('second');
      expect(after.text).toContain('VERSION_TWO');
      expect(problems.pageErrors).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });
});
