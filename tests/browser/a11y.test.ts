import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  openWatchedPage,
  originOf,
  waitForDeck,
  type PageProblems,
} from '../../src/export/driver/deck-page.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

/** axe-core's browser build, injected into the deck page (the page loads nothing from outside). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2 AA for normal-size text; held for every size here. */
const MIN_CONTRAST = 4.5;

// ---------------------------------------------------------------------------------------------
// Contrast: WCAG relative luminance, and the colour a stack of (semi-)transparent layers paints.

type Rgba = readonly [r: number, g: number, b: number, a: number];

/** `rgb()` / `rgba()` as Chromium computes colours (comma or space syntax). */
function parseColor(css: string): Rgba {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
    css.trim(),
  );
  if (!match) throw new Error(`not an rgb() colour: ${css}`);
  const alpha = match[4] === undefined ? 1 : parseFloat(match[4]) / (match[4].endsWith('%') ? 100 : 1);
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/** WCAG 2 relative luminance of an opaque sRGB colour (channels 0..255). */
function relativeLuminance([r, g, b]: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two opaque colours: 1 to 21. */
function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** `top` painted over an opaque `bottom` (source-over), as an opaque colour. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [
    top[0] * a + bottom[0] * (1 - a),
    top[1] * a + bottom[1] * (1 - a),
    top[2] * a + bottom[2] * (1 - a),
    1,
  ];
}

/** One box between the page and the text: its background and its `opacity`. */
interface Layer {
  /** A computed colour (`background-color`, or an SVG shape's `fill`). */
  color: string;
  /** Multiplies the colour's alpha (an SVG shape's `fill-opacity`; 1 for CSS backgrounds). */
  alpha: number;
  opacity: number;
}

/**
 * The opaque colour a pixel gets from `layers` (outermost first) over a white canvas, with the
 * text colour on top when given. Each layer is a group: its background, then what it holds,
 * blended with its `opacity` over what lies behind it.
 */
function paint(layers: readonly Layer[], text?: string): Rgba {
  const at = (index: number, backdrop: Rgba): Rgba => {
    const layer = layers[index];
    if (!layer) return text === undefined ? backdrop : over(parseColor(text), backdrop);
    const [r, g, b, a] = parseColor(layer.color);
    const inside = at(index + 1, over([r, g, b, a * layer.alpha], backdrop));
    return over([inside[0], inside[1], inside[2], layer.opacity], backdrop);
  };
  return at(0, [255, 255, 255, 1]);
}

/** A piece of text on a slide, with what lies behind it. */
interface ContrastSample {
  kind: string;
  text: string;
  color: string;
  layers: Layer[];
}

function rgb(color: Rgba): string {
  return `rgb(${color.slice(0, 3).map(Math.round).join(', ')})`;
}

function contrastOf(sample: ContrastSample): number {
  return contrastRatio(paint(sample.layers, sample.color), paint(sample.layers));
}

// ---------------------------------------------------------------------------------------------
// The audit, in the page.

interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface SlideAudit {
  index: number;
  id: string;
  hiddenFragments: number;
  axe: AxeFinding[];
  slideText: ContrastSample[];
  diagramLabels: ContrastSample[];
}

/**
 * For one slide, shown with all its fragments: axe's violations, and every piece of text with
 * the layers behind it. Passed to `page.evaluate`: uses nothing from Node's scope.
 */
async function auditSlide(index: number): Promise<SlideAudit> {
  const reveal = window.Reveal;
  const section = reveal.getSlides()[index]!;
  const lastFragment = Math.max(
    -1,
    ...[...section.querySelectorAll<HTMLElement>('.fragment')].map((f) => Number(f.dataset.fragmentIndex)),
  );
  reveal.slide(index, 0, lastFragment);

  const axe = (window as unknown as { axe: { run: (c: Element, o: object) => Promise<AxeResults> } }).axe;
  const results = await axe.run(reveal.getCurrentSlide(), { resultTypes: ['violations'] });
  const findings = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      rule: violation.id,
      impact: node.impact ?? violation.impact ?? 'unknown',
      help: violation.help,
      targets: node.target.map(String),
    })),
  );

  const hasOwnText = (element: Element) =>
    [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
  const boxLayer = (element: Element) => {
    const style = getComputedStyle(element);
    return { color: style.backgroundColor, alpha: 1, opacity: Number(style.opacity) };
  };
  /** Layers from `top` (exclusive) down to `element` (inclusive). */
  const chain = (element: Element, top: Element | null) => {
    const layers = [];
    for (let e: Element | null = element; e && e !== top; e = e.parentElement) layers.unshift(boxLayer(e));
    return layers;
  };
  const textOf = (element: Element) => (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
  const kindOf = (element: Element) =>
    element.closest('.slide-title')
      ? 'title'
      : element.closest('.code-line')
        ? 'code line'
        : element.closest('caption, figcaption')
          ? 'caption'
          : element.closest('th, td')
            ? 'table cell'
            : element.tagName.toLowerCase();

  const slideText: ContrastSample[] = [];
  for (const element of section.querySelectorAll('.slide-frame *')) {
    if (element.closest('svg, aside.notes') || !hasOwnText(element)) continue;
    if (!element.checkVisibility({ visibilityProperty: true })) continue;
    slideText.push({
      kind: kindOf(element),
      text: textOf(element),
      color: getComputedStyle(element).color,
      layers: chain(element, null),
    });
  }

  const diagramLabels: ContrastSample[] = [];
  for (const figure of section.querySelectorAll<HTMLElement>('figure.diagram[data-diagram]')) {
    const backdrop = chain(figure, null);
    for (const label of figure.querySelectorAll<HTMLElement>('svg .nodeLabel, svg .edgeLabel')) {
      // `.edgeLabel` also names Mermaid's SVG group around the label's HTML.
      if (!(label instanceof HTMLElement)) continue;
      const foreignObject = label.closest('foreignObject');
      const layers = [...backdrop];
      const isEdge = label.classList.contains('edgeLabel');
      // A node's label sits on its shape (a subgraph's on its box); with no filled shape, on the slide.
      if (!isEdge) {
        const owner = label.closest('g.node, g.cluster');
        const shape = [
          ...(owner?.querySelectorAll<SVGGraphicsElement>('rect, polygon, path, circle, ellipse') ?? []),
        ]
          .filter((s) => !s.closest('.label, .cluster-label, foreignObject'))
          .find((s) => getComputedStyle(s).fill !== 'none');
        if (shape) {
          const style = getComputedStyle(shape);
          layers.push({ color: style.fill, alpha: Number(style.fillOpacity), opacity: 1 });
        }
      }
      for (const element of [label, ...label.querySelectorAll('*')]) {
        if (!hasOwnText(element)) continue;
        diagramLabels.push({
          kind: `${figure.dataset.diagram} ${isEdge ? 'edge' : 'node'} label`,
          text: textOf(element),
          color: getComputedStyle(element).color,
          layers: [...layers, ...chain(element, foreignObject)],
        });
      }
    }
  }

  return {
    index,
    id: section.id,
    hiddenFragments: section.querySelectorAll('.fragment:not(.visible)').length,
    axe: findings,
    slideText,
    diagramLabels,
  };
}

function describeLowContrast(
  audits: readonly SlideAudit[],
  pick: (a: SlideAudit) => ContrastSample[],
): string[] {
  return audits.flatMap((audit) =>
    pick(audit)
      .map((sample) => ({ sample, ratio: contrastOf(sample) }))
      .filter(({ ratio }) => ratio < MIN_CONTRAST)
      .map(
        ({ sample, ratio }) =>
          `${audit.id}: ${sample.kind} "${sample.text}" is ${ratio.toFixed(2)}:1 (${rgb(paint(sample.layers, sample.color))} on ${rgb(paint(sample.layers))})`,
      ),
  );
}

const browser = useSharedBrowser();
let url: string;
beforeAll(() => {
  url = inject('builtUrl');
});

async function openDeck(
  reducedMotion: boolean,
  theme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; problems: PageProblems }> {
  const opened = await openWatchedPage(browser(), originOf(url));
  // Before navigation: the deck reads the preference once, when reveal.js starts.
  if (reducedMotion) {
    await opened.page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  }
  await opened.page.goto(theme === 'light' ? url : `${url}?theme=${theme}`);
  await waitForDeck(opened.page);
  return opened;
}

/** Luminance of the page's background, as painted: the dark theme must really be dark. */
const BACKGROUND_LUMINANCE = { light: [0.8, 1], dark: [0, 0.05] } as const;

describe.each(['light', 'dark'] as const)('accessibility of the built deck, %s theme', (theme) => {
  let page: Page;
  let problems: PageProblems;
  let audits: SlideAudit[];

  beforeAll(async () => {
    ({ page, problems } = await openDeck(true, theme));
    await page.evaluate(AXE_SOURCE);
    const total = await page.evaluate(() => window.Reveal.getTotalSlides());
    audits = [];
    for (let index = 0; index < total; index += 1) audits.push(await page.evaluate(auditSlide, index));
  });
  afterAll(async () => {
    await page?.close();
  });

  it(`shows the ${theme} theme`, async () => {
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundColor,
    );
    const [low, high] = BACKGROUND_LUMINANCE[theme];
    const luminance = relativeLuminance(parseColor(background));
    expect(luminance, background).toBeGreaterThanOrEqual(low);
    expect(luminance, background).toBeLessThanOrEqual(high);
  });

  it('audits every slide with all of its fragments shown', () => {
    expect(audits.length).toBeGreaterThanOrEqual(4);
    expect(audits.filter((audit) => audit.hiddenFragments > 0).map((audit) => audit.id)).toEqual([]);
  });

  it('has no colour contrast violation by axe on any slide, of any impact', () => {
    const contrast = audits.flatMap((audit) =>
      audit.axe
        .filter((finding) => finding.rule.includes('contrast'))
        .map((finding) => `${audit.id}: ${finding.rule} at ${finding.targets.join(' ')}`),
    );
    expect(contrast).toEqual([]);
  });

  it('has no serious or critical axe violation on any slide', () => {
    const serious = audits.flatMap((audit) =>
      audit.axe
        .filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')
        .map(
          (finding) =>
            `${audit.id}: ${finding.rule} (${finding.impact}) at ${finding.targets.join(' ')}: ${finding.help}`,
        ),
    );
    expect(serious).toEqual([]);
  });

  it('gives every diagram the image role, a title and a description', async () => {
    const diagrams = await page.evaluate(() =>
      [...document.querySelectorAll<SVGSVGElement>('.slides figure.diagram svg')]
        .filter((svg) => !svg.closest('.diagram-measure'))
        .map((svg) => {
          const byId = (attribute: string) => {
            const id = svg.getAttribute(attribute);
            const target = id ? svg.ownerDocument.getElementById(id) : null;
            return {
              tag: target?.tagName.toLowerCase() ?? null,
              inside: target ? svg.contains(target) : false,
              text: target?.textContent?.trim() ?? '',
            };
          };
          return {
            diagram: svg.closest<HTMLElement>('figure')!.dataset.diagram,
            role: svg.getAttribute('role'),
            label: byId('aria-labelledby'),
            description: byId('aria-describedby'),
          };
        }),
    );
    expect(diagrams.length).toBeGreaterThan(0);
    for (const diagram of diagrams) {
      expect(diagram, diagram.diagram).toMatchObject({
        role: 'img',
        label: { tag: 'title', inside: true },
        description: { tag: 'desc', inside: true },
      });
      expect(diagram.label.text, `${diagram.diagram} title`).not.toBe('');
      expect(diagram.description.text, `${diagram.diagram} description`).not.toBe('');
    }
  });

  it(`sets diagram labels at ${MIN_CONTRAST}:1 or more against the shape behind them`, () => {
    const labels = audits.flatMap((audit) => audit.diagramLabels);
    expect(labels.filter((l) => l.kind.endsWith('node label')).length).toBeGreaterThan(0);
    expect(labels.filter((l) => l.kind.endsWith('edge label')).length).toBeGreaterThan(0);
    expect(describeLowContrast(audits, (audit) => audit.diagramLabels)).toEqual([]);
  });

  it(`sets slide text (titles, body, tables, captions, code) at ${MIN_CONTRAST}:1 or more`, () => {
    const kinds = new Set(audits.flatMap((audit) => audit.slideText.map((sample) => sample.kind)));
    for (const kind of ['title', 'li', 'table cell', 'caption', 'code line']) expect(kinds).toContain(kind);
    expect(describeLowContrast(audits, (audit) => audit.slideText)).toEqual([]);
  });

  it.runIf(theme === 'light')(
    'is driven by the keyboard alone: arrows, space, overview and escape',
    async () => {
      const { plain, stepped } = await page.evaluate(() => {
        const slides = window.Reveal.getSlides();
        return {
          plain: slides.findIndex((s, i) => i < slides.length - 1 && !s.querySelector('.fragment')),
          stepped: slides.findIndex((s) => s.querySelectorAll('.fragment').length >= 2),
        };
      });
      expect(plain).toBeGreaterThanOrEqual(0);
      expect(stepped).toBeGreaterThanOrEqual(0);
      const indices = () =>
        page.evaluate(() => {
          const { h, f } = window.Reveal.getIndices();
          return { h, f };
        });
      const press = async (key: Parameters<Page['keyboard']['press']>[0]) => {
        await page.keyboard.press(key);
        return indices();
      };

      await page.bringToFront();
      await page.evaluate((index) => {
        window.Reveal.slide(index, 0, -1);
        (document.activeElement as HTMLElement | null)?.blur();
        document.body.focus();
      }, plain);
      expect(await indices()).toEqual({ h: plain, f: undefined });
      expect(await press('ArrowRight')).toMatchObject({ h: plain + 1 });
      expect(await press('ArrowLeft')).toEqual({ h: plain, f: undefined });
      expect(await press('Space')).toMatchObject({ h: plain + 1 });

      await page.evaluate((index) => window.Reveal.slide(index, 0, -1), stepped);
      expect(await indices()).toEqual({ h: stepped, f: -1 });
      expect(await press('ArrowRight')).toEqual({ h: stepped, f: 0 });
      expect(await press('Space')).toEqual({ h: stepped, f: 1 });
      expect(await press('ArrowLeft')).toEqual({ h: stepped, f: 0 });

      await page.keyboard.press('o');
      expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(false);
      expect(await indices()).toEqual({ h: stepped, f: 0 });
      expect(await press('ArrowRight')).toEqual({ h: stepped, f: 1 });
    },
  );

  it('logs no error and requests nothing outside its origin during the audit', () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
});

/** Seconds, from a computed `transition-duration` list such as `0.35s, 0.35s, 350ms`. */
function longestDuration(value: string): number {
  return Math.max(
    ...value.split(',').map((part) => parseFloat(part) / (part.trim().endsWith('ms') ? 1000 : 1)),
  );
}

describe('motion', () => {
  async function readMotion(reducedMotion: boolean) {
    const { page, problems } = await openDeck(reducedMotion);
    const motion = await page.evaluate(() => {
      const part = document.querySelector('.slides figure.diagram [data-diagram-step]');
      return {
        transition: window.Reveal.getConfig().transition,
        stepDuration: part ? getComputedStyle(part).transitionDuration : null,
        slideDuration: getComputedStyle(window.Reveal.getCurrentSlide()).transitionDuration,
      };
    });
    await page.close();
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    return motion;
  }

  it('turns slide and step transitions off under prefers-reduced-motion: reduce', async () => {
    const motion = await readMotion(true);
    expect(motion.transition).toBe('none');
    expect(motion.stepDuration).not.toBeNull();
    expect(longestDuration(motion.stepDuration!)).toBe(0);
    expect(longestDuration(motion.slideDuration)).toBe(0);
  });

  it('animates slides and steps otherwise', async () => {
    const motion = await readMotion(false);
    expect(motion.transition).toBe('slide');
    expect(motion.stepDuration).not.toBeNull();
    expect(longestDuration(motion.stepDuration!)).toBeGreaterThan(0);
  });
});
