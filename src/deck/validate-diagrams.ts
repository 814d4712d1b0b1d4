import type { ReadDiagramParts } from '../diagrams/parts.ts';
import { impossibleHides, repeatedStepIds, unknownStepIds } from '../diagrams/steps.ts';
import type { DeckProblem } from './problems.ts';
import { flattenBlocks } from './resolve.ts';
import type { DeckInput } from './types.ts';

/**
 * Checks every diagram with Mermaid's parser: the source parses, and every id its steps name is
 * a node, edge or subgraph the source defines, named by one step only.
 */
export async function validateDiagrams(deck: DeckInput, readParts: ReadDiagramParts): Promise<DeckProblem[]> {
  const problems: DeckProblem[] = [];
  for (const entry of deck.entries) {
    for (const block of flattenBlocks(entry.slide.blocks ?? [])) {
      if (block.kind !== 'diagram' || !block.source?.trim()) continue;
      const report = (message: string, fix: string) =>
        problems.push({ module: entry.module, slideId: entry.slide.id, message, fix });
      let parts;
      try {
        parts = await readParts(block.source);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        report(
          `Mermaid cannot read the diagram "${block.id}": ${reason.split('\n').slice(0, 4).join(' ')}`,
          'correct the Mermaid source (try it at mermaid.live)',
        );
        continue;
      }
      const steps = block.steps ?? [];
      const unknown = unknownStepIds(parts, steps);
      if (unknown.length > 0) {
        report(
          `the steps of the diagram "${block.id}" name ${unknown.map((id) => `"${id}"`).join(', ')}, which the source does not define`,
          'use node ids, subgraph ids or edge ids written as `id@-->` in the source',
        );
      }
      for (const problem of impossibleHides(parts, steps)) {
        report(
          `in the diagram "${block.id}", ${problem}`,
          'hide a part only at a step after the one that shows it',
        );
      }
      const repeated = repeatedStepIds(steps);
      if (repeated.length > 0) {
        report(
          `the steps of the diagram "${block.id}" name ${repeated.map((id) => `"${id}"`).join(', ')} more than once`,
          'show each part at one step only',
        );
      }
    }
  }
  return problems;
}
