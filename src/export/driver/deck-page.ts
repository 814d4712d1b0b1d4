import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { launchBrowser } from '../launch.ts';

/** What went wrong on a page: console errors, page errors, and requests that left the origin. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
}

/** One browser per test file or export (Chromium takes a second to start; pages are cheap). */
export async function startBrowser(): Promise<Browser> {
  return launchBrowser();
}

/**
 * Opens a page that records its problems. Requests outside `origin` are recorded and aborted,
 * so the test also proves the deck works with no network.
 */
export async function openWatchedPage(
  browser: Browser,
  origin: string,
  viewport = { width: 1280, height: 720 },
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  await supportTranspiledCallbacks(page);
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    if (
      url.startsWith(origin) ||
      url.startsWith('data:') ||
      url.startsWith('blob:') ||
      url === 'about:blank'
    ) {
      void request.continue();
    } else {
      problems.foreignRequests.push(url);
      void request.abort();
    }
  });
  return { page, problems };
}

/**
 * Waits for the deck's own signals, ready and every diagram drawn, and fails with the deck's
 * error if it reports one.
 */
export async function waitForDeck(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      window.deckStatus &&
      (window.deckStatus.state === 'error' ||
        (window.deckStatus.state === 'ready' && window.deckStatus.diagrams === 'drawn')),
    { timeout },
  );
  const status = await page.evaluate(() => window.deckStatus);
  if (status.state !== 'ready') throw new Error(`the deck did not start: ${status.error}`);
}

/**
 * Functions passed to `page.evaluate` are sent as their source. Run through tsx (esbuild with
 * `keepNames`), that source calls esbuild's `__name` helper, which the page lacks: give every
 * frame of the page a no-op one.
 */
export async function supportTranspiledCallbacks(page: Page): Promise<void> {
  await page.evaluateOnNewDocument('globalThis.__name = (target) => target;');
}

export function originOf(url: string): string {
  return new URL(url).origin;
}
