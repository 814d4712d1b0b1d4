import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../src/export/driver/deck-page.ts';
import { waitForSpeakerFrames } from '../../src/export/driver/speaker-window.ts';
import { serveStatic, type StaticServer } from '../../src/export/serve.ts';
import {
  contrast,
  expectedTail,
  expectPlayerTail,
  fixtureSteps,
  position,
  readStaticLines,
} from './support/demo-pane.ts';
import { buildPaneFixture } from './support/demo-pane-deck.ts';
import { firefoxAvailable, useSharedFirefox } from './support/firefox.ts';
import { deckFrame } from './support/speaker-frames.ts';

/**
 * The demo pane in Firefox (WebDriver BiDi), on the built fixture deck from a sub-path: the same
 * steps forward and back as in Chromium, the step after a reload, the font and its size, the
 * toggle, and the speaker view's frames with no player of their own.
 */
const available = firefoxAvailable(
  'Firefox browser tests: demo pane (tests/browser/firefox-demo-pane.test.ts)',
);
const LISTING = fixtureSteps('01-files/listing');

/** S opens the speaker window; Firefox reports it as a new target, not as a popup event. */
async function openSpeaker(browser: Browser, page: Page): Promise<Page> {
  const before = new Set(browser.targets());
  const created = browser.waitForTarget((target) => target.type() === 'page' && !before.has(target), {
    timeout: 10_000,
  });
  await page.keyboard.press('s');
  const speaker = await (await created).page();
  if (!speaker) throw new Error('pressing S opened no speaker window');
  return speaker;
}

describe.skipIf(!available)('the demo pane in Firefox', () => {
  const firefox = useSharedFirefox();
  let server: StaticServer;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    const dist = await buildPaneFixture('tests/.output/demo-pane-firefox');
    server = await serveStatic(dist, { basePath: '/talks/pane/' });
    ({ page, problems } = await openWatchedPage(firefox(), originOf(server.url), { intercept: false }));
    await page.goto(`${server.url}#/listing`);
    await waitForDeck(page);
  });
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });

  it('runs one command per press and rewinds one per press back', async () => {
    await page.keyboard.press('ArrowRight');
    for (let ran = 1; ran <= LISTING.length; ran += 1) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => position(page), { timeout: 5000 }).toMatchObject({ hash: `#/listing/${ran}` });
      await expectPlayerTail(page, expectedTail(LISTING, ran), `after command ${ran}`);
    }
    for (let ran = LISTING.length - 1; ran >= 0; ran -= 1) {
      await page.keyboard.press('ArrowLeft');
      await expectPlayerTail(page, expectedTail(LISTING, ran), `back to ${ran} commands`);
    }
  });

  it('lands on the step in the URL after a reload, in the bundled font at 20 px or more', async () => {
    await page.goto(`${server.url}#/listing/3`);
    await page.reload();
    await waitForDeck(page);
    await expectPlayerTail(page, expectedTail(LISTING, 3), 'after reload on #/listing/3');
    const look = await page.evaluate(() => {
      const term = document.querySelector<HTMLElement>('section.present .ap-term')!;
      const scale = document.querySelector('.reveal .slides')!.getBoundingClientRect().width / 1280;
      return {
        family: getComputedStyle(term).fontFamily,
        loaded: document.fonts.check(`${getComputedStyle(term).fontSize} "JetBrains Mono"`),
        screenPx: parseFloat(getComputedStyle(term).fontSize) * scale,
        color: getComputedStyle(document.querySelector('section.present .ap-term-text')!).color,
        background: getComputedStyle(document.querySelector('section.present .demo-pane')!).backgroundColor,
      };
    });
    expect(look.family).toMatch(/^"?JetBrains Mono/);
    expect(look.loaded).toBe(true);
    expect(look.screenPx).toBeGreaterThanOrEqual(20);
    expect(contrast(look.color, look.background)).toBeGreaterThanOrEqual(7);
  });

  it('hides the pane with D and shows it again', async () => {
    await page.keyboard.press('d');
    expect(await page.$eval('section.present .demo-pane', (pane) => getComputedStyle(pane).display)).toBe(
      'none',
    );
    await page.keyboard.press('d');
    expect(await page.$eval('section.present .demo-pane', (pane) => getComputedStyle(pane).display)).not.toBe(
      'none',
    );
  });

  it('starts no player in the speaker view’s frames, which show the same step', async () => {
    const speaker = await openSpeaker(firefox(), page);
    try {
      await waitForSpeakerFrames(speaker);
      await page.evaluate(() => window.Reveal.slide(1, 0, 2));
      await page.evaluate(() => window.Reveal.slide(1, 0, 3));
      const current = await deckFrame(speaker, 'current');
      await current
        .waitForFunction(() => window.Reveal.getIndices().f === 3, { timeout: 10_000 })
        .catch(async (error: unknown) => {
          const where = await current.evaluate(() => [window.Reveal.getIndices(), location.hash]);
          throw new Error(`the current frame is at ${JSON.stringify(where)}`, { cause: error });
        });
      for (const which of ['current', 'upcoming'] as const) {
        const frame = await deckFrame(speaker, which);
        expect(
          await frame.evaluate(() => document.querySelectorAll('.ap-player, .demo-terminal').length),
        ).toBe(0);
      }
      const tail = expectedTail(LISTING, 3);
      await expect
        .poll(async () => (await current.evaluate(readStaticLines))?.slice(-tail.length), { timeout: 10_000 })
        .toEqual(tail);
      expect(await page.evaluate(() => document.querySelectorAll('.ap-player').length)).toBe(1);
    } finally {
      await speaker.close();
    }
    expect(problems.pageErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
});
