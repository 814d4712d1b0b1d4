import type { Page } from 'puppeteer-core';
import type { DeckTheme } from '../../deck/types.ts';
import { PNG_SIZE } from '../png.ts';
import { waitForDeck } from './deck-page.ts';

/**
 * The deck as the room sees it, without reveal's controls, progress bar and slide number, every
 * fragment shown (reveal's `fragments=false`: each slide in its final step), no transitions, and
 * the slide filling the window (no margin).
 */
const PICTURE_VIEW =
  'fragments=false&controls=false&progress=false&slideNumber=false&transition=none&backgroundTransition=none&margin=0';

/**
 * Takes one picture per slide, at PNG_SIZE: the 1280x720 design size at a device scale of 1.5,
 * so the layout is the one the slides were designed at (not reveal's scaling) and text stays
 * sharp. Each picture goes to `onPicture` as soon as it is taken (to be written and checked).
 */
export async function captureSlidePngs(
  page: Page,
  url: string,
  theme: DeckTheme | null,
  onPicture: (index: number, png: Uint8Array) => Promise<void>,
): Promise<number> {
  await page.emulateMediaType('screen');
  // Steps show at once, with no transition to catch half-way.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  const scale = PNG_SIZE.width / 1280;
  await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: scale });
  await page.goto(`${url}?${PICTURE_VIEW}${theme ? `&theme=${theme}` : ''}`, { waitUntil: 'load' });
  await waitForDeck(page, 60_000);
  const total = await page.evaluate(() => window.Reveal.getTotalSlides());
  const pending: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    await page.evaluate(async (slide) => {
      window.Reveal.slide(slide, 0);
      const section = window.Reveal.getCurrentSlide();
      await Promise.all(
        [...section.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)),
      );
      await document.fonts.ready;
      // Two frames: the slide is laid out and painted.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }, index);
    const png = await page.screenshot({ type: 'png' });
    const written = onPicture(index, png);
    // Awaited below, with the others; a failure must not count as unhandled meanwhile.
    written.catch(() => undefined);
    pending.push(written);
  }
  await Promise.all(pending);
  return total;
}
