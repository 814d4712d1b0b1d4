import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as talkDiagrams from '../../slides/diagrams/index.ts';
import type { DiagramBlock } from '../../src/deck/types.ts';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../src/export/driver/deck-page.ts';
import { readDiagramStates, type DiagramState } from '../../src/export/driver/diagram-state.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

const diagramsById = new Map(
  Object.values(talkDiagrams as Record<string, DiagramBlock>).map((d) => [d.id, d]),
);

interface DiagramSlide {
  index: number;
  slideId: string;
  diagram: string;
  fragments: number;
}

const browser = useSharedBrowser();
let url: string;
beforeAll(() => {
  url = inject('builtUrl');
});

/** A deck page with transitions off, so computed styles are final at once. */
async function openDeck(
  path = '',
  viewport = { width: 1280, height: 720 },
): Promise<{ page: Page; problems: PageProblems }> {
  const opened = await openWatchedPage(browser(), originOf(url), viewport);
  await opened.page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await opened.page.goto(`${url}${path}`);
  await waitForDeck(opened.page);
  return opened;
}

async function diagramSlides(page: Page): Promise<DiagramSlide[]> {
  return page.evaluate(() =>
    window.Reveal.getSlides().flatMap((section, index) => {
      const figure = section.querySelector<HTMLElement>('figure.diagram[data-diagram]');
      if (!figure) return [];
      return [
        {
          index,
          slideId: section.id,
          diagram: figure.dataset.diagram ?? '',
          fragments: section.querySelectorAll('.fragment:not(.demo-step)').length,
        },
      ];
    }),
  );
}

async function stateOfSlide(page: Page, index: number): Promise<DiagramState> {
  const section = await page.evaluateHandle((slideIndex) => window.Reveal.getSlides()[slideIndex]!, index);
  const states = await page.evaluate(readDiagramStates, section);
  await section.dispose();
  return states[0]!;
}

describe('diagrams in the built deck', () => {
  let page: Page;
  let problems: PageProblems;
  let slides: DiagramSlide[];

  beforeAll(async () => {
    ({ page, problems } = await openDeck());
    slides = await diagramSlides(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('draws every diagram as an accessible SVG with no Mermaid error', async () => {
    expect(slides.length).toBeGreaterThan(0);
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.slides figure.diagram')].map((figure) => {
        const svg = figure.querySelector('svg');
        return {
          diagram: figure.dataset.diagram,
          svg: Boolean(svg),
          role: svg?.getAttribute('role'),
          title: svg?.querySelector(':scope > title')?.textContent ?? '',
          description: svg?.querySelector(':scope > desc')?.textContent ?? '',
          error:
            Boolean(figure.querySelector('.error-icon, .error-text')) ||
            /Syntax error/i.test(figure.textContent ?? ''),
          parts: figure.querySelectorAll('[data-part]').length,
        };
      }),
    );
    for (const figure of drawn) {
      expect(figure, figure.diagram).toMatchObject({ svg: true, role: 'img', error: false });
      expect(figure.title.length, figure.diagram).toBeGreaterThan(10);
      expect(figure.description.length, figure.diagram).toBeGreaterThan(40);
      expect(figure.parts, figure.diagram).toBeGreaterThan(2);
    }
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('binds one fragment to each step after the first', () => {
    for (const slide of slides) {
      const block = diagramsById.get(slide.diagram);
      expect(block, `${slide.diagram} is a module of slides/diagrams`).toBeDefined();
      expect(slide.fragments, slide.slideId).toBe(Math.max(1, block!.steps?.length ?? 1) - 1);
    }
  });

  it('tags each part named by a step with that step', async () => {
    for (const slide of slides) {
      const tags = await page.evaluate(
        (diagram) =>
          [...document.querySelectorAll<SVGElement>(`figure[data-diagram="${diagram}"] [data-part]`)].map(
            (element) => ({
              part: element.dataset.part!,
              step: Number(element.dataset.diagramStep ?? 0),
              hide: element.dataset.diagramHide === undefined ? null : Number(element.dataset.diagramHide),
            }),
          ),
        slide.diagram,
      );
      const block = diagramsById.get(slide.diagram)!;
      (block.steps ?? []).forEach((step, index) => {
        for (const id of step.show) {
          const tagged = tags.filter((tag) => tag.part === id);
          expect(tagged.length, `${slide.diagram}: ${id}`).toBeGreaterThan(0);
          for (const tag of tagged) expect(tag.step, `${slide.diagram}: ${id}`).toBe(index);
        }
        for (const id of step.hide ?? []) {
          for (const tag of tags.filter((t) => t.part === id))
            expect(tag.hide, `${slide.diagram}: ${id}`).toBe(index);
        }
      });
    }
  });

  it('shows exactly the parts of the current step and earlier, forward and then backward', async () => {
    for (const slide of slides) {
      await page.evaluate((index) => window.Reveal.slide(index, 0, -1), slide.index);
      const seen: number[] = [];
      for (let step = 0; step <= slide.fragments; step += 1) {
        if (step > 0) await page.evaluate(() => window.Reveal.nextFragment());
        const state = await stateOfSlide(page, slide.index);
        expect(state.mismatches, `${slide.diagram} forward at step ${step}`).toEqual([]);
        seen.push(state.step);
      }
      for (let step = slide.fragments - 1; step >= 0; step -= 1) {
        await page.evaluate(() => window.Reveal.prevFragment());
        const state = await stateOfSlide(page, slide.index);
        expect(state.mismatches, `${slide.diagram} backward at step ${step}`).toEqual([]);
        seen.push(state.step);
      }
      const forward = [...Array(slide.fragments + 1).keys()];
      expect(seen).toEqual([...forward, ...forward.slice(0, -1).reverse()]);
    }
  });

  it('shows every step of a diagram once its slide is past, and none of a slide ahead, in the overview', async () => {
    const middle = slides[Math.floor(slides.length / 2)]!;
    await page.evaluate((index) => window.Reveal.slide(index, 0, 0), middle.index);
    await page.evaluate(() => window.Reveal.toggleOverview(true));
    try {
      for (const slide of slides) {
        const state = await stateOfSlide(page, slide.index);
        const expected =
          slide.index < middle.index
            ? slide.fragments
            : slide.index > middle.index
              ? 0
              : Math.min(1, slide.fragments);
        expect(state.step, slide.diagram).toBe(expected);
        expect(state.mismatches, slide.diagram).toEqual([]);
      }
    } finally {
      await page.evaluate(() => window.Reveal.toggleOverview(false));
    }
  });
});

describe('diagram state outside live navigation', () => {
  it('shows the step named in the URL hash, with all earlier steps, after a jump', async () => {
    const probe = await openDeck();
    const slides = await diagramSlides(probe.page);
    await probe.page.close();
    const animated = slides.filter((slide) => slide.fragments >= 2);
    expect(animated.length).toBeGreaterThan(0);
    for (const slide of animated) {
      const fragment = slide.fragments - 2;
      const { page } = await openDeck(`#/${slide.slideId}/${fragment}`);
      const state = await stateOfSlide(page, slide.index);
      expect(state.step, slide.slideId).toBe(fragment + 1);
      expect(state.mismatches, slide.slideId).toEqual([]);
      await page.close();
    }
  });

  it('shows every part when fragments are off (decktape’s default)', async () => {
    const { page } = await openDeck('?fragments=false');
    for (const slide of await diagramSlides(page)) {
      await page.evaluate((index) => window.Reveal.slide(index), slide.index);
      const state = await stateOfSlide(page, slide.index);
      expect(state.step, slide.diagram).toBe(slide.fragments);
      expect(state.mismatches, slide.diagram).toEqual([]);
    }
    await page.close();
  });

  it('has the same SVG geometry at 800x450, 1280x720 and 1920x1080', async () => {
    const geometry: string[] = [];
    for (const viewport of [
      { width: 800, height: 450 },
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      const { page } = await openDeck('', viewport);
      geometry.push(
        await page.evaluate(() =>
          JSON.stringify(
            [...document.querySelectorAll<HTMLElement>('.slides figure.diagram')].map((figure) => {
              const svg = figure.querySelector('svg')!;
              return {
                viewBox: svg.getAttribute('viewBox'),
                parts: [...svg.querySelectorAll<SVGGraphicsElement>('[data-part]')].map((part) => {
                  const box = part.getBBox();
                  return [
                    part.dataset.part,
                    Math.round(box.x),
                    Math.round(box.y),
                    Math.round(box.width),
                    Math.round(box.height),
                  ];
                }),
              };
            }),
          ),
        ),
      );
      await page.close();
    }
    expect(geometry[0]).toBe(geometry[1]);
    expect(geometry[2]).toBe(geometry[1]);
    expect(JSON.parse(geometry[1]!).length).toBeGreaterThan(0);
  });

  it('keeps every label inside its box and readable (>= 16px at the design size)', async () => {
    const { page } = await openDeck();
    const report = await page.evaluate(() => {
      const problems: string[] = [];
      const fontSizes: number[] = [];
      const scale = window.Reveal.getScale();
      for (const section of window.Reveal.getSlides()) {
        const figure = section.querySelector<HTMLElement>('figure.diagram');
        if (!figure) continue;
        window.Reveal.slide(window.Reveal.getIndices(section).h, 0);
        const svg = figure.querySelector('svg')!;
        const viewBoxWidth = svg.viewBox.baseVal.width;
        const svgScale = svg.getBoundingClientRect().width / scale / viewBoxWidth;
        const inside = (inner: DOMRect, outer: DOMRect) =>
          inner.left >= outer.left - 1 &&
          inner.right <= outer.right + 1 &&
          inner.top >= outer.top - 1 &&
          inner.bottom <= outer.bottom + 1;
        for (const group of svg.querySelectorAll<SVGGElement>('g.node, g.cluster')) {
          const shape = group.querySelector(
            ':scope > rect, :scope > polygon, :scope > path, :scope > g > path, :scope > circle',
          );
          const label = group.querySelector('foreignObject div, .nodeLabel, .cluster-label span');
          if (!shape || !label) continue;
          const text = label.querySelector('p, span') ?? label;
          const textBox = (text as Element).getBoundingClientRect();
          if (!inside(textBox, shape.getBoundingClientRect()))
            problems.push(`${figure.dataset.diagram}: ${label.textContent}`);
          fontSizes.push(parseFloat(getComputedStyle(text as Element).fontSize) * svgScale);
          const holder = label.closest('foreignObject');
          const div = holder?.querySelector('div');
          if (holder && div && div.scrollWidth > holder.width.baseVal.value + 1)
            problems.push(`${figure.dataset.diagram}: wraps or clips "${label.textContent}"`);
        }
      }
      return { problems, smallest: Math.min(...fontSizes), count: fontSizes.length };
    });
    expect(report.problems).toEqual([]);
    expect(report.count).toBeGreaterThan(5);
    expect(report.smallest).toBeGreaterThanOrEqual(16);
    await page.close();
  });

  it('prints one page per step (?print-pdf) with the right parts on each', async () => {
    const live = await openDeck();
    // In the print view every page is a cloned section, so count steps on the live deck.
    const expectedPages = await live.page.evaluate(() =>
      window.Reveal.getSlides().reduce(
        (sum, section) => sum + 1 + section.querySelectorAll('.fragment').length,
        0,
      ),
    );
    await live.page.close();
    const { page } = await openDeck('?print-pdf');
    await page.waitForFunction(() => document.documentElement.dataset.pdfReady === 'true', {
      timeout: 30_000,
    });
    const pages = [];
    for (const pdfPage of await page.$$('.pdf-page')) {
      const slide = await pdfPage.evaluate((element) => element.querySelector('section')?.id ?? '');
      pages.push({ slide, states: await page.evaluate(readDiagramStates, pdfPage) });
    }
    expect(pages.length).toBe(expectedPages);
    const steps = new Map<string, number[]>();
    for (const pdfPage of pages) {
      for (const state of pdfPage.states) {
        expect(state.mismatches, `${pdfPage.slide} step ${state.step}`).toEqual([]);
        steps.set(state.diagram, [...(steps.get(state.diagram) ?? []), state.step]);
      }
    }
    expect(steps.size).toBeGreaterThan(0);
    // Each step of its slide once, in order; a demo's commands come after and keep the last step.
    for (const [diagram, seen] of steps) {
      const last = Math.max(...seen);
      expect(seen, diagram).toEqual([...Array(seen.length).keys()].map((page) => Math.min(page, last)));
    }
    await page.close();
  });
});
