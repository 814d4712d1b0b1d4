import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../src/export/driver/deck-page.ts';
import { openSpeakerWindow, waitForSpeakerFrames } from '../../src/export/driver/speaker-window.ts';
import { paneChangeTimes, watchPaneChange } from '../../src/bench/pane-timing.ts';
import { serveStatic, type StaticServer } from '../../src/export/serve.ts';
import {
  contrast,
  expectedTail,
  expectPlayerTail,
  FIXTURE_SOURCE,
  fixtureSteps,
  position,
  readStaticLines,
} from './support/demo-pane.ts';
import { buildPaneFixture } from './support/demo-pane-deck.ts';
import { deckFrame } from './support/speaker-frames.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

/**
 * The demo pane in Chromium, on the built fixture deck served from a sub-path with its CSP: the
 * recorded block replays one command per press, backwards too, from the URL after a reload; the
 * toggle key; "not rehearsed yet"; quoted output; the speaker view's frames start no player.
 * What the screen must show comes from the fixture report (recorded in a real terminal).
 */
const browser = useSharedBrowser();
const LISTING = fixtureSteps('01-files/listing');
const FILES = fixtureSteps('02-more/files');

let server: StaticServer;
beforeAll(async () => {
  const dist = await buildPaneFixture('tests/.output/demo-pane-chromium');
  server = await serveStatic(dist, { basePath: '/talks/pane/' });
});
afterAll(async () => {
  await server?.close();
});

interface Watched {
  page: Page;
  problems: PageProblems;
  /** Paths requested, and whether before the deck said ready. */
  requests: { path: string; beforeReady: boolean }[];
}

/** Opens the deck at `hash` with no network beyond its origin, recording requests and CSP violations. */
async function openDeck(hash: string): Promise<Watched> {
  const { page, problems } = await openWatchedPage(browser(), originOf(server.url));
  const requests: Watched['requests'] = [];
  let ready = false;
  page.on('request', (request) =>
    requests.push({ path: new URL(request.url()).pathname, beforeReady: !ready }),
  );
  await page.exposeFunction('__paneTestReady', () => {
    ready = true;
  });
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    window.addEventListener(
      'deck:ready',
      () => void (window as unknown as { __paneTestReady(): void }).__paneTestReady(),
    );
  });
  await page.goto(`${server.url}${hash}`);
  await waitForDeck(page);
  return { page, problems, requests };
}

async function expectClean(watched: Watched): Promise<void> {
  expect(watched.problems.pageErrors).toEqual([]);
  expect(watched.problems.consoleErrors).toEqual([]);
  expect(watched.problems.foreignRequests).toEqual([]);
  expect(
    await watched.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
}

describe('the demo pane in Chromium', () => {
  it('runs one command per press and rewinds one per press back', async () => {
    const watched = await openDeck('#/listing');
    const { page } = watched;
    try {
      // Arrival: the pane is closed (its bar only) and the slide reads as written.
      expect(await page.$eval('section.present .demo-pane-bar', (bar) => bar.textContent)).toContain(
        FIXTURE_SOURCE,
      );
      expect(
        await page.$eval('section.present .demo-pane-screen', (screen) => getComputedStyle(screen).display),
      ).toBe('none');
      // The slide's own step first: still no command.
      await page.keyboard.press('ArrowRight');
      expect((await position(page)).fragment).toBe(0);
      for (let ran = 1; ran <= LISTING.length; ran += 1) {
        await page.keyboard.press('ArrowRight');
        await expect
          .poll(() => position(page), { timeout: 5000 })
          .toMatchObject({ id: 'listing', hash: `#/listing/${ran}` });
        await expectPlayerTail(page, expectedTail(LISTING, ran), `after command ${ran}`);
      }
      expect(
        await page.$eval('section.present .demo-pane', (pane) => (pane as HTMLElement).dataset.player),
      ).toBe('on');
      for (let ran = LISTING.length - 1; ran >= 0; ran -= 1) {
        await page.keyboard.press('ArrowLeft');
        await expectPlayerTail(page, expectedTail(LISTING, ran), `back to ${ran} commands`);
      }
      await expectClean(watched);
    } finally {
      await page.close();
    }
  });

  it('lands on the step in the URL after a reload', async () => {
    const watched = await openDeck('#/listing/3');
    try {
      // Fragment 3: the slide's own step and three commands.
      await expectPlayerTail(watched.page, expectedTail(LISTING, 3), 'after reload on #/listing/3');
      await watched.page.reload();
      await waitForDeck(watched.page);
      await expectPlayerTail(watched.page, expectedTail(LISTING, 3), 'after a second reload');
      await expectClean(watched);
    } finally {
      await watched.page.close();
    }
  });

  it('starts the next command within 300 ms of the press, at 20 px or more, in the bundled font, high contrast', async () => {
    const watched = await openDeck('#/listing/0');
    const { page } = watched;
    try {
      await page.waitForSelector('section.present .demo-pane[data-player="on"]');
      await watchPaneChange(page);
      await page.keyboard.press('ArrowRight');
      await expectPlayerTail(page, expectedTail(LISTING, 1), 'the first command');
      const times = await paneChangeTimes(page);
      expect(times.changed).toBeGreaterThan(0);
      expect(times.changed - times.pressed).toBeLessThan(300);

      const look = await page.evaluate(() => {
        const term = document.querySelector<HTMLElement>('section.present .ap-term')!;
        const text = document.querySelector<HTMLElement>('section.present .ap-term-text')!;
        const scale = document.querySelector('.reveal .slides')!.getBoundingClientRect().width / 1280;
        return {
          family: getComputedStyle(term).fontFamily,
          loaded: document.fonts.check(`${getComputedStyle(term).fontSize} "JetBrains Mono"`),
          screenPx: parseFloat(getComputedStyle(term).fontSize) * scale,
          color: getComputedStyle(text).color,
          background: getComputedStyle(document.querySelector('section.present .demo-pane')!).backgroundColor,
          transform: getComputedStyle(document.querySelector('section.present .demo-player')!).transform,
        };
      });
      expect(look.family).toMatch(/^"?JetBrains Mono/);
      expect(look.loaded).toBe(true);
      expect(look.screenPx).toBeGreaterThanOrEqual(20);
      expect(contrast(look.color, look.background)).toBeGreaterThanOrEqual(7);
      // Sized by its font, never by a transform of its own.
      expect(look.transform).toBe('none');
      await expectClean(watched);
    } finally {
      await page.close();
    }
  });

  it('hides the pane with D (named in the ? help) and gives the slide its room back', async () => {
    const watched = await openDeck('#/listing/4');
    const { page } = watched;
    try {
      await expectPlayerTail(page, expectedTail(LISTING, 4), 'all four commands');
      const zoomBefore = await page.$eval(
        'section.present .slide-body',
        (body) => (body as HTMLElement).style.zoom,
      );
      await page.keyboard.press('d');
      expect(await page.$eval('section.present .demo-pane', (pane) => getComputedStyle(pane).display)).toBe(
        'none',
      );
      expect(await page.evaluate(() => document.documentElement.hasAttribute('data-demo-pane-hidden'))).toBe(
        true,
      );
      // The steps stay where they were.
      expect((await position(page)).fragment).toBe(4);
      const zoomHidden = await page.$eval(
        'section.present .slide-body',
        (body) => (body as HTMLElement).style.zoom,
      );
      expect(zoomHidden).toBe('');
      await page.keyboard.press('d');
      expect(
        await page.$eval('section.present .demo-pane', (pane) => getComputedStyle(pane).display),
      ).not.toBe('none');
      expect(
        await page.$eval('section.present .slide-body', (body) => (body as HTMLElement).style.zoom),
      ).toBe(zoomBefore);
      // reveal's help (the `?` key) lists the key with the deck's own.
      await page.evaluate(() => window.Reveal.toggleHelp(true));
      await page.waitForSelector('.reveal .r-overlay-help');
      expect(await page.$eval('.reveal .r-overlay-help', (help) => help.textContent)).toMatch(
        /D\s*Show or hide the demo terminal/,
      );
      await expectClean(watched);
    } finally {
      await page.close();
    }
  });

  it('says "not rehearsed yet" where a block has no recording, and still shows its commands', async () => {
    const watched = await openDeck('#/unrehearsed');
    const { page } = watched;
    try {
      expect(await page.$eval('section.present .demo-pane-bar', (bar) => bar.textContent)).toContain(
        'not rehearsed yet',
      );
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(readStaticLines)).toEqual(['$ echo "never recorded"', '$ date -u +%Y', '$']);
      expect(await page.$('section.present .demo-terminal')).toBeNull();
      await expectClean(watched);
    } finally {
      await page.close();
    }
  });

  it('quotes what the command printed, from the recording', async () => {
    const watched = await openDeck('#/quoted');
    const { page } = watched;
    try {
      const step = FILES.find((candidate) => candidate.command === 'ls -1 work')!;
      await page.waitForFunction(
        (text) => document.querySelector('section.present .demo-output-text')?.textContent === text,
        { timeout: 10_000 },
        `$ ls -1 work\n${step.screen}`,
      );
      expect(step.screen).toBe('a.txt\nb.txt');
      await expectClean(watched);
    } finally {
      await page.close();
    }
  });

  it('loads the player and the recordings only once a recorded demo is near, never before ready', async () => {
    const watched = await openDeck('#/end');
    const { page, requests } = watched;
    const demoFiles = (path: string) => /demo-player|demo-recordings|\/listing-|\/files-/.test(path);
    try {
      // Settled: every diagram drawn, fonts loaded; the neighbour has no recording.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(requests.filter((request) => demoFiles(request.path))).toEqual([]);
      await page.evaluate(() => window.Reveal.slide(2));
      await page.waitForFunction(() =>
        document.querySelector('section.present .demo-output-text')?.textContent?.includes('a.txt'),
      );
      const loaded = requests.filter((request) => demoFiles(request.path));
      expect(loaded.some((request) => request.path.includes('demo-recordings'))).toBe(true);
      expect(loaded.every((request) => !request.beforeReady)).toBe(true);
      await expectClean(watched);
    } finally {
      await page.close();
    }
  });

  it('starts no player in the speaker view’s frames, which show the same step, and says what is next', async () => {
    const watched = await openDeck('#/listing/3');
    const { page } = watched;
    try {
      await expectPlayerTail(page, expectedTail(LISTING, 3), 'main deck at step 3');
      const speaker = await openSpeakerWindow(page);
      try {
        await waitForSpeakerFrames(speaker);
        const current = await deckFrame(speaker, 'current');
        // The frames follow the deck's next move (as in the speaker view's own tests): make one.
        await page.evaluate(() => window.Reveal.slide(1, 0, 2));
        await page.evaluate(() => window.Reveal.slide(1, 0, 3));
        await current
          .waitForFunction(() => window.Reveal.getIndices().f === 3, { timeout: 10_000 })
          .catch(async (error: unknown) => {
            throw new Error(
              `the current frame is at ${JSON.stringify(await current.evaluate(() => [window.Reveal.getIndices(), location.href, document.querySelectorAll('section.present .demo-step.visible').length]))}`,
              { cause: error },
            );
          });
        const upcoming = await deckFrame(speaker, 'upcoming');
        for (const frame of [current, upcoming]) {
          expect(
            await frame.evaluate(() => document.querySelectorAll('.ap-player, .demo-terminal').length),
          ).toBe(0);
        }
        const tail = expectedTail(LISTING, 3);
        await expect
          .poll(async () => (await current.evaluate(readStaticLines))?.slice(-tail.length), {
            timeout: 10_000,
          })
          .toEqual(tail);
        // One player in the main window, for the one block shown.
        expect(await page.evaluate(() => document.querySelectorAll('.ap-player').length)).toBe(1);
        await speaker.waitForFunction(
          (command) =>
            document.querySelector('.demo-next')?.textContent === `Next press runs 4 of 4: ${command}`,
          { timeout: 10_000 },
          LISTING[3]!.command,
        );
        expect(await speaker.$eval('.demo-pane-shows', (line) => line.textContent)).toBe(
          `The pane replays the recording from ${FIXTURE_SOURCE.replace('recorded on ', '')}.`,
        );
        await page.keyboard.press('ArrowRight');
        await speaker.waitForFunction(
          () => document.querySelector('.demo-next')?.textContent === 'All 4 commands shown.',
          {
            timeout: 10_000,
          },
        );
      } finally {
        await speaker.close();
      }
      await expectClean(watched);
    } finally {
      await page.close();
    }
  });
});
