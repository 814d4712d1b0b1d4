import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { startBrowser } from '../../../src/export/driver/deck-page.ts';

/**
 * One Chromium for the whole test file: started before its tests, closed after them. Returns a
 * getter, because the browser exists only once `beforeAll` has run.
 */
export function useSharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the shared browser is used before beforeAll started it');
    return browser;
  };
}
