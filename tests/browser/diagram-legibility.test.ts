import '../../src/diagrams/install-node-dom.ts';
import mermaid from 'mermaid';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as talkDiagrams from '../../slides/diagrams/index.ts';
import type { DiagramBlock } from '../../src/deck/types.ts';
import { createPartsReader } from '../../src/diagrams/parts.ts';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../src/export/driver/deck-page.ts';
import { measureDiagramLegibility, type EdgeEnds, type Legibility } from './support/diagram-legibility.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

/**
 * Read from the back of a room: the usual rule for projected slides is text of at least 1/30 of
 * the screen height (24 px at 720); below 20 px a diagram label is too small to carry.
 */
const MIN_LABEL_PX = 20;

const diagrams = Object.values(talkDiagrams as Record<string, DiagramBlock>);
const browser = useSharedBrowser();

interface Measured extends Legibility {
  step: number;
}

/**
 * Every diagram of the talk at every step, as the presenter's 1280x720 window shows it (reveal's
 * scale and the SVG's fit included), measured once for the rules below.
 */
let measured: Measured[] = [];
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  const readParts = createPartsReader(mermaid);
  const ends = new Map<string, EdgeEnds[]>();
  // The SVG names an edge but not its ends; Mermaid's parser knows them.
  for (const diagram of diagrams) ends.set(diagram.id, [...(await readParts(diagram.source)).edges]);

  const url = inject('builtUrl');
  ({ page, problems } = await openWatchedPage(browser(), originOf(url), { width: 1280, height: 720 }));
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(url);
  await waitForDeck(page);
  const slides = await page.evaluate(() =>
    window.Reveal.getSlides().flatMap((section, index) => {
      const diagram = section.querySelector<HTMLElement>('figure.diagram[data-diagram]')?.dataset.diagram;
      return diagram
        ? [{ index, diagram, fragments: section.querySelectorAll('.fragment:not(.demo-step)').length }]
        : [];
    }),
  );
  for (const slide of slides) {
    for (let step = 0; step <= slide.fragments; step += 1) {
      await page.evaluate(
        (index, fragment) => window.Reveal.slide(index, 0, fragment),
        slide.index,
        step - 1,
      );
      const result = await page.evaluate(
        measureDiagramLegibility,
        slide.diagram,
        ends.get(slide.diagram) ?? [],
      );
      measured.push({ ...result, step });
    }
  }
});
afterAll(async () => {
  await page?.close();
  measured = [];
});

describe('diagrams read from the back of the room (1280x720, every step)', () => {
  it('measures every diagram of the talk, with its labels', () => {
    expect(new Set(measured.map((m) => m.diagram))).toEqual(new Set(diagrams.map((d) => d.id)));
    for (const diagram of diagrams) {
      const final = measured.filter((m) => m.diagram === diagram.id).at(-1);
      expect(final?.labels.length ?? 0, diagram.id).toBeGreaterThan(1);
    }
    expect(problems.pageErrors).toEqual([]);
  });

  // One line per label or per crossing, with the steps it shows at: the size of a label does
  // not change from step to step, and a list of every step would bury the names.
  it(`draws every label at ${MIN_LABEL_PX} px or more on screen`, () => {
    const small = new Map<string, number[]>();
    for (const m of measured) {
      for (const label of m.labels.filter((l) => l.px < MIN_LABEL_PX)) {
        const key = `${m.diagram}: ${label.kind} "${label.text}" is ${label.px.toFixed(1)} px`;
        small.set(key, [...new Set([...(small.get(key) ?? []), m.step])]);
      }
    }
    expect([...small].map(([what, steps]) => `${what} (steps ${steps.join(', ')})`)).toEqual([]);
  });

  it('runs no edge through a node, an edge label or a subgraph title that is not its own', () => {
    const crossed = new Map<string, number[]>();
    for (const m of measured) {
      for (const crossing of m.crossings) {
        const key = `${m.diagram}: edge ${crossing.edge} runs through ${crossing.through}`;
        crossed.set(key, [...new Set([...(crossed.get(key) ?? []), m.step])]);
      }
    }
    expect([...crossed].map(([what, steps]) => `${what} (steps ${steps.join(', ')})`)).toEqual([]);
  });

  it('covers no edge label or subgraph title with a node or another label', () => {
    const covered = new Map<string, number[]>();
    for (const m of measured) {
      for (const { label, by } of m.covered) {
        const key = `${m.diagram}: ${label} is covered by ${by}`;
        covered.set(key, [...new Set([...(covered.get(key) ?? []), m.step])]);
      }
    }
    expect([...covered].map(([what, steps]) => `${what} (steps ${steps.join(', ')})`)).toEqual([]);
  });
});
