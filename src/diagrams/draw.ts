import type { Mermaid } from 'mermaid';
import { DeckValidationError, type DeckProblem } from '../deck/problems.ts';
import { validateDiagrams } from '../deck/validate-diagrams.ts';
import type { DeckEntry, DeckInput, DiagramBlock } from '../deck/types.ts';
import { diagramCacheKey, type SvgCache } from './cache.ts';
import { createPartsReader } from './parts.ts';
import { resolveHideSteps, resolvePartSteps } from './steps.ts';
import { addTextAlternative, findPartElements, tagPartSteps } from './tag-svg.ts';
import { mermaidThemeVariables, referThemeProperties, type DiagramTheme } from './theme.ts';

/**
 * What a cached SVG looks like, part of the cache key: 2 since its colours refer to the theme's
 * custom properties (an SVG cached with literal colours would not follow a theme switch).
 */
const SVG_FORMAT = '2';

/** A diagram block and the place on its slide where its SVG goes. */
export interface DiagramTarget {
  entry: DeckEntry;
  block: DiagramBlock;
  canvas: HTMLElement;
}

export interface DrawOptions {
  deck: DeckInput;
  theme: DiagramTheme;
  cache: SvgCache;
  /** Loaded only when some diagram is not cached. */
  loadMermaid: () => Promise<Mermaid>;
  /** Mermaid's version, part of the cache key. */
  mermaidVersion: string;
  /**
   * Where Mermaid lays out and measures: an unscaled, laid-out element with the same
   * typography as a slide's diagram canvas, so labels measure as they will show.
   */
  measureIn: HTMLElement;
  /**
   * Check every diagram with Mermaid's parser before the first drawing (dev: the build has
   * already checked them, so the built deck skips the cost).
   */
  validate: boolean;
}

/** What drawing did, for the readiness signal and the benchmark. */
export interface DrawReport {
  drawn: number;
  fromCache: number;
  /** The cache keys of the diagrams drawn (what a persisted cache should keep). */
  keys: string[];
}

export interface DiagramDrawer {
  /** Draws these diagrams, in order, one at a time (Mermaid's renderer is not re-entrant). */
  draw(targets: readonly DiagramTarget[]): Promise<DrawReport>;
}

/**
 * Draws diagrams off-slide (Mermaid lays out in `measureIn`, an unscaled copy of the slides'
 * typography), then moves each finished SVG into its slide. Mermaid is loaded, set up and the
 * deck's diagrams checked on the first cache miss only. A diagram that fails throws a
 * DeckValidationError naming its slide module.
 */
export function createDiagramDrawer(options: DrawOptions): DiagramDrawer {
  let mermaid: Mermaid | null = null;
  const ensureMermaid = async (): Promise<Mermaid> => {
    if (mermaid) return mermaid;
    performance.mark('docker-talk:mermaid-load');
    const loaded = await options.loadMermaid();
    performance.measure('docker-talk:mermaid-load', 'docker-talk:mermaid-load');
    initialiseMermaid(loaded, options.theme);
    if (options.validate) {
      const problems = await validateDiagrams(options.deck, createPartsReader(loaded));
      if (problems.length > 0) throw new DeckValidationError(problems);
    }
    mermaid = loaded;
    return loaded;
  };

  return {
    async draw(targets) {
      const report: DrawReport = { drawn: 0, fromCache: 0, keys: [] };
      for (const target of targets) {
        // An underscore: slide ids are slugs (no underscores), and Mermaid deletes any element
        // that already has the id it renders to, so the SVG id must never equal a slide's id.
        const svgId = `diagram_${target.block.id}`;
        const key = diagramCacheKey([
          SVG_FORMAT,
          options.mermaidVersion,
          svgId,
          target.block.source,
          JSON.stringify(target.block.steps ?? []),
          target.block.title,
          target.block.description,
          JSON.stringify(options.theme),
        ]);
        report.keys.push(key);
        const cached = options.cache.get(key);
        if (cached) {
          target.canvas.innerHTML = cached;
          fitToCanvas(target.canvas);
          report.fromCache += 1;
          continue;
        }
        const loaded = await ensureMermaid();
        performance.mark(`docker-talk:draw-${target.block.id}`);
        const svg = await drawOne(loaded, target, svgId, options.measureIn);
        referThemeProperties(svg, options.theme);
        performance.measure(`docker-talk:draw-${target.block.id}`, `docker-talk:draw-${target.block.id}`);
        options.cache.set(key, svg.outerHTML);
        fitToCanvas(target.canvas);
        report.drawn += 1;
      }
      return report;
    },
  };
}

function initialiseMermaid(mermaid: Mermaid, theme: DiagramTheme): void {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    themeVariables: mermaidThemeVariables(theme),
    fontFamily: theme.fontFamily,
    flowchart: {
      useMaxWidth: false,
      htmlLabels: true,
      // Labels break where the source says (<br/>), not at Mermaid's 200px default.
      wrappingWidth: 520,
      padding: 14,
      // Room between a subgraph's top edge and its title, and between the title and its content.
      subGraphTitleMargin: { top: 10, bottom: 6 },
      nodeSpacing: 32,
      rankSpacing: 40,
    },
  });
}

/** Most a diagram is enlarged to fill its canvas: a small diagram should not get giant text. */
const MAX_ENLARGEMENT = 1.3;

function fitToCanvas(canvas: HTMLElement): void {
  const svg = canvas.querySelector('svg');
  const width = Number(svg?.getAttribute('width'));
  const height = Number(svg?.getAttribute('height'));
  if (!svg || !(width > 0 && height > 0)) return;
  // CSSOM, not a style attribute: allowed by the Content-Security-Policy.
  svg.style.maxWidth = `${width * MAX_ENLARGEMENT}px`;
  svg.style.maxHeight = `${height * MAX_ENLARGEMENT}px`;
}

async function drawOne(
  mermaid: Mermaid,
  target: DiagramTarget,
  svgId: string,
  measureIn: HTMLElement,
): Promise<SVGSVGElement> {
  const { block, entry } = target;
  const fail = (message: string, fix: string): never => {
    const problem: DeckProblem = { module: entry.module, slideId: entry.slide.id, message, fix };
    throw new DeckValidationError([problem]);
  };
  let markup: string;
  try {
    markup = (await mermaid.render(svgId, block.source, measureIn)).svg;
  } catch (error) {
    return fail(
      `Mermaid could not draw the diagram "${block.id}": ${String(error)}`,
      'correct the Mermaid source',
    );
  }
  target.canvas.innerHTML = markup;
  const svg = target.canvas.querySelector('svg');
  if (!svg) return fail(`Mermaid drew no SVG for the diagram "${block.id}"`, 'correct the Mermaid source');

  const parts = await createPartsReader(mermaid)(block.source);
  const found = findPartElements(svg, svgId, parts);
  const missing = (block.steps ?? [])
    .flatMap((step) => [...step.show, ...(step.hide ?? [])])
    .filter((id) => !found.has(id));
  if (missing.length > 0) {
    fail(
      `the diagram "${block.id}" drew no element for ${missing.join(', ')}`,
      'check the ids used in `steps`',
    );
  }
  tagPartSteps(found, resolvePartSteps(parts, block.steps ?? []), resolveHideSteps(block.steps ?? []));
  addTextAlternative(svg, svgId, block.title, block.description);
  // Mermaid's own size attributes fix the aspect ratio; CSS fits the SVG into its canvas.
  svg.removeAttribute('style');
  svg.classList.add('diagram-svg');
  return svg;
}
