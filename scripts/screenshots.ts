/**
 * Screenshots of every slide and every step, to look at: `npm run screenshots -- [url] [outDir]`.
 * Default url: the dev server; default folder: tests/.output/screenshots.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../src/export/launch.ts';
import { waitForDeck } from '../src/export/driver/deck-page.ts';

const [url = 'http://127.0.0.1:5173/', outDir = 'tests/.output/screenshots'] = process.argv.slice(2);
await mkdir(outDir, { recursive: true });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  // No transitions: each screenshot shows the settled state without waiting.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(url);
  await waitForDeck(page);
  const total = await page.evaluate(() => window.Reveal.getTotalSlides());
  for (let index = 0; index < total; index += 1) {
    await page.evaluate((h) => window.Reveal.slide(h, 0, -1), index);
    let stepIndex = 0;
    for (;;) {
      const id = await page.evaluate(() => window.Reveal.getCurrentSlide().id);
      const file = join(outDir, `${String(index + 1).padStart(2, '0')}-${id}-${stepIndex}.png`);
      await page.screenshot({ path: file });
      console.log(file);
      const moved = await page.evaluate(() => window.Reveal.nextFragment());
      if (!moved) break;
      stepIndex += 1;
    }
  }
} finally {
  await browser.close();
}
