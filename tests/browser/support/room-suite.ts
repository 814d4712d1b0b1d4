import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import addressConfig from '../../fixtures/decks/with-address/deck.ts';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../../src/export/driver/deck-page.ts';
import {
  decodeQrInPng,
  expectShows,
  openSpeaker,
  readAddress,
  readTheme,
  speakerFrames,
  waitForTheme,
  type Theme,
} from './room.ts';

/**
 * The address the fixture deck's config gives: what every QR code must decode to. The talk's
 * own config sets none until it has a page, so the codes are read from the fixture.
 */
const CONFIGURED_URL = addressConfig.url;

/** A QR code big enough to scan from the middle of the room: this share of the slide's height. */
const MIN_QR_SHARE = 0.15;

/** Each diagram's drawn geometry and label size: what a theme must not change. */
function readDiagramGeometry() {
  return [...document.querySelectorAll<SVGSVGElement>('.slides figure.diagram svg')].map((svg) => {
    const label = svg.querySelector('.nodeLabel');
    return {
      diagram: svg.closest<HTMLElement>('figure')?.dataset.diagram,
      viewBox: svg.getAttribute('viewBox'),
      labelSize: label ? getComputedStyle(label).fontSize : null,
      labelWidth: label ? Math.round(label.getBoundingClientRect().width) : null,
    };
  });
}

/**
 * The theme switch and the slides' address, as the room sees them, in the browser `browser`
 * gives (one per test file: Chromium or Firefox): by URL, live with T (named in reveal's `?`
 * help), followed by the speaker view's frames both ways, diagrams unchanged in size; the talk,
 * which sets no address, drawing no QR code; and the QR code on the title and last slides of a
 * deck that sets one (the address fixture) decoded back to its address, in both themes.
 */
export function describeThemeAndAddress(browser: () => Browser): void {
  let url: string;
  let addressUrl: string;
  let page: Page;
  let problems: PageProblems;
  let speaker: Page | undefined;

  const open = async (query = '', deckUrl = url): Promise<{ page: Page; problems: PageProblems }> => {
    const opened = await openWatchedPage(browser(), originOf(deckUrl));
    await opened.page.goto(`${deckUrl}${query}`);
    await waitForDeck(opened.page);
    return opened;
  };

  beforeAll(async () => {
    url = inject('builtUrl');
    addressUrl = inject('addressBuiltUrl');
    ({ page, problems } = await open());
  });
  afterAll(async () => {
    await speaker?.close();
    await page?.close();
  });

  it('has an address configured in the fixture to test against', () => {
    expect(CONFIGURED_URL).toMatch(/^https:\/\//);
  });

  it('draws no QR code and no address on any slide of the talk, which sets no address', async () => {
    const total = await page.evaluate(() => window.Reveal.getTotalSlides());
    expect(total).toBeGreaterThan(2);
    expect(await page.$$eval('.slide-address, .slide-address-qr', (found) => found.length)).toBe(0);
    for (const index of [0, total - 1]) {
      await page.evaluate((slide) => window.Reveal.slide(slide, 0), index);
      expect(await page.evaluate(readAddress), `slide ${index + 1}`).toBeNull();
    }
    await page.evaluate(() => window.Reveal.slide(0, 0));
  });

  it('opens in the light theme, the URL naming none', async () => {
    await expectShows(page, 'light', 'main deck');
    expect((await page.evaluate(readTheme)).query).toBeNull();
  });

  it('names the theme key in the ? help', async () => {
    await page.bringToFront();
    // `?` is Shift and the / key, as on a keyboard.
    await page.keyboard.down('Shift');
    await page.keyboard.press('?');
    await page.keyboard.up('Shift');
    const help = await page.waitForSelector('.r-overlay-help, .reveal-overlay-help', {
      visible: true,
      timeout: 5_000,
    });
    // The key and what it does, in one row of the help's table.
    const rows = await help!.evaluate((element) =>
      [...element.querySelectorAll('tr')].map((row) =>
        [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
    await page.keyboard.press('Escape');
    expect(rows).toContainEqual(['T', 'Switch light / dark theme']);
    await page.waitForFunction(() => !document.querySelector('.r-overlay-help, .reveal-overlay-help'));
  });

  it('switches to dark and back live with T, diagrams following at the same size, the URL keeping it', async () => {
    const light = await page.evaluate(readDiagramGeometry);
    expect(light.length).toBeGreaterThan(0);
    await page.keyboard.press('t');
    await expectShows(page, 'dark', 'after T');
    expect((await page.evaluate(readTheme)).query).toBe('dark');
    expect(await page.evaluate(readDiagramGeometry)).toEqual(light);
    await page.keyboard.press('t');
    await expectShows(page, 'light', 'after T again');
    expect((await page.evaluate(readTheme)).query).toBe('light');
    await page.keyboard.press('t');
    await expectShows(page, 'dark', 'after a third T');
  });

  it('opens the speaker view in the theme shown, and its frames follow T pressed in either window', async () => {
    speaker = await openSpeaker(browser(), page);
    const frames = await speakerFrames(speaker);
    for (const [index, frame] of frames.entries()) await expectShows(frame, 'dark', `frame ${index}`);
    // The frames took their diagrams from the cache: one drawing serves both themes.
    for (const frame of frames) {
      expect((await frame.evaluate(() => window.deckStatus)).diagramsDrawn).toBe(0);
    }

    await page.bringToFront();
    await page.keyboard.press('t');
    await expectShows(page, 'light', 'main deck after T');
    for (const [index, frame] of frames.entries())
      await expectShows(frame, 'light', `frame ${index} after T`);

    // T in the speaker window: it goes to the current frame, which switches everyone.
    await speaker.bringToFront();
    await speaker.keyboard.press('t');
    for (const [index, frame] of frames.entries())
      await expectShows(frame, 'dark', `frame ${index} after T in the speaker window`);
    await expectShows(page, 'dark', 'main deck after T in the speaker window');
    await speaker.close();
    speaker = undefined;
  });

  it.each(['light', 'dark'] as const)(
    'opens in the %s theme from ?theme= in the URL',
    async (theme: Theme) => {
      const opened = await open(`?theme=${theme}`);
      try {
        await waitForTheme(opened.page, theme);
        await expectShows(opened.page, theme, `?theme=${theme}`);
        expect(opened.problems.pageErrors).toEqual([]);
      } finally {
        await opened.page.close();
      }
    },
  );

  it.each(['light', 'dark'] as const)(
    'draws a vector QR code of the address on the title and last slides of a deck that sets one, %s, that decodes back to it',
    async (theme: Theme) => {
      const opened = await open(`?theme=${theme}`, addressUrl);
      try {
        const total = await opened.page.evaluate(() => window.Reveal.getTotalSlides());
        const withAddress: number[] = [];
        for (let index = 0; index < total; index += 1) {
          await opened.page.evaluate((slide) => window.Reveal.slide(slide, 0), index);
          const address = await opened.page.evaluate(readAddress);
          if (!address) continue;
          withAddress.push(index);
          expect(address.href, `slide ${index + 1}`).toBe(CONFIGURED_URL);
          expect(address.qrShareOfSlide, `slide ${index + 1}`).toBeGreaterThanOrEqual(MIN_QR_SHARE);
          expect(address.vector, `slide ${index + 1}`).toBe(true);
          expect(address.text.replace(/\s+/g, '')).toBe(
            CONFIGURED_URL!.replace(/^https:\/\//, '').replace(/\/$/, ''),
          );
          // Once the slide has moved in: what a phone in the room sees.
          await opened.page.waitForFunction(() => document.getAnimations().length === 0);
          const picture = await opened.page.screenshot({ type: 'png' });
          expect(decodeQrInPng(picture), `slide ${index + 1}`).toBe(CONFIGURED_URL);
        }
        expect(withAddress).toEqual([0, total - 1]);
        expect(opened.problems.pageErrors).toEqual([]);
        expect(opened.problems.consoleErrors).toEqual([]);
      } finally {
        await opened.page.close();
      }
    },
  );

  it('logs no error and requests nothing outside its origin', () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
}
