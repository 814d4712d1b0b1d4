import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumArgs, launchBrowser, offlineArgs } from '../../src/export/launch.ts';
import { supportTranspiledCallbacks, waitForDeck } from '../../src/export/driver/deck-page.ts';
import { openSpeakerWindow, waitForSpeakerFrames } from '../../src/export/driver/speaker-window.ts';
import { loadTalk } from './support/talk.ts';

/**
 * A browser that can reach nothing but loopback: every other host name fails to resolve, in
 * every window and frame (request interception would not cover the speaker view's popup).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({
    args: [...chromiumArgs(), ...offlineArgs()],
  });
});
afterAll(async () => {
  await browser?.close();
});

async function openOffline(url: string): Promise<{ page: Page; failures: string[]; errors: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await supportTranspiledCallbacks(page);
  const failures: string[] = [];
  const errors: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await waitForDeck(page);
  return { page, failures, errors };
}

describe.each([
  ['from the root', () => inject('builtUrl')],
  ['from a sub-path', () => inject('builtSubPathUrl')],
])('the built deck with no network, served %s', (_where, urlOf) => {
  it('presents every slide and opens a working speaker view', async () => {
    const { page, failures, errors } = await openOffline(urlOf());
    const visited = await page.evaluate(() => {
      const ids: string[] = [];
      for (let index = 0; index < window.Reveal.getTotalSlides(); index += 1) {
        window.Reveal.slide(index);
        ids.push(window.Reveal.getCurrentSlide().id);
      }
      return ids;
    });
    // Every slide of the talk, in the order slides/index.ts gives (unique ids alone hold for any deck).
    expect(visited).toEqual((await loadTalk()).slides.map((slide) => slide.id));
    const speaker = await openSpeakerWindow(page);
    const speakerFailures: string[] = [];
    speaker.on('requestfailed', (request) => speakerFailures.push(request.url()));
    await waitForSpeakerFrames(speaker);
    expect(failures).toEqual([]);
    expect(speakerFailures).toEqual([]);
    expect(errors).toEqual([]);
    await speaker.close();
    await page.close();
  });
});
