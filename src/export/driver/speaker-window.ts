import type { Page } from 'puppeteer-core';

/** Presses `S` on a ready deck and returns reveal's speaker window (a popup). */
export async function openSpeakerWindow(page: Page): Promise<Page> {
  const popup = new Promise<Page | null>((resolve) => page.once('popup', resolve));
  await page.keyboard.press('s');
  const speaker = await popup;
  if (!speaker) throw new Error('pressing S opened no speaker window');
  return speaker;
}

/** Waits until the speaker window's current and upcoming slide frames both report ready. */
export async function waitForSpeakerFrames(speaker: Page, timeout = 30_000): Promise<void> {
  await speaker.waitForFunction(
    () => {
      const frames = [
        ...document.querySelectorAll<HTMLIFrameElement>('#current-slide iframe, #upcoming-slide iframe'),
      ];
      return (
        frames.length === 2 && frames.every((frame) => frame.contentWindow?.deckStatus?.state === 'ready')
      );
    },
    { timeout, polling: 'mutation' },
  );
}
