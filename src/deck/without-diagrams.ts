import type { Block, SlideInput } from './types.ts';

/**
 * The same slides with every diagram replaced by a paragraph of its caption: the benchmark's
 * baseline, so "what diagrams cost" is measured on an otherwise identical deck.
 */
export function withoutDiagrams(slides: readonly SlideInput[]): SlideInput[] {
  const replace = (block: Block): Block =>
    block.kind === 'diagram' ? { kind: 'text', text: block.caption ?? block.title } : block;
  return slides.map((slide) => ({
    ...slide,
    blocks: slide.blocks.map((block) =>
      block.kind === 'columns'
        ? {
            ...block,
            left: block.left.map(replace) as typeof block.left,
            right: block.right.map(replace) as typeof block.right,
          }
        : replace(block),
    ),
  }));
}
