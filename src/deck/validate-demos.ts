import type { DemoBlockData } from './demo-types.ts';
import type { DeckProblem } from './problems.ts';
import { flattenBlocks, demoIdsOf } from './resolve.ts';
import type { DeckInput } from './types.ts';

/**
 * What validation needs of a demo block: where it is, which slide it names, and its commands
 * (for quoted output; a block without them quotes nothing).
 */
export type DemoBlockRef = Pick<DemoBlockData, 'id' | 'script' | 'line' | 'slideId'> &
  Partial<Pick<DemoBlockData, 'commands'>>;

/** A free-text demo instruction in the notes: the commands belong in `demo` now. */
const FREE_TEXT_DEMO = /\bDemo:/;

/**
 * Ties slides and demo blocks together both ways: every `demo` names a block that exists and
 * names this slide back, every block belongs to a slide that names it, and no notes still carry
 * a demo as free text (where it drifts from what is rehearsed).
 */
export function validateDemos(deck: DeckInput, blocks: readonly DemoBlockRef[]): DeckProblem[] {
  const problems: DeckProblem[] = [];
  const blockById = new Map(blocks.map((block) => [block.id, block]));
  const entryById = new Map(deck.entries.map((entry) => [entry.slide.id, entry]));
  const named = new Set<string>();

  for (const entry of deck.entries) {
    const report = (message: string, fix: string) =>
      problems.push({ module: entry.module, slideId: entry.slide.id, message, fix });
    const ids = demoIdsOf(entry.slide);
    for (const id of ids) {
      named.add(id);
      const block = blockById.get(id);
      if (!block) {
        report(
          `the demo "${id}" is not a block of the demo scripts`,
          `use one of ${blocks.map((candidate) => `"${candidate.id}"`).join(', ') || '(none: the scripts have no blocks)'}, or add a "# block:" comment to the script`,
        );
      } else if (block.slideId !== entry.slide.id) {
        report(
          `the demo "${id}" belongs to the slide "${block.slideId}" (${block.script}:${block.line} says "slide: ${block.slideId}")`,
          `name the block on its own slide, or change its comment to "slide: ${entry.slide.id}"`,
        );
      }
    }
    for (const block of flattenBlocks(entry.slide.blocks ?? [])) {
      if (block.kind !== 'demo-output') continue;
      const quoted = blockById.get(block.demo);
      if (!quoted) {
        report(
          `the output block quotes the demo "${block.demo}", which is not a block of the demo scripts`,
          `use one of ${blocks.map((candidate) => `"${candidate.id}"`).join(', ') || '(none: the scripts have no blocks)'}`,
        );
      } else if (!(quoted.commands ?? []).some((command) => command.text === block.command)) {
        report(
          `the output block quotes "${block.command}", but the demo "${block.demo}" (${quoted.script}:${quoted.line}) has no such command`,
          `quote one of its commands exactly as the script has it: ${(quoted.commands ?? []).map((command) => JSON.stringify(command.text)).join(', ') || '(it has none)'}`,
        );
      }
    }
    if (notesOf(entry.slide).some((notes) => FREE_TEXT_DEMO.test(notes))) {
      report(
        'the notes still give a demo as free text ("Demo: …")',
        ids.length > 0
          ? 'remove the "Demo:" sentence: the speaker view shows the commands of `demo`'
          : 'move the commands into a "# block:" of a demo script, name it in `demo`, and remove the "Demo:" sentence',
      );
    }
  }

  for (const block of blocks) {
    if (named.has(block.id)) continue;
    const owner = entryById.get(block.slideId);
    if (owner) {
      problems.push({
        module: owner.module,
        slideId: owner.slide.id,
        message: `the demo block "${block.id}" (${block.script}:${block.line}) names this slide, but the slide does not name it`,
        fix: `add \`demo: '${block.id}'\` to the slide`,
      });
    } else {
      problems.push({
        module: block.script,
        slideId: block.slideId,
        message: `the demo block "${block.id}" (line ${block.line}) names the slide "${block.slideId}", which the deck does not have`,
        fix: 'correct "slide:" in its "# block:" comment to the id of the slide it is typed on',
      });
    }
  }
  return problems;
}

/** The slide's notes and every step's notes (bullets and diagram steps). */
function notesOf(slide: DeckInput['entries'][number]['slide']): string[] {
  const notes = [slide.notes ?? ''];
  for (const block of flattenBlocks(slide.blocks ?? [])) {
    if (block.kind === 'bullets') {
      for (const item of block.items) if (typeof item !== 'string' && item.notes) notes.push(item.notes);
    }
    if (block.kind === 'diagram')
      for (const step of block.steps ?? []) if (step.notes) notes.push(step.notes);
  }
  return notes;
}
