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

export interface WatchOptions {
  viewport?: { width: number; height: number };
  /**
   * Abort requests outside the origin (default). Off, they are only recorded: interception
   * makes every request wait for a round trip to Node, so the exporter, which runs in a
   * browser that cannot resolve other hosts anyway (`offlineArgs`), records passively.
   */
  intercept?: boolean;
}

/**
 * Opens a page that records its problems: console errors, page errors, and requests outside
 * `origin` (aborted when intercepting, so a test also proves the deck works with no network).
 */
export async function openWatchedPage(
  browser: Browser,
  origin: string,
  viewportOrOptions: WatchOptions['viewport'] | WatchOptions = {},
): Promise<{ page: Page; problems: PageProblems }> {
  const options: WatchOptions =
    'width' in viewportOrOptions ? { viewport: viewportOrOptions } : (viewportOrOptions as WatchOptions);
  const page = await browser.newPage();
  await page.setViewport(options.viewport ?? { width: 1280, height: 720 });
  await supportTranspiledCallbacks(page);
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  const isOwn = (url: string) =>
    url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
  const intercept = options.intercept ?? true;
  if (intercept) await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const own = isOwn(request.url());
    if (!own) problems.foreignRequests.push(request.url());
    if (intercept) void (own ? request.continue() : request.abort());
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
