import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../src/export/driver/deck-page.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

const browser = useSharedBrowser();

/** Per slide: what a presenter would see go wrong. */
interface SlideReport {
  id: string;
  notes: string;
  overflow: string[];
  smallText: string[];
}

async function inspectEverySlide(page: Page): Promise<SlideReport[]> {
  return page.evaluate(() => {
    const reveal = window.Reveal;
    const reports: SlideReport[] = [];
    for (let index = 0; index < reveal.getTotalSlides(); index += 1) {
      reveal.slide(index, 0, -1);
      const section = reveal.getCurrentSlide();
      const box = section.getBoundingClientRect();
      const overflow: string[] = [];
      const smallText: string[] = [];
      for (const element of section.querySelectorAll<HTMLElement>('.slide-frame *')) {
        if (element.closest('aside.notes, .diagram-steps')) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        const tolerance = 1;
        if (
          rect.left < box.left - tolerance ||
          rect.top < box.top - tolerance ||
          rect.right > box.right + tolerance ||
          rect.bottom > box.bottom + tolerance
        ) {
          overflow.push(
            `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`,
          );
        }
        if (
          element.scrollWidth > element.clientWidth + 1 &&
          getComputedStyle(element).overflowX === 'hidden'
        ) {
          overflow.push(`clipped ${element.tagName.toLowerCase()}.${element.className}`);
        }
        const isBodyText = element.matches('p:not(.text-small), li, td, th') && !element.closest('figure');
        if (isBodyText && parseFloat(getComputedStyle(element).fontSize) < 28) {
          smallText.push(`${element.tagName.toLowerCase()}: ${element.textContent?.slice(0, 40)}`);
        }
      }
      reports.push({
        id: section.id,
        notes: section.querySelector(':scope > aside.notes')?.textContent?.trim() ?? '',
        overflow,
        smallText,
      });
    }
    return reports;
  });
}

function expectNoProblems(problems: PageProblems): void {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
}

describe.each([
  ['built deck', () => inject('builtUrl')],
  ['dev server', () => inject('devUrl')],
  ['built deck from a sub-path', () => inject('builtSubPathUrl')],
])('%s', (_name, urlOf) => {
  let page: Page;
  let problems: PageProblems;
  let reports: SlideReport[];

  beforeAll(async () => {
    const url = urlOf();
    ({ page, problems } = await openWatchedPage(browser(), originOf(url)));
    await page.goto(url);
    await waitForDeck(page);
    reports = await inspectEverySlide(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('becomes ready with reveal.js as window.Reveal and every slide rendered', async () => {
    const state = await page.evaluate(() => ({
      ready: window.Reveal.isReady(),
      total: window.Reveal.getTotalSlides(),
      attribute: document.documentElement.dataset.deckState,
    }));
    expect(state).toEqual({ ready: true, total: reports.length, attribute: 'ready' });
    expect(reports.length).toBeGreaterThanOrEqual(4);
  });

  it('has speaker notes in the DOM for every slide', () => {
    for (const report of reports) expect(report.notes.length, report.id).toBeGreaterThan(40);
  });

  it('keeps every slide inside the 1280x720 slide box', () => {
    expect(reports.filter((report) => report.overflow.length > 0)).toEqual([]);
  });

  it('sets body text at 28px or more at the design size', () => {
    expect(reports.filter((report) => report.smallText.length > 0)).toEqual([]);
  });

  it('logs no error and requests nothing outside its origin', () => {
    expectNoProblems(problems);
  });
});

describe('presenting', () => {
  it('keeps the current slide across a reload (hash navigation)', async () => {
    const url = inject('builtUrl');
    const { page, problems } = await openWatchedPage(browser(), originOf(url));
    // The talk's own slides: the fourth by its id, then back to the second.
    await page.goto(url);
    await waitForDeck(page);
    const [second, fourth] = await page.evaluate(() => [
      window.Reveal.getSlides()[1]!.id,
      window.Reveal.getSlides()[3]!.id,
    ]);
    await page.goto(`${url}#/${fourth}`);
    await page.reload();
    await waitForDeck(page);
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide().id)).toBe(fourth);
    // Back to slide 2 shows its fragments, as reveal.js does when going backwards.
    await page.evaluate(() => window.Reveal.slide(1));
    await page.waitForFunction((id) => location.hash.startsWith(`#/${id}`), {}, second);
    const before = await page.evaluate(() => window.Reveal.getIndices());
    await page.reload();
    await waitForDeck(page);
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide().id)).toBe(second);
    expect(await page.evaluate(() => window.Reveal.getIndices())).toEqual(before);
    expectNoProblems(problems);
    await page.close();
  });

  it('is configured for presenting: numbers, progress, notes plugin, 16:9 design size', async () => {
    const url = inject('builtUrl');
    const { page } = await openWatchedPage(browser(), originOf(url));
    await page.goto(url);
    await waitForDeck(page);
    const config = await page.evaluate(() => {
      const c = window.Reveal.getConfig();
      return {
        width: c.width,
        height: c.height,
        hash: c.hash,
        slideNumber: c.slideNumber,
        progress: c.progress,
        overview: c.overview,
        help: c.help,
        notes: window.Reveal.hasPlugin('notes'),
        progressShown: getComputedStyle(document.querySelector('.reveal .progress')!).display !== 'none',
      };
    });
    expect(config).toEqual({
      width: 1280,
      height: 720,
      hash: true,
      slideNumber: 'c/t',
      progress: true,
      overview: true,
      help: true,
      notes: true,
      progressShown: true,
    });
    await page.close();
  });

  it('does what the README says of F, B and ?: fullscreen, blank screen, keyboard help', async () => {
    const url = inject('builtUrl');
    const { page, problems } = await openWatchedPage(browser(), originOf(url));
    await page.goto(url);
    await waitForDeck(page);
    await page.bringToFront();
    const blanked = () =>
      page.evaluate(() => {
        const overlay = document.querySelector('.pause-overlay');
        const box = overlay?.getBoundingClientRect();
        return {
          paused: window.Reveal.isPaused(),
          covers: Boolean(
            overlay &&
            box!.width >= window.innerWidth &&
            box!.height >= window.innerHeight &&
            getComputedStyle(overlay).visibility === 'visible' &&
            getComputedStyle(overlay).opacity === '1',
          ),
        };
      });

    await page.keyboard.press('b');
    await page.waitForFunction(() => window.Reveal.isPaused());
    await page.waitForFunction(() => document.getAnimations().length === 0);
    expect(await blanked()).toEqual({ paused: true, covers: true });
    await page.keyboard.press('b');
    await page.waitForFunction(() => !window.Reveal.isPaused());
    expect((await blanked()).paused).toBe(false);

    // `?` is Shift and the / key, as on a keyboard.
    await page.keyboard.down('Shift');
    await page.keyboard.press('?');
    await page.keyboard.up('Shift');
    await page.waitForSelector('.r-overlay-help, .reveal-overlay-help', { visible: true, timeout: 5_000 });
    const help = await page.$eval(
      '.r-overlay-help, .reveal-overlay-help',
      (element) => element.textContent ?? '',
    );
    expect(help).toMatch(/Speaker notes view/);
    expect(help).toMatch(/fullscreen/i);
    expect(help).toMatch(/Pause/i);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.r-overlay-help, .reveal-overlay-help'));

    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null, { timeout: 5_000 });
    expect(
      await page.evaluate(() =>
        document.fullscreenElement?.contains(document.querySelector('.reveal .slides')),
      ),
    ).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });
});
