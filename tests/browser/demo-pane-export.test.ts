import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWatchedPage, originOf, startBrowser } from '../../src/export/driver/deck-page.ts';
import { openPrintView } from '../../src/export/driver/print.ts';
import { runExport } from '../../src/export/driver/run-export.ts';
import { inspectPdf } from '../../src/export/inspect-pdf.ts';
import type { Progress } from '../../src/export/progress.ts';
import { serveStatic } from '../../src/export/serve.ts';
import { FIXTURE_SOURCE, fixtureSteps } from './support/demo-pane.ts';
import { buildPaneFixture } from './support/demo-pane-deck.ts';
import { comparable } from './support/talk.ts';

/**
 * The printed demos, from the fixture deck and its recordings (read back with pdf.js): the
 * speaker script and the handouts print each command with what it printed, the engine and the
 * date, long output cut with a visible "…"; slides.pdf shows the final screen as text.
 */
const LISTING = fixtureSteps('01-files/listing');
const FILES = fixtureSteps('02-more/files');
const quiet: Progress = { step() {}, slide() {}, done() {}, summary() {} };

let dist: string;
let out: string;
const pages: Record<string, string[]> = {};

beforeAll(async () => {
  dist = await buildPaneFixture('tests/.output/demo-pane-export');
  out = await mkdtemp(join(tmpdir(), 'docker-talk-pane-pdf-'));
  await runExport(
    {
      formats: ['slides', 'handout', 'handout-3up', 'notes'],
      paper: 'a4',
      outDir: out,
      rebuild: false,
      theme: null,
      handoutTheme: 'light',
    },
    quiet,
    { root: resolve('.'), distDir: dist, build: false },
  );
  for (const file of ['slides', 'handout', 'handout-3up', 'notes'])
    pages[file] = (await inspectPdf(await readFile(join(out, `${file}.pdf`)))).pageText.map(comparable);
}, 180_000);
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** The output a printout keeps of `screen` at `lines` lines, written here: kept lines and the cut. */
function printed(screen: string, lines: number): string {
  const all = screen.split('\n');
  if (all.length <= lines) return screen;
  return [...all.slice(0, lines - 1), `… (${all.length - (lines - 1)} more lines)`].join('\n');
}

describe('the demos on paper', () => {
  it('prints every command with what it printed, the engine and the date, in the speaker script', () => {
    const script = pages.notes!.join('');
    expect(script).toContain(comparable(FIXTURE_SOURCE));
    // 24 lines of output a block, shared: 6 a command for the listing's 4, 8 (the most) for 2.
    for (const step of LISTING)
      expect(script).toContain(comparable(`$ ${step.command}${printed(step.screen, 6)}`));
    for (const step of FILES)
      expect(script).toContain(comparable(`$ ${step.command}${printed(step.screen, 8)}`));
    // 30 lines of `seq 1 30`, in the listing: 5 printed, the cut said.
    expect(script).toContain(comparable('5… (25 more lines)'));
    expect(script).not.toContain(comparable('6…'));
    // The block without a recording: its commands, and the words.
    expect(script).toContain(comparable('Demo · not rehearsed yet$ echo "never recorded"$ date -u +%Y'));
  });

  it('prints them on the handouts too, shorter', () => {
    const listingPage = pages.handout![1]!;
    expect(listingPage).toContain(comparable(FIXTURE_SOURCE));
    for (const step of LISTING)
      expect(listingPage).toContain(comparable(`$ ${step.command}${printed(step.screen, 6)}`));
    expect(listingPage).toContain(comparable('5… (25 more lines)'));
    expect(pages['handout-3up']![0]).toContain(
      comparable(`$ ${LISTING[1]!.command}${printed(LISTING[1]!.screen, 3)}`),
    );
  });

  it('shows the screen at the end of the demo on slides.pdf, as text', () => {
    const listing = pages.slides![1]!;
    // The last rows of the terminal after all four commands: the end of seq, then the colour line.
    expect(listing).toContain(comparable(`28 29 30 $ ${LISTING[3]!.command} ${LISTING[3]!.screen} $`));
    expect(pages.slides![2]).toContain(comparable(`$ ls -1 work ${FILES[1]!.screen}`));
  });

  it('prints no player: its overlay never reaches paper', async () => {
    const browser = await startBrowser();
    const server = await serveStatic(dist);
    try {
      const { page, problems } = await openWatchedPage(browser, originOf(server.url));
      await openPrintView(page, `${server.url}?print-pdf`);
      expect(
        await page.evaluate(
          () => document.querySelectorAll('.ap-player, .ap-overlay, .demo-terminal').length,
        ),
      ).toBe(0);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
