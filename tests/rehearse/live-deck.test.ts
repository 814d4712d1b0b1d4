import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWatchedPage, startBrowser, waitForDeck } from '../../src/export/driver/deck-page.ts';
import { startPresentation, type Presentation } from '../../src/live/runner.ts';
import { loadDemoScripts } from '../../src/rehearse/demo-files.ts';
import { readEngineState } from '../../src/rehearse/engine-state.ts';
import { runRehearsal } from '../../src/rehearse/run-rehearsal.ts';
import { readPlayerLines } from '../browser/support/demo-pane.ts';
import { buildFixtureDeck } from '../browser/support/demo-pane-deck.ts';
import { paneNow } from '../browser/support/live-pane.ts';
import { ensureTalkImages, rehearsalEngines } from '../support/docker-engine.ts';
import { expectLiveClaimsHold } from '../support/live-claims.ts';
import {
  startThrowawayEngine,
  throwawayEngineAvailable,
  type ThrowawayEngine,
} from '../support/throwaway-engine.ts';

/**
 * `npm run present -- --live` as the presenter meets it, in a real Chromium against a real
 * engine: a demo of the talk runs on its slide, one command per press, in the slide's pane, and
 * what the pane showed holds the rehearsal's claims for that block; and with the engine stopped
 * mid-block, the pane switches by itself to the block's recording at the same step.
 *
 * Here, not with the browser tests: the demos create network interfaces, which make Chromium
 * drop page loads running beside them (ERR_NETWORK_CHANGED).
 */
const engines = await rehearsalEngines();
const OUTPUT = resolve('tests/.output');
const DATA_BLOCK = '03-containers/data';
/** The fixture deck whose one block only asks the engine (its recording is rehearsed here). */
const ENGINE_FIXTURE = 'tests/fixtures/decks/live-engine';

let browser: Browser | undefined;
/** The talk's deck, built once for every engine. */
let talkDeck: Promise<string> | undefined;
beforeAll(async () => {
  if (engines.length > 0) browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The talk's deck, as `npm run build` makes it. */
async function buildTalk(): Promise<string> {
  const dist = join(OUTPUT, 'live-deck-talk');
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true },
  });
  return dist;
}

/** Presses the clicker until the pane has run `ran` commands (the slide's own steps come first). */
async function pressTo(page: Page, ran: number): Promise<void> {
  for (let press = 0; press < 6; press += 1) {
    await page.keyboard.press('ArrowRight');
    const now = await expect
      .poll(() => page.evaluate(paneNow), { timeout: 2000, interval: 50 })
      .toMatchObject({ ran: String(ran) })
      .then(
        () => true,
        () => false,
      );
    if (now) return;
  }
  throw new Error(
    `six presses did not bring the pane to command ${ran}: ${JSON.stringify(await page.evaluate(paneNow))}`,
  );
}

/** The pane's screen once it stops changing: two reads 300 ms apart agree. */
async function settledScreen(page: Page): Promise<string[]> {
  let last: string[] | null = null;
  for (;;) {
    await new Promise((done) => setTimeout(done, 300));
    const lines = (await page.evaluate(readPlayerLines)) ?? [];
    if (last && JSON.stringify(last) === JSON.stringify(lines)) return lines;
    last = lines;
  }
}

/** What `command` printed, from a screen: the rows after its typed line (wrapped at 96 columns). */
function outputOnScreen(lines: readonly string[], command: string): string {
  const typed = `$ ${command}`;
  const rows: string[] = [];
  for (let at = 0; at < typed.length; at += 96) rows.push(typed.slice(at, at + 96).trimEnd());
  for (let index = lines.length - rows.length; index >= 0; index -= 1) {
    if (!rows.every((row, offset) => lines[index + offset] === row)) continue;
    const printed = lines.slice(index + rows.length);
    // A recording ends a step at the next prompt; the live terminal types the prompt with the next command.
    if (printed.at(-1) === '$') printed.pop();
    return printed.join('\n').trim();
  }
  throw new Error(`the screen does not show "${typed}":\n${lines.join('\n')}`);
}

describe.skipIf(engines.length === 0).each(engines)(
  'the talk live on its slide, on $label',
  ({ env, engine }) => {
    let dist: string;
    beforeAll(async () => {
      // The block runs alpine:3.24: a stand-in (cached by content) where no registry can be reached.
      await ensureTalkImages(engine, ['alpine:3.24']);
      dist = await (talkDeck ??= buildTalk());
    });

    it(`runs ${DATA_BLOCK} on its slide, a command per press, and what the pane showed holds the block's claims`, async () => {
      const block = loadDemoScripts()
        .flatMap(({ script }) => script.blocks)
        .find((candidate) => candidate.id === DATA_BLOCK)!;
      const commands = block.commands.map((command) => command.text);
      const before = await readEngineState(engine.docker);
      const log: string[] = [];
      let presentation: Presentation | undefined;
      let page: Page | undefined;
      try {
        presentation = await startPresentation({
          distDir: dist,
          live: true,
          env,
          port: 0,
          typingDelayMs: 0,
          log: (line) => log.push(line),
        });
        const opened = await openWatchedPage(browser!, presentation.server.origin);
        page = opened.page;
        await page.goto(`${presentation.server.liveUrl}&/${block.slideId}`);
        await waitForDeck(page);
        // Live once the runner answered: the pane's source on arrival.
        await expect
          .poll(() => page!.evaluate(paneNow), { timeout: 10_000 })
          .toMatchObject({ source: 'live', ran: '0' });
        const outputs = new Map<number, string>();
        for (let step = 1; step <= commands.length; step += 1) {
          await pressTo(page, step);
          await expect
            .poll(() => log.find((line) => line.startsWith(`live  ${DATA_BLOCK} step ${step}: `)), {
              timeout: 120_000,
              interval: 100,
            })
            .toMatch(/ → exit 0 \(/);
          expect((await page.evaluate(paneNow)).source, `step ${step} shows live`).toBe('live');
          outputs.set(step, outputOnScreen(await settledScreen(page), commands[step - 1]!));
        }
        expect((await page.evaluate(paneNow)).label).toBe(`live on Docker Engine ${engine.version}`);
        expect(log.filter((line) => line.includes('falling back'))).toEqual([]);
        // The rehearsal's claims for this block, fed what the pane showed at each step.
        await expectLiveClaimsHold(DATA_BLOCK, commands, outputs, engine, 2);
        expect(opened.problems.pageErrors).toEqual([]);
        expect(opened.problems.consoleErrors).toEqual([]);
      } finally {
        await page?.close();
        const problems = await presentation?.stop();
        expect(problems).toEqual([]);
      }
      const after = await readEngineState(engine.docker);
      expect([...after.containers].filter((id) => !before.containers.has(id))).toEqual([]);
      expect([...after.volumes].filter((name) => !before.volumes.has(name))).toEqual([]);
    });
  },
);

describe.skipIf(engines.length === 0 || !throwawayEngineAvailable())('the engine stops mid-block', () => {
  let throwaway: ThrowawayEngine;
  let dist: string;
  let work: string;
  let report: string;
  beforeAll(async () => {
    throwaway = await startThrowawayEngine();
    work = mkdtempSync(join(tmpdir(), 'docker-talk-live-deck-'));
    // The block's recording, made by the rehearsal itself on a shared engine (never committed:
    // a recording belongs to the machine that rehearsed), then built into the fixture deck.
    const rehearsalDir = join(work, 'rehearsal');
    const outcome = await runRehearsal(
      { offline: true, examplesDir: ENGINE_FIXTURE, rehearsalDir },
      { line: () => undefined },
      new AbortController().signal,
      engines[0]!.env,
    );
    expect(outcome.failures).toEqual([]);
    report = join(rehearsalDir, 'report.json');
    dist = await buildFixtureDeck(ENGINE_FIXTURE, report, join(OUTPUT, 'live-deck-engine-fixture'));
  });
  afterAll(() => {
    throwaway?.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it("the pane switches to the block's recording at the step the engine stopped answering, and says so", async () => {
    const recorded = JSON.parse(readFileSync(report, 'utf8')) as {
      engines: Record<string, { blocks: { steps: { command: string; screen: string }[] }[] }>;
    };
    const steps = Object.values(recorded.engines)[0]!.blocks[0]!.steps;
    const log: string[] = [];
    const presentation = await startPresentation({
      distDir: dist,
      live: true,
      examplesDir: ENGINE_FIXTURE,
      env: throwaway.env,
      port: 0,
      typingDelayMs: 0,
      log: (line) => log.push(line),
    });
    const opened = await openWatchedPage(browser!, presentation.server.origin);
    const { page } = opened;
    try {
      await page.goto(`${presentation.server.liveUrl}&/engine`);
      await waitForDeck(page);
      await expect
        .poll(() => page.evaluate(paneNow), { timeout: 10_000 })
        .toMatchObject({ source: 'live', ran: '0' });
      await pressTo(page, 1);
      await expect
        .poll(() => log.find((line) => line.startsWith('live  01-engine/engine step 1: ')), {
          timeout: 60_000,
        })
        .toMatch(/ → exit 0 \(/);
      // The throwaway engine is Debian's 20.10: the live screen says so.
      expect(outputOnScreen(await settledScreen(page), steps[0]!.command)).toMatch(/^server 20\.10\./);

      // The engine goes away, mid-block; the next press cannot reach it.
      await throwaway.kill();
      await pressTo(page, 2);
      await expect
        .poll(() => page.evaluate(paneNow), { timeout: 30_000, interval: 100 })
        .toMatchObject({ source: 'recording', ran: '2' });
      // The recording's screen at step 2 (made by the rehearsal on a shared engine), not the live one.
      expect(outputOnScreen(await settledScreen(page), steps[1]!.command)).toBe(steps[1]!.screen);
      expect((await page.evaluate(paneNow)).label).toMatch(/^recorded on .*\(fell back from live\)$/);
      expect(log).toContainEqual(
        `live  01-engine/engine step 2: falling back to the recording: engine not answering (no answer from ${throwaway.host})`,
      );
      // The next press replays the recording's next command; the runner runs nothing more.
      await pressTo(page, 3);
      await expect
        .poll(async () => outputOnScreen(await settledScreen(page), steps[2]!.command), { timeout: 10_000 })
        .toBe(steps[2]!.screen);
      expect(log.filter((line) => line.startsWith('live  01-engine/engine step 3'))).toEqual([]);
      expect(opened.problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
      // The engine is gone: its cleanup can only report that.
      await presentation.stop();
    }
  });
});
