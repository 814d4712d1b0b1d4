import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { findFirefox } from '../../../src/export/find-browser.ts';
import { engineAvailable } from '../../support/optional-engine.ts';

/** Firefox, found once per test file (a FIREFOX_PATH naming no file fails the file, saying so). */
const firefoxPath = findFirefox();

/**
 * True when Firefox is there; otherwise the file's one skip line (or, with
 * TALK_REQUIRE_ENGINES=1, an error). For `describe.skipIf(!firefoxAvailable(…))`.
 */
export function firefoxAvailable(suite: string): boolean {
  return engineAvailable({
    suite,
    missing: firefoxPath ? undefined : 'no firefox-esr or firefox on PATH, and FIREFOX_PATH is not set',
    howToGet:
      'sudo apt-get install -y firefox-esr (Debian/Ubuntu), or FIREFOX_PATH=/path/to/firefox npm test',
  });
}

export interface FirefoxOptions {
  /**
   * Ask pages for `prefers-reduced-motion: reduce`. Firefox has no CDP, so Puppeteer cannot
   * emulate media features per page: this is Firefox's own preference, for the whole browser.
   */
  reducedMotion?: boolean;
}

/**
 * One Firefox for the whole test file, driven over WebDriver BiDi (`browser: 'firefox'`):
 * started before its tests, closed after them. Returns a getter, like `useSharedBrowser`.
 */
export function useSharedFirefox(options: FirefoxOptions = {}): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!firefoxPath)
      throw new Error('useSharedFirefox needs Firefox: guard the suite with firefoxAvailable');
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      extraPrefsFirefox: options.reducedMotion ? { 'ui.prefersReducedMotion': 1 } : {},
    });
    process.stderr.write(`docker-talk: Firefox tests use ${firefoxPath} (${await browser.version()})\n`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Firefox is used before beforeAll started it');
    return browser;
  };
}
