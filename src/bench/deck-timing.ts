import type { Browser, Page } from 'puppeteer-core';
import { openSpeakerWindow, waitForSpeakerFrames } from '../export/driver/speaker-window.ts';
import { waitForDeck } from '../export/driver/deck-page.ts';

export interface DeckTimes {
  /** Navigation to the ready signal: the opening slide can be presented. */
  ready: number;
  /** Navigation to every diagram drawn. */
  allDiagrams: number;
}

/**
 * Times from navigation to the deck's signals, in a fresh browser context each time (empty
 * HTTP cache, empty sessionStorage: a cold start, as an audience member's first load).
 */
export async function measureDeckTimes(browser: Browser, url: string): Promise<DeckTimes> {
  return inFreshContext(browser, url, (page) =>
    page.evaluate(() => ({
      ready: window.deckStatus.readyAt ?? Number.NaN,
      allDiagrams: window.deckStatus.diagramsDrawnAt ?? Number.NaN,
    })),
  );
}

/**
 * Time from pressing `S` on a ready deck to the speaker window with both of its deck frames
 * ready: what the presenter waits for.
 */
export async function measureSpeakerViewReady(browser: Browser, url: string): Promise<number> {
  return inFreshContext(browser, url, async (page) => {
    const started = performance.now();
    await waitForSpeakerFrames(await openSpeakerWindow(page), 60_000);
    return performance.now() - started;
  });
}

/** Opens `url` in a new browser context, waits for the deck, runs `measure`, closes the context. */
async function inFreshContext<T>(
  browser: Browser,
  url: string,
  measure: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(url);
    await waitForDeck(page);
    return await measure(page);
  } finally {
    await context.close();
  }
}
