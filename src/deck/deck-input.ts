import type { DeckConfigInput, DeckInput, SlideInput } from './types.ts';

/**
 * Pairs each slide of the talk with the module that defines it (found by identity among the
 * modules the loader saw), so that every error can name the file to edit.
 */
export function createDeckInput(
  config: DeckConfigInput,
  slides: readonly SlideInput[],
  modules: ReadonlyMap<string, SlideInput>,
  configModule = 'slides/deck.ts',
): DeckInput {
  const moduleOf = new Map<SlideInput, string>();
  for (const [path, slide] of modules) moduleOf.set(slide, path);
  return {
    config,
    configModule,
    entries: slides.map((slide) => ({ slide, module: moduleOf.get(slide) ?? 'slides/index.ts' })),
  };
}
