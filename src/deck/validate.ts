import { MAX_DIAGRAM_STEPS } from '../diagrams/limits.ts';
import { parseLineRanges } from './line-ranges.ts';
import type { DeckProblem } from './problems.ts';
import { validateDeckConfig } from './validate-config.ts';
import { countAuthoredFragments, diagramStepCount, flattenBlocks } from './resolve.ts';
import { CODE_LANGUAGES, type Block, type DeckEntry, type DeckInput } from './types.ts';

/** The files slides may show, as the loader found them. */
export interface AssetIndex {
  /** Text of each file under `assets/examples/`, keyed by its path below that folder. */
  examples: ReadonlyMap<string, string>;
  /** Paths below `assets/images/` that exist. */
  images: ReadonlySet<string>;
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks the whole deck, its config included, before anything renders. Returns every problem found (not just the
 * first), each naming the slide module and the fix. Diagram sources are checked separately by
 * `validateDiagrams`, which needs Mermaid's parser.
 */
export function validateDeck(deck: DeckInput, assets: AssetIndex): DeckProblem[] {
  const problems: DeckProblem[] = validateDeckConfig(deck);
  if (deck.entries.length === 0) {
    problems.push({
      module: 'slides/index.ts',
      slideId: '(none)',
      message: 'the deck has no slides',
      fix: 'list the slide modules in `slides`',
    });
  }
  const firstModuleOfId = new Map<string, string>();
  const firstModuleOfDiagram = new Map<string, string>();

  for (const entry of deck.entries) {
    const report = (message: string, fix: string) =>
      problems.push({ module: entry.module, slideId: entry.slide.id || '(no id)', message, fix });
    const { slide } = entry;

    if (!ID_PATTERN.test(slide.id ?? '')) {
      report(
        `the id "${slide.id ?? ''}" is not a slug`,
        'use lowercase letters, digits and dashes, e.g. "build-cache"',
      );
    }
    const earlier = firstModuleOfId.get(slide.id);
    if (earlier !== undefined) {
      report(`the id "${slide.id}" is already used by ${earlier}`, 'give each slide its own id');
    } else {
      firstModuleOfId.set(slide.id, entry.module);
    }
    if (!slide.title?.trim()) report('the slide has no title', 'set `title`');
    if (typeof slide.notes !== 'string' || !slide.notes.trim()) {
      report('the slide has no speaker notes', 'write `notes`: two to five sentences to say on this slide');
    }
    if (slide.timing !== undefined && !(Number.isFinite(slide.timing) && slide.timing > 0)) {
      report(
        `timing ${String(slide.timing)} is not a positive number of seconds`,
        'set `timing` in seconds, e.g. 60',
      );
    }
    const blocks = slide.blocks ?? [];
    if (blocks.length === 0 && !(slide.layout === 'title' && slide.subtitle)) {
      report(
        'the slide is empty',
        'add at least one block (text, bullets, code, columns, table, image or diagram)',
      );
    }
    checkBlocks(flattenBlocks(blocks), assets, report);
    checkColumns(blocks, report);
    checkDiagramSteps(entry, report);

    for (const block of flattenBlocks(blocks)) {
      if (block.kind !== 'diagram') continue;
      const other = firstModuleOfDiagram.get(block.id);
      if (other !== undefined)
        report(`the diagram id "${block.id}" is already used by ${other}`, 'give each diagram its own id');
      else firstModuleOfDiagram.set(block.id, entry.module);
    }
  }
  return problems;
}

type Report = (message: string, fix: string) => void;

function checkBlocks(blocks: readonly Block[], assets: AssetIndex, report: Report): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'text':
        if (!block.text?.trim()) report('a text block is empty', 'write its `text` or remove it');
        break;
      case 'bullets':
        if (block.items.length === 0) report('a bullet list has no items', 'add items or remove the list');
        for (const item of block.items) {
          const value = typeof item === 'string' ? item : item.text;
          if (!value?.trim()) report('a bullet is empty', 'write its text or remove it');
          if (
            typeof item !== 'string' &&
            item.link !== undefined &&
            !/^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/.test(item.link)
          ) {
            report(`the bullet "${value}" links to "${item.link}"`, 'link to a full https:// address');
          }
        }
        break;
      case 'code':
        checkCode(block, assets, report);
        break;
      case 'table':
        if (block.head.length === 0) report('a table has no header row', 'set `head`');
        block.rows.forEach((row, index) => {
          if (row.length !== block.head.length) {
            report(
              `row ${index + 1} of a table has ${row.length} cells, the header has ${block.head.length}`,
              'give every row as many cells as the header',
            );
          }
        });
        break;
      case 'image':
        if (!assets.images.has(block.file)) {
          report(`the image "assets/images/${block.file}" does not exist`, 'add the file or correct `file`');
        }
        if (!block.alt?.trim()) report(`the image "${block.file}" has no text alternative`, 'set `alt`');
        break;
      case 'diagram':
        if (!/^[a-z][a-z0-9-]*$/.test(block.id ?? '')) {
          report(
            `the diagram id "${block.id ?? ''}" is not a slug`,
            'use lowercase letters, digits and dashes',
          );
        }
        if (!block.source?.trim()) report(`the diagram "${block.id}" has no Mermaid source`, 'set `source`');
        if (!block.title?.trim() || !block.description?.trim()) {
          report(`the diagram "${block.id}" has no text alternative`, 'set `title` and `description`');
        }
        if (diagramStepCount(block) > MAX_DIAGRAM_STEPS) {
          report(
            `the diagram "${block.id}" has ${block.steps?.length} steps, more than ${MAX_DIAGRAM_STEPS}`,
            'merge steps or split the diagram over two slides',
          );
        }
        block.steps?.forEach((step, index) => {
          if (index > 0 && step.show.length === 0) {
            report(
              `step ${index} of the diagram "${block.id}" shows nothing`,
              'name the parts it adds in `show`, or remove the step',
            );
          }
        });
        break;
      case 'columns':
        break;
    }
  }
}

function checkCode(block: Extract<Block, { kind: 'code' }>, assets: AssetIndex, report: Report): void {
  if (!(CODE_LANGUAGES as readonly string[]).includes(block.language)) {
    report(`the code language "${block.language}" is not known`, `use one of ${CODE_LANGUAGES.join(', ')}`);
  }
  const content = assets.examples.get(block.file);
  if (content === undefined) {
    report(`the code file "assets/examples/${block.file}" does not exist`, 'add the file or correct `file`');
    return;
  }
  const lineCount = content.replace(/\n$/, '').split('\n').length;
  if (block.lines) {
    const [first, last] = block.lines;
    if (!(first >= 1 && last >= first && last <= lineCount)) {
      report(`lines [${first}, ${last}] are outside "${block.file}" (${lineCount} lines)`, 'correct `lines`');
    }
  }
  if (block.highlight !== undefined) {
    const lines = parseLineRanges(block.highlight);
    const shown = block.lines ? block.lines[1] - block.lines[0] + 1 : lineCount;
    if (lines === null) {
      report(
        `the highlight "${block.highlight}" is not a line list`,
        'write it like "3" or "2-4" or "1,5-6"',
      );
    } else if (lines.some((line) => line > shown)) {
      report(
        `the highlight "${block.highlight}" goes past the ${shown} lines shown`,
        'count lines from the first line shown',
      );
    }
  }
}

function checkColumns(blocks: readonly Block[], report: Report): void {
  for (const block of blocks) {
    if (block.kind !== 'columns') continue;
    if (block.left.length === 0 || block.right.length === 0) {
      report('a column is empty', 'put a block in each column, or use a single block instead');
    }
    if ([...block.left, ...block.right].some((inner) => (inner as Block).kind === 'columns')) {
      report('columns are nested', 'use one level of columns');
    }
  }
}

function checkDiagramSteps(entry: DeckEntry, report: Report): void {
  const diagrams = flattenBlocks(entry.slide.blocks ?? []).filter((block) => block.kind === 'diagram');
  const animated = diagrams.filter((block) => diagramStepCount(block) > 1);
  if (animated.length > 1) {
    report(
      `the slide has ${animated.length} animated diagrams`,
      'animate one diagram per slide; give the others a single step',
    );
  }
  const diagram = animated[0];
  if (!diagram) return;
  const fragments = countAuthoredFragments(entry.slide);
  const diagramFragments = diagramStepCount(diagram) - 1;
  if (fragments !== 0 && fragments !== diagramFragments) {
    report(
      `the diagram "${diagram.id}" has ${diagramFragments} steps after the first but the slide has ${fragments} fragments`,
      'make one fragment per diagram step (they appear together), or no fragments at all',
    );
  }
}
