import type { Browser, Page } from 'puppeteer-core';
import { supportTranspiledCallbacks } from '../export/driver/deck-page.ts';

/**
 * Milliseconds from a clicker press to the first change on the demo pane's terminal, by the
 * page's own clock (a key's round trip to Node is not the deck's to pay): open `url` on a slide
 * whose pane has its player, press the next step, watch the terminal. A fresh page each time.
 */
export async function measureFirstStep(browser: Browser, url: string): Promise<number> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await supportTranspiledCallbacks(page);
    await page.goto(url);
    await page.waitForSelector('section.present .demo-pane[data-player="on"]', { timeout: 30_000 });
    await watchPaneChange(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      () => (window as unknown as { paneTimes: { changed: number } }).paneTimes.changed > 0,
      { timeout: 10_000 },
    );
    const times = await paneChangeTimes(page);
    return times.changed - times.pressed;
  } finally {
    await context.close();
  }
}

/**
 * From now on, notes in the page the time of the next key press and of the first change after it
 * in the current slide's visible terminal (by the page's own clock); read with `paneChangeTimes`.
 */
export async function watchPaneChange(page: Page): Promise<void> {
  await page.evaluate(() => {
    const box = document.querySelector('section.present .demo-terminal:not([hidden])')!;
    const times = { pressed: 0, changed: 0 };
    (window as unknown as { paneTimes: typeof times }).paneTimes = times;
    document.addEventListener('keydown', () => (times.pressed = performance.now()), true);
    new MutationObserver(() => {
      if (times.pressed > 0 && times.changed === 0) times.changed = performance.now();
    }).observe(box, { subtree: true, childList: true, characterData: true });
  });
}

/** What `watchPaneChange` noted: 0 for what has not happened yet. */
export function paneChangeTimes(page: Page): Promise<{ pressed: number; changed: number }> {
  return page.evaluate(
    () => (window as unknown as { paneTimes: { pressed: number; changed: number } }).paneTimes,
  );
}
