import type { Page } from 'puppeteer-core';
import { PROJECT_NAME } from '../../deck/problems.ts';

/** How long the print view may take to lay out before the export gives up, naming the slide. */
export const PRINT_TIMEOUT_MS = 60_000;

/**
 * Opens the deck's print view and waits for its signals: the deck ready, every diagram drawn,
 * and reveal.js's `pdf-ready`. A timeout names the slide where it stuck.
 */
export async function openPrintView(page: Page, url: string, timeout = PRINT_TIMEOUT_MS): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.waitForFunction(
      () =>
        window.deckStatus?.state === 'error' ||
        (window.deckStatus?.diagrams === 'drawn' && document.documentElement.dataset.pdfReady === 'true'),
      { timeout },
    );
  } catch {
    throw new Error(
      `${PROJECT_NAME} export: the print view did not get ready in ${timeout / 1000} s: ${await describeStall(page)}`,
    );
  }
  const status = await page.evaluate(() => window.deckStatus);
  if (status.state === 'error') throw new Error(`${PROJECT_NAME} export: the deck failed: ${status.error}`);
}

/** Where a deck that never got ready stopped: the first slide whose diagram is not drawn. */
async function describeStall(page: Page): Promise<string> {
  return page.evaluate(() => {
    const status = window.deckStatus;
    if (!status) return 'the deck script never started (is dist/ built?)';
    const undrawn = [...document.querySelectorAll<HTMLElement>('figure.diagram[data-diagram]')].find(
      (figure) => !figure.classList.contains('diagram-measure') && !figure.querySelector('svg'),
    );
    const section = undrawn?.closest('section');
    if (section)
      return `stuck drawing the diagram "${undrawn!.dataset.diagram}" of slide "${section.id}" (${section.dataset.module ?? ''})`;
    if (status.state === 'loading') return 'the deck was still loading';
    return 'reveal.js never signalled pdf-ready';
  });
}

/** Prints the page as laid out, at the page size its CSS asks for, with backgrounds. */
export async function printPage(page: Page): Promise<Uint8Array> {
  return page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: PRINT_TIMEOUT_MS });
}
