import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { slides } from '../../slides/index.ts';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../src/export/driver/deck-page.ts';
import { readDiagramStates, type DiagramState } from '../../src/export/driver/diagram-state.ts';
import { firefoxAvailable, useSharedFirefox } from './support/firefox.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

/**
 * The deck in Firefox, checked against the same deck in Chromium in the same test: what a
 * diagram shows at each step must be the same parts in both (the geometry may differ: text is
 * measured by each engine's own fonts stack).
 */
const available = firefoxAvailable(
  'Firefox browser tests: slides, diagram steps, hash jump, overview, reduced motion (tests/browser/firefox-deck.test.ts)',
);

/** In the page: the diagram parts under `root` that are drawn, as `diagram:part`, sorted. */
function readVisibleParts(root: Element): string[] {
  return [...root.querySelectorAll<HTMLElement>('figure.diagram[data-diagram]')]
    .filter((figure) => !figure.classList.contains('diagram-measure'))
    .flatMap((figure) =>
      [...figure.querySelectorAll<SVGElement>('[data-part]')]
        .filter((part) => {
          const style = getComputedStyle(part);
          return style.visibility === 'visible' && Number(style.opacity) > 0.99;
        })
        .map((part) => `${figure.dataset.diagram}:${part.dataset.part}`),
    )
    .sort();
}

async function partsOfSlide(page: Page, index: number): Promise<string[]> {
  const section = await page.evaluateHandle((slideIndex) => window.Reveal.getSlides()[slideIndex]!, index);
  try {
    return await page.evaluate(readVisibleParts, section);
  } finally {
    await section.dispose();
  }
}

async function stateOfSlide(page: Page, index: number): Promise<DiagramState> {
  const section = await page.evaluateHandle((slideIndex) => window.Reveal.getSlides()[slideIndex]!, index);
  try {
    const [state] = await page.evaluate(readDiagramStates, section);
    return state!;
  } finally {
    await section.dispose();
  }
}

interface DiagramSlide {
  index: number;
  id: string;
  fragments: number;
}

async function diagramSlides(page: Page): Promise<DiagramSlide[]> {
  return page.evaluate(() =>
    window.Reveal.getSlides().flatMap((section, index) =>
      section.querySelector('figure.diagram[data-diagram]')
        ? [{ index, id: section.id, fragments: section.querySelectorAll('.fragment:not(.demo-step)').length }]
        : [],
    ),
  );
}

/** Every step of a slide forward from its first, then back: the parts drawn at each. */
async function walkSteps(page: Page, slide: DiagramSlide): Promise<string[][]> {
  await page.evaluate((index) => window.Reveal.slide(index, 0, -1), slide.index);
  const seen = [await partsOfSlide(page, slide.index)];
  for (let step = 1; step <= slide.fragments; step += 1) {
    await page.evaluate(() => window.Reveal.nextFragment());
    seen.push(await partsOfSlide(page, slide.index));
  }
  for (let step = slide.fragments - 1; step >= 0; step -= 1) {
    await page.evaluate(() => window.Reveal.prevFragment());
    seen.push(await partsOfSlide(page, slide.index));
  }
  return seen;
}

describe.skipIf(!available)('the built deck in Firefox, against Chromium', () => {
  const firefox = useSharedFirefox({ reducedMotion: true });
  const chromium = useSharedBrowser();
  let url: string;
  let page: Page;
  let problems: PageProblems;
  let reference: Page;

  /** A deck page in each browser, both asked for reduced motion, so computed styles are final at once. */
  async function openBoth(path = ''): Promise<{ ff: Page; ffProblems: PageProblems; cr: Page }> {
    const { page: ff, problems: ffProblems } = await openWatchedPage(firefox(), originOf(url));
    const { page: cr } = await openWatchedPage(chromium(), originOf(url));
    await cr.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await Promise.all([ff.goto(`${url}${path}`), cr.goto(`${url}${path}`)]);
    await Promise.all([waitForDeck(ff), waitForDeck(cr)]);
    return { ff, ffProblems, cr };
  }

  beforeAll(async () => {
    url = inject('builtUrl');
    ({ ff: page, ffProblems: problems, cr: reference } = await openBoth());
  });
  afterAll(async () => {
    await page?.close();
    await reference?.close();
  });

  it('renders every slide of the talk with its title, content and drawn diagrams', async () => {
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(slides.length);
    for (const [index, slide] of slides.entries()) {
      await page.evaluate((i) => window.Reveal.slide(i, 0, -1), index);
      const shown = await page.evaluate(() => {
        const section = window.Reveal.getCurrentSlide();
        const box = section.getBoundingClientRect();
        const heading = section.querySelector('.slide-title');
        const titleBox = heading?.getBoundingClientRect();
        return {
          id: section.id,
          title: heading?.textContent ?? '',
          titleArea: titleBox ? titleBox.width * titleBox.height : 0,
          width: box.width,
          height: box.height,
          textLength: (section.querySelector('.slide-frame')?.textContent ?? '').trim().length,
          diagrams: [...section.querySelectorAll('figure.diagram[data-diagram] svg')].map((svg) => {
            const rect = svg.getBoundingClientRect();
            return {
              width: rect.width,
              height: rect.height,
              parts: svg.querySelectorAll('[data-part]').length,
            };
          }),
          errorPanel: document.querySelector('.deck-error') !== null,
        };
      });
      expect(shown.id, `slide ${index + 1}`).toBe(slide.id);
      expect(shown.title, slide.id).toBe(slide.title);
      expect(shown.width * shown.height, `${slide.id}: drawn area`).toBeGreaterThan(0);
      expect(shown.titleArea, `${slide.id}: title drawn`).toBeGreaterThan(0);
      expect(shown.textLength, `${slide.id}: text`).toBeGreaterThan(slide.title.length);
      expect(shown.errorPanel, slide.id).toBe(false);
      const diagramBlocks = slide.blocks.filter((block) => block.kind === 'diagram').length;
      expect(shown.diagrams.length, `${slide.id}: diagrams`).toBe(diagramBlocks);
      for (const diagram of shown.diagrams) {
        expect(diagram.width * diagram.height, `${slide.id}: diagram size`).toBeGreaterThan(0);
        expect(diagram.parts, `${slide.id}: diagram parts`).toBeGreaterThan(0);
      }
    }
  });

  it('steps every diagram forward and back showing the same parts as Chromium', async () => {
    const animated = await diagramSlides(page);
    expect(animated).toEqual(await diagramSlides(reference));
    expect(animated.length).toBeGreaterThan(0);
    for (const slide of animated) {
      const inChromium = await walkSteps(reference, slide);
      // The diagram does build up: its last step shows more than its first.
      expect(inChromium[slide.fragments]!.length, slide.id).toBeGreaterThan(inChromium[0]!.length);
      expect(await walkSteps(page, slide), slide.id).toEqual(inChromium);
    }
  });

  it('jumps by URL hash to a step of a diagram, as Chromium does', async () => {
    const animated = (await diagramSlides(page)).filter((slide) => slide.fragments >= 2);
    const slide = animated.at(-1)!;
    const fragment = slide.fragments - 2;
    const { ff, ffProblems, cr } = await openBoth(`#/${slide.id}/${fragment}`);
    try {
      const indices = await ff.evaluate(() => window.Reveal.getIndices());
      expect(indices).toMatchObject({ h: slide.index, f: fragment });
      const parts = await partsOfSlide(ff, slide.index);
      expect(parts).toEqual(await partsOfSlide(cr, slide.index));
      expect(await stateOfSlide(ff, slide.index)).toMatchObject({ step: fragment + 1, mismatches: [] });
      expect(ffProblems.pageErrors).toEqual([]);
    } finally {
      await Promise.all([ff.close(), cr.close()]);
    }
  });

  it('shows the overview with every diagram in the same step as Chromium', async () => {
    const animated = await diagramSlides(page);
    const middle = animated[Math.floor(animated.length / 2)]!;
    for (const deck of [page, reference]) {
      await deck.evaluate((index) => window.Reveal.slide(index, 0, 0), middle.index);
      await deck.evaluate(() => window.Reveal.toggleOverview(true));
    }
    try {
      expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(true);
      for (const slide of animated) {
        expect(await partsOfSlide(page, slide.index), slide.id).toEqual(
          await partsOfSlide(reference, slide.index),
        );
      }
      // Past slides show their last step, slides ahead their first: the overview is not all-or-nothing.
      const before = animated.find((slide) => slide.index < middle.index)!;
      const after = animated.find((slide) => slide.index > middle.index)!;
      expect((await stateOfSlide(page, before.index)).step).toBe(before.fragments);
      expect((await stateOfSlide(page, after.index)).step).toBe(0);
    } finally {
      for (const deck of [page, reference]) await deck.evaluate(() => window.Reveal.toggleOverview(false));
    }
  });

  it('turns slide and step transitions off under prefers-reduced-motion: reduce', async () => {
    const motion = await page.evaluate(() => {
      const part = document.querySelector('figure.diagram [data-part]');
      return {
        reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
        transition: window.Reveal.getConfig().transition,
        stepDuration: part ? getComputedStyle(part).transitionDuration : null,
        slideDuration: getComputedStyle(window.Reveal.getCurrentSlide()).transitionDuration,
      };
    });
    expect(motion.reduce).toBe(true);
    expect(motion.transition).toBe('none');
    const longest = (list: string | null) =>
      Math.max(
        ...(list ?? '')
          .split(',')
          .map((d) => (d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d))),
      );
    expect(longest(motion.stepDuration)).toBe(0);
    expect(longest(motion.slideDuration)).toBe(0);
  });

  it('logs no error and requests nothing outside its origin', () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
});
