import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { PANE_REPORT } from './demo-pane-deck.ts';

/**
 * What the demo pane's tests expect, from the fixture report (recorded in a real terminal), and
 * how they read the pane in a page. Shared by the Chromium and the Firefox test files.
 */
export interface FixtureStep {
  command: string;
  exitCode: number;
  screen: string;
}

interface FixtureReport {
  engines: Record<
    string,
    { blocks: { id: string; steps?: FixtureStep[]; recording?: string }[]; finishedAt: string }
  >;
}

const report = JSON.parse(readFileSync(PANE_REPORT, 'utf8')) as FixtureReport;

/** The recorded steps of a fixture block, as the report has them. */
export function fixtureSteps(block: string): FixtureStep[] {
  for (const engine of Object.values(report.engines)) {
    const found = engine.blocks.find((candidate) => candidate.id === block);
    if (found?.steps) return found.steps;
  }
  throw new Error(`the fixture report has no steps for ${block}`);
}

/** The label the pane shows for the fixture's recordings: engine from the casts, and the date. */
export const FIXTURE_SOURCE = 'recorded on fixture terminal (bash, no engine), 2026-12-05';

/** Rows of the demo terminal (src/cast/terminal.ts: 96x14), written here. */
const ROWS = 14;

/**
 * The end of what the terminal must show after `ran` commands: the last lines of the last
 * command's output (or the command itself, when its output is short), then the prompt. Written
 * from the report, not with the pane's own code.
 */
export function expectedTail(steps: readonly FixtureStep[], ran: number): string[] {
  if (ran === 0) return ['$'];
  const step = steps[ran - 1]!;
  const output = step.screen.split('\n');
  const tail = output.length >= ROWS - 2 ? output.slice(-(ROWS - 2)) : [`$ ${step.command}`, ...output];
  return [...tail, '$'];
}

/** The text lines of the pane's player on the current slide (trailing blanks dropped). */
export function readPlayerLines(): string[] | null {
  const box = document.querySelector('section.present .demo-pane .demo-terminal:not([hidden])');
  if (!box) return null;
  const lines = [...box.querySelectorAll('.ap-line')].map((line) =>
    (line.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd(),
  );
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** The text of the static screen that shows on the current slide (print, speaker frames). */
export function readStaticLines(): string[] | null {
  const shown = [
    ...document.querySelectorAll<HTMLElement>('section.present .demo-pane pre.demo-static'),
  ].filter((pre) => getComputedStyle(pre).display !== 'none');
  if (shown.length !== 1) return null;
  const lines = (shown[0]!.textContent ?? '').split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** Waits until the pane's player shows a screen ending with `tail`. */
export async function expectPlayerTail(
  page: Page | Frame,
  tail: readonly string[],
  what: string,
): Promise<void> {
  await expect
    .poll(async () => ((await page.evaluate(readPlayerLines)) ?? []).slice(-tail.length), {
      timeout: 10_000,
      interval: 50,
      message: what,
    })
    .toEqual(tail);
}

/** The deck's current position as reveal.js and the URL have it. */
export async function position(page: Page | Frame): Promise<{ id: string; fragment: number; hash: string }> {
  return page.evaluate(() => ({
    id: window.Reveal.getCurrentSlide()?.id ?? '',
    fragment: window.Reveal.getIndices().f ?? -1,
    hash: location.hash,
  }));
}

/** WCAG 2 contrast ratio of two `rgb(…)` colours, written here. */
export function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
