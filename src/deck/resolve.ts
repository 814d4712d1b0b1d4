import type { DemoBlockData } from './demo-types.ts';
import {
  DECK_THEMES,
  type Block,
  type DeckConfigInput,
  type DeckInput,
  type DeckTheme,
  type ResolvedDeckConfig,
  type SlideInput,
} from './types.ts';

/**
 * Defaults, in one place. Precedence, lowest first: these defaults < the deck config
 * (`slides/deck.ts`) < the URL query (`?theme=dark`, read by `resolveTheme`; `?print-pdf` and
 * reveal's own flags, read by reveal). The `T` key changes the theme live and writes it into the
 * URL query, so a reload, the speaker view's frames and the print view keep it.
 */
export const DECK_DEFAULTS = {
  talkMinutes: 25,
  subject: '',
  theme: 'light',
} as const satisfies { talkMinutes: number; subject: string; theme: DeckTheme };

/** The theme to show: `?theme=` in the URL query when it names a theme, else the config's. */
export function resolveTheme(configured: DeckTheme, query: string): DeckTheme {
  const asked = new URLSearchParams(query).get('theme');
  return (DECK_THEMES as readonly string[]).includes(asked ?? '') ? (asked as DeckTheme) : configured;
}

export function resolveDeckConfig(input: DeckConfigInput): ResolvedDeckConfig {
  return {
    title: input.title,
    author: input.author,
    subject: input.subject ?? DECK_DEFAULTS.subject,
    talkMinutes: input.talkMinutes ?? DECK_DEFAULTS.talkMinutes,
    facts: input.facts ?? [],
    theme: input.theme ?? DECK_DEFAULTS.theme,
    url: input.url ?? null,
  };
}

/** Every block of a slide, columns flattened, in reading order. */
export function flattenBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => (block.kind === 'columns' ? [...block.left, ...block.right] : [block]));
}

/** Items that are fragments written by the author (bullets and text marked `fragment`). */
export function countAuthoredFragments(slide: SlideInput): number {
  let count = 0;
  for (const block of flattenBlocks(slide.blocks)) {
    if (block.kind === 'text' && block.fragment) count += 1;
    if (block.kind === 'bullets') {
      count += block.items.filter((item) => typeof item !== 'string' && item.fragment).length;
    }
  }
  return count;
}

/** Number of steps of a diagram: `steps.length`, or 1 when it has no steps. */
export function diagramStepCount(block: { steps?: readonly unknown[] }): number {
  return Math.max(1, block.steps?.length ?? 1);
}

/**
 * How many reveal.js fragment steps a slide has. An animated diagram's steps and the authored
 * fragments are the same steps when both exist (validation makes their counts agree).
 */
export function countSlideSteps(slide: SlideInput): number {
  const diagram = flattenBlocks(slide.blocks).find((block) => block.kind === 'diagram');
  const diagramSteps = diagram ? diagramStepCount(diagram) - 1 : 0;
  return Math.max(diagramSteps, countAuthoredFragments(slide));
}

/** The demo block ids of a slide, in the order typed (`demo` may be one id or a list). */
export function demoIdsOf(slide: SlideInput): string[] {
  if (slide.demo === undefined) return [];
  return typeof slide.demo === 'string' ? [slide.demo] : [...slide.demo];
}

/** The demo blocks of each slide, by slide id, in the order the slide names them. */
export function demosBySlide(
  deck: DeckInput,
  blocks: readonly DemoBlockData[],
): ReadonlyMap<string, DemoBlockData[]> {
  const byId = new Map(blocks.map((block) => [block.id, block]));
  return new Map(
    deck.entries.map((entry) => [entry.slide.id, demoIdsOf(entry.slide).flatMap((id) => byId.get(id) ?? [])]),
  );
}
