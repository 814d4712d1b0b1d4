import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openWatchedPage, waitForDeck, type PageProblems } from '../../src/export/driver/deck-page.ts';
import { openSpeakerWindow, waitForSpeakerFrames } from '../../src/export/driver/speaker-window.ts';
import { expectedTail, expectPlayerTail, position } from './support/demo-pane.ts';
import {
  expectPane,
  LISTING,
  LIVE_ENGINE_LINE,
  liveTail,
  paneNow,
  startLivePaneRunner,
  type LivePaneRunner,
} from './support/live-pane.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

/**
 * The live pane in Chromium, on the demo pane's fixture deck served by the live runner's own
 * server: each press runs the next command in a real pseudo-terminal and the same pane shows it
 * as it runs; a command that fails makes the pane fall back to the block's recording at that
 * step; the fallback key does the same, from the deck and from the speaker view, which says so;
 * a reload meets the old session (4409) and goes live again. No engine: the fixture's commands
 * are ordinary shell commands, run by the runner's real session in bash under node-pty.
 */
const browser = useSharedBrowser();
let runner: LivePaneRunner;
beforeAll(async () => {
  runner = await startLivePaneRunner('tests/.output/live-pane');
});
afterEach(() => runner.reset());
afterAll(async () => {
  await runner?.close();
});

interface Opened {
  page: Page;
  problems: PageProblems;
}

async function openLive(): Promise<Opened> {
  const opened = await openWatchedPage(browser(), runner.server.origin);
  await opened.page.goto(`${runner.server.liveUrl}&/listing`);
  await waitForDeck(opened.page);
  // Live once the runner answered: the slide's block is made ready (step 0) before any press.
  await expect.poll(() => runner.asked.at(-1), { timeout: 10_000 }).toBe('01-files/listing 0');
  return opened;
}

/** Waits until the runner holds no session (a closed page's session ends with its shell). */
async function noSession(): Promise<void> {
  await expect.poll(() => runner.server.sessionOpen, { timeout: 10_000 }).toBe(false);
}

describe('a live demo on its slide, in Chromium', () => {
  it('runs one command per press on the runner and shows it in the pane as it runs; back shows the recording', async () => {
    runner.asked.length = 0;
    const { page, problems } = await openLive();
    try {
      // Arrival: the runner made the block's shell ready (step 0), before any command.
      expect(runner.asked).toEqual(['01-files/listing 0']);
      await page.keyboard.press('ArrowRight');
      for (let ran = 1; ran <= LISTING.length; ran += 1) {
        await page.keyboard.press('ArrowRight');
        await expectPane(page, 'live', ran);
        await expectPlayerTail(page, liveTail(ran), `live after command ${ran}`);
      }
      expect(runner.asked).toEqual([
        '01-files/listing 0',
        ...LISTING.map((_, index) => `01-files/listing ${index + 1}`),
      ]);
      expect((await page.evaluate(paneNow)).label).toBe('live on Docker Engine 0.0-test');
      // Back: the live terminal cannot rewind, the recording can. Forward again: live, nothing re-run.
      await page.keyboard.press('ArrowLeft');
      await expectPane(page, 'recording', LISTING.length - 1);
      await expectPlayerTail(page, expectedTail(LISTING, LISTING.length - 1), 'the recording, one back');
      await page.keyboard.press('ArrowRight');
      await expectPane(page, 'live', LISTING.length);
      await expectPlayerTail(page, liveTail(LISTING.length), 'live again');
      expect(runner.asked).toHaveLength(LISTING.length + 1);
      // The next slide's demo: the runner moves to that block (the running step would end).
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => runner.asked.at(-1), { timeout: 5000 }).toBe('02-more/files 0');
      // A slide without a demo: the runner is told the slide was left.
      await page.evaluate(() => window.Reveal.slide(4));
      await expect.poll(() => runner.asked.at(-1), { timeout: 5000 }).toBe('leave');
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
      await noSession();
    }
  });

  it('falls back to the recording at the same step when a command fails, and says so', async () => {
    runner.asked.length = 0;
    const { page } = await openLive();
    try {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expectPane(page, 'live', 2);
      await expectPlayerTail(page, liveTail(2), 'live after command 2');
      // Command 3 is `seq 1 30`: without seq it exits 127, and the runner falls back.
      runner.removeTool('seq');
      await page.keyboard.press('ArrowRight');
      await expectPane(page, 'recording', 3);
      await expectPlayerTail(page, expectedTail(LISTING, 3), 'the recording at command 3');
      expect((await page.evaluate(paneNow)).label).toContain('(fell back from live)');
      // The next press plays the recording's next command; the runner is asked nothing more.
      await page.keyboard.press('ArrowRight');
      await expectPane(page, 'recording', 4);
      await expectPlayerTail(page, expectedTail(LISTING, 4), 'the recording at command 4');
      expect(runner.asked).toEqual([
        '01-files/listing 0',
        '01-files/listing 1',
        '01-files/listing 2',
        '01-files/listing 3',
      ]);
    } finally {
      await page.close();
      await noSession();
    }
  });

  it('falls back on R, pressed in the speaker view, which then says the demo fell back', async () => {
    runner.asked.length = 0;
    const { page, problems } = await openLive();
    try {
      const speaker = await openSpeakerWindow(page);
      await waitForSpeakerFrames(speaker);
      const shows = () =>
        speaker.evaluate(() => {
          const line = document.querySelector<HTMLElement>('#demo-panel .demo-pane-shows');
          return { live: line?.dataset.live ?? null, text: line?.textContent ?? null };
        });
      await expect.poll(shows, { timeout: 10_000 }).toEqual({
        live: 'on',
        text: `Live on ${LIVE_ENGINE_LINE}. R falls back to the recording.`,
      });
      await page.bringToFront();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expectPane(page, 'live', 1);
      await expectPlayerTail(page, liveTail(1), 'live after command 1');
      // The speaker window hands its keys to its current-slide frame, which passes R on.
      await speaker.bringToFront();
      await speaker.keyboard.press('r');
      await expectPane(page, 'recording', 1);
      await expectPlayerTail(page, expectedTail(LISTING, 1), 'the recording at command 1');
      await expect.poll(shows, { timeout: 10_000 }).toMatchObject({
        live: 'fell-back',
        text: expect.stringMatching(
          /^Fell back: the presenter fell back to the recording at step 1\. The pane replays the recording from /,
        ),
      });
      // The runner was told to end the step; later presses ask it nothing.
      await expect.poll(() => runner.asked.at(-1), { timeout: 5000 }).toBe('leave');
      await page.bringToFront();
      await page.keyboard.press('ArrowRight');
      await expectPane(page, 'recording', 2);
      expect(runner.asked).toEqual(['01-files/listing 0', '01-files/listing 1', 'leave']);
      // The speaker view's frames are decks too (?receiver): no terminal, live or recorded, runs there.
      for (const frame of speaker.frames().filter((candidate) => candidate.url().includes('receiver'))) {
        expect(await frame.$$eval('.demo-terminal', (boxes) => boxes.length)).toBe(0);
        expect(await frame.$$eval('.demo-pane pre.demo-static', (screens) => screens.length)).toBeGreaterThan(
          0,
        );
      }
      await speaker.close();
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
      await noSession();
    }
  });

  it('after a reload, waits out the old session (4409) and runs live again', async () => {
    runner.asked.length = 0;
    const { page, problems } = await openLive();
    try {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expectPane(page, 'live', 1);
      const before = runner.sessions.length;
      // The old page's session outlives the reload by 2 s: the new page meets 4409 and waits.
      runner.closeDelayMs = 2000;
      await page.reload();
      await waitForDeck(page);
      // The deck comes back where it was (the URL keeps it): the recording, since a block starts
      // live from its beginning. Back to the slide's start, and it runs live again.
      await expect.poll(() => position(page)).toMatchObject({ id: 'listing' });
      await expect.poll(() => runner.sessions.length, { timeout: 10_000 }).toBe(before + 1);
      await page.evaluate(() => window.Reveal.slide(1, 0, -1));
      await expect.poll(() => runner.asked.at(-1), { timeout: 5000 }).toBe('01-files/listing 0');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expectPane(page, 'live', 1);
      await expectPlayerTail(page, liveTail(1), 'live after the reload');
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
      await noSession();
    }
  });
});
