import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openWatchedPage, waitForDeck } from '../../src/export/driver/deck-page.ts';
import { expectedTail, expectPlayerTail } from './support/demo-pane.ts';
import { firefoxAvailable, useSharedFirefox } from './support/firefox.ts';
import {
  expectPane,
  LISTING,
  liveTail,
  paneNow,
  startLivePaneRunner,
  type LivePaneRunner,
} from './support/live-pane.ts';

/**
 * The live pane in Firefox (WebDriver BiDi), against the same runner as in Chromium: the token
 * from the fragment, the socket from the page's own origin, one command per press shown live
 * in the pane, and R falling back to the recording at the same step.
 */
const available = firefoxAvailable(
  'Firefox browser tests: live pane (tests/browser/firefox-live-pane.test.ts)',
);

describe.skipIf(!available)('a live demo on its slide, in Firefox', () => {
  const firefox = useSharedFirefox();
  let runner: LivePaneRunner;
  beforeAll(async () => {
    runner = await startLivePaneRunner('tests/.output/live-pane-firefox');
  });
  afterEach(() => runner.reset());
  afterAll(async () => {
    await runner?.close();
  });

  it('runs one command per press on the runner, shown live in the pane, and falls back to the recording on R', async () => {
    const { page, problems } = await openWatchedPage(firefox(), runner.server.origin, { intercept: false });
    try {
      await page.goto(`${runner.server.liveUrl}&/listing`);
      await waitForDeck(page);
      await expect.poll(() => runner.asked.at(-1), { timeout: 10_000 }).toBe('01-files/listing 0');
      expect(page.url()).not.toContain('#live=');
      await page.keyboard.press('ArrowRight');
      for (let ran = 1; ran <= 2; ran += 1) {
        await page.keyboard.press('ArrowRight');
        await expectPane(page, 'live', ran);
        await expectPlayerTail(page, liveTail(ran), `live after command ${ran}`);
      }
      expect((await page.evaluate(paneNow)).label).toBe('live on Docker Engine 0.0-test');
      await page.keyboard.press('r');
      await expectPane(page, 'recording', 2);
      await expectPlayerTail(page, expectedTail(LISTING, 2), 'the recording at command 2');
      await expect.poll(() => runner.asked.at(-1), { timeout: 5000 }).toBe('leave');
      await page.keyboard.press('ArrowRight');
      await expectPane(page, 'recording', 3);
      expect(runner.asked).toEqual([
        '01-files/listing 0',
        '01-files/listing 1',
        '01-files/listing 2',
        'leave',
      ]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
