import { flattenBlocks } from '../deck/resolve.ts';
import type { DeckInput, DiagramBlock } from '../deck/types.ts';
import type { DiagramTarget, DrawReport } from '../diagrams/draw.ts';
import type { DiagramTheme } from '../diagrams/theme.ts';

/** Finds, in the rendered slides, the canvas of each diagram block. */
export function collectDiagramTargets(deck: DeckInput, slidesElement: HTMLElement): DiagramTarget[] {
  return deck.entries.flatMap((entry) =>
    flattenBlocks(entry.slide.blocks)
      .filter((block): block is DiagramBlock => block.kind === 'diagram')
      .map((block) => {
        const canvas = slidesElement.querySelector<HTMLElement>(
          `figure[data-diagram="${CSS.escape(block.id)}"] .diagram-canvas`,
        );
        if (!canvas) throw new Error(`the diagram "${block.id}" of ${entry.module} was not rendered`);
        return { entry, block, canvas };
      }),
  );
}

/** Draws diagrams on demand: the ones the first view needs, then the rest. */
export interface DeckDiagrams {
  draw(targets: readonly DiagramTarget[]): Promise<DrawReport>;
  /** Removes the measuring canvas; call once every diagram is drawn. */
  close(): void;
}

/**
 * Prepares drawing, loading the drawing code (and Mermaid, only when the cache misses) lazily:
 * a deck without diagrams never downloads either. Waits for the fonts first, because Mermaid
 * measures label text to size the boxes. Returns null when the deck has no diagram.
 */
export async function prepareDiagrams(
  deck: DeckInput,
  targets: readonly DiagramTarget[],
): Promise<DeckDiagrams | null> {
  const first = targets[0];
  if (!first) return null;
  const [{ createDiagramDrawer }, { createSvgCache }, { readDiagramTheme }] = await Promise.all([
    import('../diagrams/draw.ts'),
    import('../diagrams/cache.ts'),
    import('../diagrams/theme.ts'),
  ]);
  const theme = readLightDiagramTheme(readDiagramTheme);
  await Promise.all([
    document.fonts.load(`400 16px ${theme.fontFamily}`),
    document.fonts.load(`700 16px ${theme.fontFamily}`),
  ]);
  const measureIn = createMeasuringCanvas(first.canvas);
  const drawer = createDiagramDrawer({
    deck,
    theme,
    cache: createSvgCache(sessionStorageOrNull()),
    loadMermaid: async () => (await import('mermaid')).default,
    mermaidVersion: __MERMAID_VERSION__,
    measureIn,
    validate: import.meta.env.DEV,
  });
  return { draw: (some) => drawer.draw(some), close: () => measureIn.remove() };
}

/**
 * An off-screen diagram canvas inside `.reveal` but outside `.slides`: laid out (slides may be
 * `display: none`), not scaled (reveal scales `.slides`), and with the slides' typography.
 */
function createMeasuringCanvas(sample: HTMLElement): HTMLElement {
  const reveal = sample.closest('.reveal');
  if (!reveal) throw new Error('diagram canvases must sit inside .reveal');
  const figure = document.createElement('figure');
  figure.className = 'block-diagram diagram diagram-measure';
  figure.setAttribute('aria-hidden', 'true');
  const canvas = document.createElement('div');
  canvas.className = 'diagram-canvas';
  figure.append(canvas);
  reveal.append(figure);
  return canvas;
}

/**
 * Reads the diagram palette from an element that carries the light theme whatever the page's
 * theme: diagrams are drawn with it and then refer to the theme's properties (see
 * `src/diagrams/theme.ts`), so one drawing (and one cache entry) serves both themes.
 */
function readLightDiagramTheme(read: (element: Element) => DiagramTheme): DiagramTheme {
  const probe = document.createElement('div');
  probe.dataset.theme = 'light';
  probe.hidden = true;
  document.body.append(probe);
  try {
    return read(probe);
  } finally {
    probe.remove();
  }
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
