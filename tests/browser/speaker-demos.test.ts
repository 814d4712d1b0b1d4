import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TimeoutError, type Page } from 'puppeteer-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDeckViteConfig } from '../../src/build/deck-vite-config.ts';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../src/export/driver/deck-page.ts';
import { openSpeakerWindow, waitForSpeakerFrames } from '../../src/export/driver/speaker-window.ts';
import { loadDemoScripts } from '../../src/rehearse/demo-files.ts';
import type { EngineReport, RehearsalReport } from '../../src/rehearse/report.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

/**
 * The speaker view's demo panel: the commands of the current slide's demo blocks, a copy button
 * and a digit key for each, the rehearsal status, and the "demo next" mark. Expected commands
 * are read from the scripts themselves; expected statuses are written here.
 */
const browser = useSharedBrowser();
beforeAll(() => {
  mkdirSync(OUTPUT, { recursive: true });
});

const FIXTURE = 'tests/fixtures/decks/demo-commands';
const OUTPUT = resolve('tests/.output/speaker-demos');

interface PanelState {
  slide: string | null;
  hidden: boolean;
  commands: string[];
  statuses: string[];
  buttons: string[];
  mark: boolean;
  copied: string;
}

function readPanel(): PanelState {
  const panel = document.querySelector<HTMLElement>('#demo-panel .demo-panel');
  const mark = document.querySelector<HTMLElement>('#demo-next-mark');
  const texts = (selector: string) =>
    [...(panel?.querySelectorAll(selector) ?? [])].map((element) => element.textContent ?? '');
  return {
    slide: panel?.dataset.slide ?? null,
    hidden: !panel || panel.hasAttribute('hidden'),
    commands: texts('.demo-command pre'),
    statuses: texts('.demo-status'),
    buttons: [...(panel?.querySelectorAll('.demo-copy') ?? [])].map(
      (b) => b.getAttribute('aria-label') ?? '',
    ),
    mark: mark ? !mark.hasAttribute('hidden') : false,
    copied: panel?.querySelector('.demo-copied')?.textContent ?? '',
  };
}

async function panelOn(speaker: Page, slideId: string): Promise<PanelState> {
  await speaker.waitForFunction(
    (id) => document.querySelector<HTMLElement>('#demo-panel .demo-panel')?.dataset.slide === id,
    { timeout: 10_000 },
    slideId,
  );
  return speaker.evaluate(readPanel);
}

/** Opens the deck at `url`, grants the clipboard, and opens the speaker view. */
async function openDeckAndSpeaker(
  url: string,
): Promise<{ page: Page; speaker: Page; problems: PageProblems }> {
  const origin = originOf(url);
  await browser()
    .defaultBrowserContext()
    .overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  // Recorded, not intercepted: with interception on the opener, Chromium never lets the
  // about:blank speaker window's own stylesheet request through (the panel's CSS).
  const { page, problems } = await openWatchedPage(browser(), origin, { intercept: false });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(url);
  await waitForDeck(page);
  const speaker = await openSpeakerWindow(page);
  // In front, as a presenter has it. Without this, after a copy test failed with the previous
  // speaker window in front, the next one's frames never reported ready: a 30 s wait in the
  // next suite on top of the failure (seen in 3 of 3 such runs here; with it, in none of 2).
  await speaker.bringToFront();
  await waitForSpeakerFrames(speaker);
  return { page, speaker, problems };
}

async function clipboardOf(speaker: Page): Promise<string> {
  return speaker.evaluate(() => navigator.clipboard.readText());
}

/** What a copy did: every message the panel showed, in order, and the clipboard after it. */
interface Copied {
  messages: string[];
  clipboard: string;
}

/**
 * Empties the clipboard and the panel's message, does `act` (a click, a key), and reads what the
 * panel said and what the clipboard holds as soon as the panel says anything: a wrong copy fails
 * at once, naming what was copied and what was expected. The panel speaks after the clipboard is
 * written, so the clipboard is final by then. A copy that never happens is read after `quiet` ms,
 * with no message.
 */
async function copyBy(speaker: Page, act: () => Promise<void>, quiet = 3_000): Promise<Copied> {
  await speaker.evaluate(async () => {
    const seen = window as unknown as { copyMessages?: string[]; copyWatch?: MutationObserver };
    seen.copyWatch?.disconnect();
    await navigator.clipboard.writeText('');
    const status = document.querySelector('#demo-panel .demo-copied');
    if (!status) throw new Error('the demo panel has no message line');
    status.textContent = '';
    const messages: string[] = [];
    seen.copyMessages = messages;
    seen.copyWatch = new MutationObserver(() => {
      if (status.textContent) messages.push(status.textContent);
    });
    seen.copyWatch.observe(status, { childList: true, characterData: true, subtree: true });
  });
  await act();
  await speaker
    .waitForFunction(
      () => ((window as unknown as { copyMessages?: string[] }).copyMessages ?? []).length > 0,
      { timeout: quiet },
    )
    .catch((error: unknown) => {
      if (!(error instanceof TimeoutError)) throw error;
    });
  return {
    messages: await speaker.evaluate(() => [
      ...((window as unknown as { copyMessages?: string[] }).copyMessages ?? []),
    ]),
    clipboard: await clipboardOf(speaker),
  };
}

/** What copying command `number` (from 1) must leave: the message as written here, and the command. */
function copiedCommand(number: number, command: string | undefined): Copied {
  return { messages: [`Copied command ${number}.`], clipboard: command ?? '(no such command in the test)' };
}

/** The talk's blocks by slide id, from the scripts. */
function talkCommandsBySlide(): Map<string, string[]> {
  const bySlide = new Map<string, string[]>();
  for (const { script } of loadDemoScripts()) {
    for (const block of script.blocks) {
      bySlide.set(block.slideId, [
        ...(bySlide.get(block.slideId) ?? []),
        ...block.commands.map((c) => c.text),
      ]);
    }
  }
  return bySlide;
}

describe.each([
  ['built deck', () => inject('builtUrl')],
  ['dev server', () => inject('devUrl')],
])('the demo panel of the talk over the %s', (name, urlOf) => {
  let page: Page;
  let speaker: Page;
  let problems: PageProblems;
  let slideIds: string[];
  const expected = talkCommandsBySlide();

  beforeAll(async () => {
    ({ page, speaker, problems } = await openDeckAndSpeaker(urlOf()));
    slideIds = await page.evaluate(() => window.Reveal.getSlides().map((section) => section.id));
  });
  afterAll(async () => {
    await speaker?.close();
    await page?.close();
  });

  it('has a demo on the slides the scripts name', () => {
    expect(expected.size).toBe(20);
    for (const id of expected.keys()) expect(slideIds, id).toContain(id);
  });

  it('shows each slide’s commands, going forwards and then backwards', async () => {
    const order = [...slideIds.keys(), ...[...slideIds.keys()].reverse()];
    for (const index of order) {
      const id = slideIds[index]!;
      await page.evaluate((h) => window.Reveal.slide(h), index);
      const panel = await panelOn(speaker, id);
      const commands = expected.get(id);
      if (commands) {
        expect(panel.hidden, id).toBe(false);
        expect(panel.commands, id).toEqual(commands);
        expect(panel.statuses, id).toHaveLength(1);
        // This worktree's own report, if a rehearsal left one; without it, no status may claim a pass.
        if (!existsSync('.rehearsal/report.json')) expect(panel.statuses[0], id).toMatch(/^not rehearsed/);
      } else {
        expect(panel.hidden, id).toBe(true);
      }
    }
  });

  it('copies a command with one click and with its digit key, and the deck stays where it is', async () => {
    const id = 'build-cache';
    const index = slideIds.indexOf(id);
    await page.evaluate((h) => window.Reveal.slide(h), index);
    await panelOn(speaker, id);
    await speaker.bringToFront();
    const before = await page.evaluate(() => window.Reveal.getIndices());
    const commands = expected.get(id)!;
    // Its own stylesheet, in a monospace block large enough to read at a glance.
    const look = await speaker.$eval('.demo-command pre', (pre) => {
      const style = getComputedStyle(pre);
      return { font: style.fontFamily, size: parseFloat(style.fontSize), background: style.backgroundColor };
    });
    expect(look.font).toMatch(/mono/i);
    expect(look.size).toBeGreaterThanOrEqual(18);
    expect(look.background).toBe('rgb(31, 38, 48)');
    // Under the built deck's CSP: a linked stylesheet, and no inline script or style of ours.
    const added = await speaker.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      styles: document.querySelectorAll('style').length,
      styleAttributes: document.querySelectorAll('#demo-panel [style], #demo-next-mark[style]').length,
      stylesheet: document.querySelector<HTMLLinkElement>('#demo-panel-css')?.sheet !== null,
    }));
    expect(added).toEqual({ scripts: 1, styles: 1, styleAttributes: 0, stylesheet: true });
    expect(commands.length, id).toBeGreaterThanOrEqual(4);
    expect(
      await copyBy(speaker, () => speaker.click('.demo-command[data-command="2"] .demo-copy')),
      'a click on copy button 2',
    ).toEqual(copiedCommand(2, commands[1]));
    expect(await copyBy(speaker, () => speaker.keyboard.press('4')), 'key 4').toEqual(
      copiedCommand(4, commands[3]),
    );

    // Keyboard only: Tab to a copy button, Enter, then Space: it copies, and neither moves the talk.
    await speaker.focus('.demo-command[data-command="1"] .demo-copy');
    expect(await copyBy(speaker, () => speaker.keyboard.press('Enter')), 'Enter on copy button 1').toEqual(
      copiedCommand(1, commands[0]),
    );
    await speaker.focus('.demo-command[data-command="3"] .demo-copy');
    expect(await copyBy(speaker, () => speaker.keyboard.press('Space')), 'Space on copy button 3').toEqual(
      copiedCommand(3, commands[2]),
    );
    // The speaker page forwards keys to its current frame by postMessage, in order: once a probe
    // posted after the keys has arrived, a forwarded Enter or Space would have moved that deck.
    const frame = await (await speaker.$('#current-slide iframe'))!.contentFrame();
    await frame.evaluate(() => {
      addEventListener('message', (event) => {
        if (event.data === 'demo-probe') document.documentElement.dataset.demoProbe = 'seen';
      });
    });
    await speaker.evaluate(() =>
      document
        .querySelector<HTMLIFrameElement>('#current-slide iframe')!
        .contentWindow!.postMessage('demo-probe', '*'),
    );
    await frame.waitForFunction(() => document.documentElement.dataset.demoProbe === 'seen');
    // Steps count too: Space on this slide would show its next diagram step, not a new slide.
    expect(await frame.evaluate(() => window.Reveal.getIndices())).toEqual(before);
    expect(await page.evaluate(() => window.Reveal.getIndices())).toEqual(before);
    await speaker.screenshot({ path: join(OUTPUT, `talk-${name.replace(/\s+/g, '-')}-build-cache.png`) });
  });

  it('stays in step after the main window reloads', async () => {
    await page.reload();
    await waitForDeck(page);
    const id = 'lifecycle';
    await page.evaluate((h) => window.Reveal.slide(h), slideIds.indexOf(id));
    const panel = await panelOn(speaker, id);
    expect(panel.commands).toEqual(expected.get(id));
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
});

// The fixture deck with its own scripts: every status, a multi-line command, two demos on a slide.
const fixtureScripts = loadDemoScripts(resolve(FIXTURE, 'demo'));
const hashes = Object.fromEntries(
  fixtureScripts.map(({ script, source }) => [
    script.file,
    createHash('sha256').update(source).digest('hex'),
  ]),
);
const fixtureCommands = new Map(
  fixtureScripts.flatMap(({ script }) =>
    script.blocks.map((block) => [block.id, block.commands.map((c) => c.text)]),
  ),
);

function fixtureReport(change: (report: EngineReport) => void): RehearsalReport {
  const report: EngineReport = {
    finishedAt: '2026-12-01T15:29:26.778Z',
    engine: {
      key: '20.10.24-overlay2',
      version: '20.10.24+dfsg1',
      os: 'Debian GNU/Linux 12 (bookworm)',
      client: '/usr/bin/docker 20.10.24',
      store: { kind: 'graph-driver', driver: 'overlay2' },
    },
    offline: true,
    scripts: { ...hashes },
    blocks: [
      { id: '01-first/build', slide: 'build', status: 'passed', notRehearsed: [], claims: [] },
      { id: '02-second/one', slide: 'two-demos', status: 'passed', notRehearsed: [], claims: [] },
      {
        id: '02-second/two',
        slide: 'two-demos',
        status: 'passed',
        notRehearsed: ['docker pull alpine:3.20'],
        claims: [],
      },
    ],
  };
  change(report);
  return { version: 2, engines: { [report.engine.key]: report } };
}

const REPORTS = {
  missing: null,
  passed: fixtureReport(() => undefined),
  'stale and failed': fixtureReport((report) => {
    report.scripts['01-first.sh'] = '0'.repeat(64);
    report.blocks[1] = {
      ...report.blocks[1]!,
      status: 'failed',
      failed: "docker image ls --filter 'reference=fixture-*'",
    };
  }),
} as const;

const EXPECTED_STATUSES: Record<keyof typeof REPORTS, { build: string[]; twoDemos: string[] }> = {
  missing: {
    build: ['not rehearsed (no rehearsal report)'],
    twoDemos: ['not rehearsed (no rehearsal report)', 'not rehearsed (no rehearsal report)'],
  },
  passed: {
    build: ['rehearsed ✔ on Engine 20.10.24 (overlay2), 2026-12-01'],
    twoDemos: [
      'rehearsed ✔ on Engine 20.10.24 (overlay2), 2026-12-01',
      'rehearsed ✔ on Engine 20.10.24 (overlay2), 2026-12-01 (offline; 1 command needs a registry: not rehearsed)',
    ],
  },
  'stale and failed': {
    build: [
      'not rehearsed (01-first.sh changed since the rehearsal on Engine 20.10.24 (overlay2), 2026-12-01)',
    ],
    twoDemos: [
      "failed: docker image ls --filter 'reference=fixture-*' (Engine 20.10.24 (overlay2), 2026-12-01)",
      'rehearsed ✔ on Engine 20.10.24 (overlay2), 2026-12-01 (offline; 1 command needs a registry: not rehearsed)',
    ],
  },
};

describe.each(Object.keys(REPORTS) as (keyof typeof REPORTS)[])('the demo panel with a %s report', (kind) => {
  let server: ViteDevServer;
  let page: Page;
  let speaker: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    const reportPath = join(OUTPUT, `report-${kind.replace(/\s+/g, '-')}.json`);
    const report = REPORTS[kind];
    if (report) writeFileSync(reportPath, JSON.stringify(report));
    else rmSync(join(OUTPUT, 'no-such-report.json'), { force: true });
    server = await createServer({
      ...createDeckViteConfig({
        slidesDir: FIXTURE,
        demos: {
          demoDir: `${FIXTURE}/demo`,
          reportPath: report ? reportPath : join(OUTPUT, 'no-such-report.json'),
        },
      }),
      configFile: false,
      root: resolve('.'),
      logLevel: 'silent',
      server: { port: 0, open: false, hmr: false },
    });
    await server.listen();
    ({ page, speaker, problems } = await openDeckAndSpeaker(server.resolvedUrls!.local[0]!));
  });
  afterAll(async () => {
    await speaker?.close();
    await page?.close();
    await server?.close();
  });

  it('shows the rehearsal status of each demo', async () => {
    await page.evaluate(() => window.Reveal.slide(1));
    expect((await panelOn(speaker, 'build')).statuses).toEqual(EXPECTED_STATUSES[kind].build);
    await page.evaluate(() => window.Reveal.slide(2));
    const panel = await panelOn(speaker, 'two-demos');
    expect(panel.statuses).toEqual(EXPECTED_STATUSES[kind].twoDemos);
    await speaker.screenshot({ path: join(OUTPUT, `fixture-${kind.replace(/\s+/g, '-')}-two-demos.png`) });
    expect(problems.pageErrors).toEqual([]);
  });

  if (kind === 'missing') {
    it('shows a report written while the dev server runs, once the speaker view’s frame reloads', async () => {
      writeFileSync(join(OUTPUT, 'no-such-report.json'), JSON.stringify(REPORTS.passed));
      try {
        // The server's watcher must see the file first: reload the speaker view's current frame
        // until the new status shows. (Not close and reopen: right after a close, reveal's notes
        // plugin may focus the closed window instead of opening one.)
        await expect
          .poll(
            async () => {
              await speaker.evaluate(() => {
                document.querySelector('#demo-panel')?.setAttribute('data-stale', '');
                document
                  .querySelector<HTMLIFrameElement>('#current-slide iframe')!
                  .contentWindow!.location.reload();
              });
              await speaker.waitForFunction(
                () =>
                  document.querySelector('#demo-panel') && !document.querySelector('#demo-panel[data-stale]'),
                { timeout: 10_000 },
              );
              // A reloaded frame starts from the slide in its address: send it the deck's state again.
              await page.evaluate(() => window.Reveal.slide(0));
              await panelOn(speaker, 'intro');
              await page.evaluate(() => window.Reveal.slide(1));
              return (await panelOn(speaker, 'build')).statuses;
            },
            { timeout: 30_000, interval: 500 },
          )
          .toEqual(EXPECTED_STATUSES.passed.build);
      } finally {
        rmSync(join(OUTPUT, 'no-such-report.json'), { force: true });
      }
    });
  }

  if (kind !== 'passed') return;

  it('numbers the commands of two demos in one sequence, in the order the slide names them', async () => {
    await page.evaluate(() => window.Reveal.slide(2));
    const panel = await panelOn(speaker, 'two-demos');
    expect(panel.commands).toEqual([
      ...fixtureCommands.get('02-second/one')!,
      ...fixtureCommands.get('02-second/two')!,
    ]);
    expect(panel.buttons).toEqual([
      'Copy command 1 (key 1)',
      'Copy command 2 (key 2)',
      'Copy command 3 (key 3)',
    ]);
    const registry = await speaker.$$eval('.demo-registry', (notes) =>
      notes.map((note) => note.closest('.demo-command')?.querySelector('pre')?.textContent),
    );
    expect(registry).toEqual(['docker pull alpine:3.20']);
  });

  it('copies a multi-line command exactly, quotes and backslashes included', async () => {
    await page.evaluate(() => window.Reveal.slide(1));
    await panelOn(speaker, 'build');
    await speaker.bringToFront();
    const multiLine = fixtureCommands.get('01-first/build')![1]!;
    expect(multiLine.split('\n')).toHaveLength(3);
    expect(await copyBy(speaker, () => speaker.keyboard.press('2')), 'key 2').toEqual(
      copiedCommand(2, multiLine),
    );
    // A digit with no command is left alone: 7, then 1 as a probe, says and copies only 1.
    const seven = await copyBy(speaker, async () => {
      await speaker.keyboard.press('7');
      await speaker.keyboard.press('1');
    });
    expect(seven, 'key 7, then key 1').toEqual(copiedCommand(1, fixtureCommands.get('01-first/build')![0]));
  });

  it('marks the upcoming frame "demo next" only when the next thing shown is a slide with a demo', async () => {
    // On the first slide's arrival the upcoming frame shows its own next step: no mark.
    await page.evaluate(() => window.Reveal.slide(0, 0, -1));
    await panelOn(speaker, 'intro');
    await speaker.waitForFunction(
      () => document.querySelector<HTMLElement>('#demo-next-mark')?.hidden === true,
    );
    // At its last step the upcoming frame shows "build", which has a demo.
    await page.evaluate(() => window.Reveal.slide(0, 0, 0));
    await speaker.waitForFunction(
      () => document.querySelector<HTMLElement>('#demo-next-mark')?.hidden === false,
      {
        timeout: 10_000,
      },
    );
    await speaker.screenshot({ path: join(OUTPUT, 'fixture-demo-next.png') });
    // Before the last slide, which has none: no mark.
    await page.evaluate(() => window.Reveal.slide(2));
    await panelOn(speaker, 'two-demos');
    await speaker.waitForFunction(
      () => document.querySelector<HTMLElement>('#demo-next-mark')?.hidden === true,
      {
        timeout: 10_000,
      },
    );
    // Backwards: from the last slide to "two-demos" the panel follows, and on "intro" it goes.
    await page.evaluate(() => window.Reveal.slide(3));
    expect((await panelOn(speaker, 'outro')).hidden).toBe(true);
    await page.evaluate(() => window.Reveal.slide(0));
    expect((await panelOn(speaker, 'intro')).hidden).toBe(true);
  });
});
