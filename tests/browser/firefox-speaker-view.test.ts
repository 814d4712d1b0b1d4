import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../src/export/driver/deck-page.ts';
import { readDiagramStates, type DiagramState } from '../../src/export/driver/diagram-state.ts';
import { waitForSpeakerFrames } from '../../src/export/driver/speaker-window.ts';
import { firefoxAvailable, useSharedFirefox } from './support/firefox.ts';
import {
  deckFrame,
  expectFramesFromCache,
  expectSpeakerShowsStepNotes,
  lastSpeakerKeyAt,
  recordSpeakerKeyTimes,
} from './support/speaker-frames.ts';

/**
 * The speaker view in Firefox, with motion as a presenter has it by default (the reduced-motion
 * side is in firefox-deck.test.ts: Firefox takes it as a preference for the whole browser).
 */
const available = firefoxAvailable(
  'Firefox browser tests: speaker view and motion (tests/browser/firefox-speaker-view.test.ts)',
);

const REOPEN_WITHIN_MS = 200;
const REOPENS = 3;

/**
 * Presses S and returns the speaker window, or null if none opened within `timeout`. Firefox
 * over WebDriver BiDi reports no `popup` event on the page: the new window arrives as the
 * browser's `targetcreated` (which `waitForTarget` listens to).
 */
async function pressSpeakerKey(browser: Browser, page: Page, timeout = 5_000): Promise<Page | null> {
  const before = new Set(browser.targets());
  const created = browser
    .waitForTarget((target) => target.type() === 'page' && !before.has(target), { timeout })
    .catch(() => null);
  await page.keyboard.press('s');
  const target = await created;
  return target ? target.page() : null;
}

/**
 * The diagram state of a frame's present slide once its parts have settled. The frames animate
 * (motion is on here), and Firefox may start a step's transitions a frame after the fragment
 * changes, when `getAnimations()` is still empty: so read until no part disagrees with the step,
 * or until `timeout`, and return the last reading either way.
 */
async function settledDiagramState(frame: Frame, timeout = 10_000): Promise<DiagramState | undefined> {
  const deadline = Date.now() + timeout;
  for (;;) {
    await frame.waitForFunction(() => document.getAnimations().length === 0, { timeout });
    const section = await frame.$('section.present');
    const [state] = await frame.evaluate(readDiagramStates, section!);
    await section?.dispose();
    if ((state && state.mismatches.length === 0) || Date.now() > deadline) return state;
    await frame.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  }
}

describe.skipIf(!available)('the speaker view in Firefox', () => {
  const firefox = useSharedFirefox();
  let page: Page;
  let problems: PageProblems;
  let speaker: Page;
  let diagramSlide: { index: number; fragments: number; diagram: string };

  beforeAll(async () => {
    const url = inject('builtUrl');
    ({ page, problems } = await openWatchedPage(firefox(), originOf(url)));
    await page.goto(url);
    await waitForDeck(page);
    await recordSpeakerKeyTimes(page);
    diagramSlide = await page.evaluate(() => {
      const slides = window.Reveal.getSlides();
      const index = slides.findIndex(
        (s) =>
          s.querySelector('figure.diagram') && s.querySelectorAll('.fragment:not(.demo-step)').length >= 2,
      );
      const section = slides[index]!;
      return {
        index,
        fragments: section.querySelectorAll('.fragment:not(.demo-step)').length,
        diagram: section.querySelector<HTMLElement>('figure.diagram')!.dataset.diagram!,
      };
    });
  });
  afterAll(async () => {
    await speaker?.close();
    await page?.close();
  });

  it('moves with slide and step transitions when the presenter has not asked for reduced motion', async () => {
    const motion = await page.evaluate(() => {
      const part = document.querySelector('figure.diagram [data-part]');
      return {
        reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
        transition: window.Reveal.getConfig().transition,
        stepDuration: part ? getComputedStyle(part).transitionDuration : '',
      };
    });
    expect(motion.reduce).toBe(false);
    expect(motion.transition).toBe('slide');
    expect(parseFloat(motion.stepDuration)).toBeGreaterThan(0);
  });

  it('opens the speaker view on S, its two frames drawing their diagrams from the cache', async () => {
    const opened = await pressSpeakerKey(firefox(), page);
    expect(opened, 'pressing S opened no speaker window').not.toBeNull();
    speaker = opened!;
    await waitForSpeakerFrames(speaker);
    await expectFramesFromCache(speaker);
  });

  it('shows the current step in the current frame, the next step in the upcoming frame, and the step’s notes', async () => {
    await page.evaluate((index) => window.Reveal.slide(index, 0, 1), diagramSlide.index);
    const current = await deckFrame(speaker, 'current');
    const upcoming = await deckFrame(speaker, 'upcoming');
    await current.waitForFunction(
      (index) => window.Reveal.getIndices().h === index && window.Reveal.getIndices().f === 1,
      { timeout: 10_000 },
      diagramSlide.index,
    );
    const currentState = await settledDiagramState(current);
    expect(currentState).toMatchObject({ diagram: diagramSlide.diagram, step: 2, mismatches: [] });
    await upcoming.waitForFunction(() => window.Reveal.getIndices().f === 2, { timeout: 10_000 });
    const upcomingState = await settledDiagramState(upcoming);
    expect(upcomingState).toMatchObject({ step: 3, mismatches: [] });

    await expectSpeakerShowsStepNotes(page, speaker);
  });

  it('drives the main deck with the arrow keys of the speaker window', async () => {
    await page.evaluate((index) => window.Reveal.slide(index, 0, -1), diagramSlide.index);
    await (
      await deckFrame(speaker, 'current')
    ).waitForFunction(
      () => window.Reveal.getIndices().f === -1 || window.Reveal.getIndices().f === undefined,
      { timeout: 10_000 },
    );
    await speaker.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (index) => window.Reveal.getIndices().h === index && window.Reveal.getIndices().f === 0,
      { timeout: 10_000 },
      diagramSlide.index,
    );
  });

  it(`opens a working speaker window when S is pressed within ${REOPEN_WITHIN_MS} ms of closing it, with one press`, async () => {
    for (let reopen = 1; reopen <= REOPENS; reopen += 1) {
      await speaker.close();
      const closedAt = Date.now();
      const opened = await pressSpeakerKey(firefox(), page);
      // When the page got the key, by its clock (the same machine's): a BiDi key press takes
      // about 150 ms to return, but the page has it some 15 ms after it is sent.
      const keyAt = await lastSpeakerKeyAt(page);
      expect(keyAt - closedAt, `reopen ${reopen}: S pressed late`).toBeLessThan(REOPEN_WITHIN_MS);
      expect(opened, `reopen ${reopen}: one press of S opened no speaker window`).not.toBeNull();
      speaker = opened!;
      await waitForSpeakerFrames(speaker);
      await speaker.waitForFunction(
        () =>
          (document.querySelector('.speaker-controls-notes .value')?.textContent?.trim().length ?? 0) > 10,
        { timeout: 10_000 },
      );
    }
  }, 60_000);

  it('logs no error and requests nothing outside its origin', () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
});
