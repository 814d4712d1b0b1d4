import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';

/** The deck inside one of the speaker window's frames. */
export async function deckFrame(speaker: Page, which: 'current' | 'upcoming'): Promise<Frame> {
  const iframe = await speaker.$(`#${which}-slide iframe`);
  const frame = await iframe?.contentFrame();
  if (!frame) throw new Error(`the speaker view has no ${which} frame`);
  return frame;
}

/** Both frames took every diagram from the cache: Mermaid drew none again. */
export async function expectFramesFromCache(speaker: Page): Promise<void> {
  for (const which of ['current', 'upcoming'] as const) {
    const status = await (await deckFrame(speaker, which)).evaluate(() => window.deckStatus);
    expect(status.diagramsDrawn, which).toBe(0);
    expect(status.diagramsFromCache, which).toBeGreaterThan(0);
  }
}

/** The speaker view shows the notes of the main deck's current step. */
export async function expectSpeakerShowsStepNotes(page: Page, speaker: Page): Promise<void> {
  const expectedNotes = await page.evaluate(
    () =>
      document.querySelector('section.present .fragment.current-fragment aside.notes')?.textContent?.trim() ??
      '',
  );
  expect(expectedNotes.length).toBeGreaterThan(10);
  await speaker.waitForFunction(
    (text) => document.querySelector('.speaker-controls-notes')?.textContent?.includes(text),
    { timeout: 10_000 },
    expectedNotes.slice(0, 40),
  );
}

/**
 * Makes the page note when it receives S, by its own clock: on a loaded machine a key press's
 * round trip to Node alone can take 200 ms, so the reopen tests time the key where it lands.
 */
export async function recordSpeakerKeyTimes(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 's') (window as unknown as { speakerKeyAt: number }).speakerKeyAt = Date.now();
      },
      true,
    ),
  );
}

/** When the page last received S (see `recordSpeakerKeyTimes`), in ms since the epoch. */
export function lastSpeakerKeyAt(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { speakerKeyAt: number }).speakerKeyAt);
}
