import type { Browser, Page } from 'puppeteer-core';
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
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(url);
    await waitForDeck(page);
    return await page.evaluate(() => ({
      ready: window.deckStatus.readyAt ?? Number.NaN,
      allDiagrams: window.deckStatus.diagramsDrawnAt ?? Number.NaN,
    }));
  } finally {
    await context.close();
  }
}

/**
 * Time from pressing `S` on a ready deck to the speaker window with both of its deck frames
 * ready: what the presenter waits for.
 */
export async function measureSpeakerViewReady(browser: Browser, url: string): Promise<number> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(url);
    await waitForDeck(page);
    const started = performance.now();
    const speaker = await openSpeakerWindow(page);
    await speaker.waitForFunction(
      () => {
        const frames = [
          ...document.querySelectorAll<HTMLIFrameElement>('#current-slide iframe, #upcoming-slide iframe'),
        ];
        return (
          frames.length === 2 && frames.every((frame) => frame.contentWindow?.deckStatus?.state === 'ready')
        );
      },
      { timeout: 60_000, polling: 'mutation' },
    );
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

async function openSpeakerWindow(page: Page): Promise<Page> {
  const popup = new Promise<Page | null>((resolve) => page.once('popup', resolve));
  await page.keyboard.press('s');
  const speaker = await popup;
  if (!speaker) throw new Error('pressing S opened no speaker window');
  return speaker;
}
