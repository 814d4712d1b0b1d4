import { loadDemoScripts } from '../../../src/rehearse/demo-files.ts';
import type { Block, SlideInput } from '../../../src/deck/types.ts';

/**
 * What the talk's modules say each slide is, worked out here from the slide data itself (not
 * with the engine's helpers, which are what the export tests check): the expectations of the
 * export and speaker-view tests.
 */
export interface TalkSlide {
  id: string;
  title: string;
  /** Paragraphs of the notes, whitespace collapsed. */
  notes: string[];
  /** Steps after the first, each with its own notes or null (a demo's commands are steps too). */
  steps: (string | null)[];
  timing: number;
}

function blocksOf(slide: SlideInput): Block[] {
  return slide.blocks.flatMap((block) =>
    block.kind === 'columns' ? [...block.left, ...block.right] : [block],
  );
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * One entry per step after the first, in reading order. Authored fragments (text, bullets) are
 * the steps when there are any, each taking its diagram step's notes if it has none; otherwise
 * an animated diagram's steps are.
 */
function stepsOf(slide: SlideInput): (string | null)[] {
  const diagramSteps: (string | null)[] = [];
  const authored: (string | null)[] = [];
  for (const block of blocksOf(slide)) {
    if (block.kind === 'diagram') diagramSteps.push(...(block.steps ?? []).map((step) => step.notes ?? null));
    if (block.kind === 'text' && block.fragment) authored.push(null);
    if (block.kind === 'bullets')
      for (const item of block.items)
        if (typeof item !== 'string' && item.fragment) authored.push(item.notes ?? null);
  }
  const steps =
    authored.length > 0
      ? authored.map((notes, index) => notes ?? diagramSteps[index + 1] ?? null)
      : diagramSteps.slice(1);
  return steps.map((notes) => (notes ? collapse(notes) : null));
}

/** How many commands the slide's demo blocks have, read from the demo scripts themselves. */
function demoCommandCount(slide: SlideInput): number {
  const ids = slide.demo === undefined ? [] : typeof slide.demo === 'string' ? [slide.demo] : [...slide.demo];
  const blocks = new Map(
    loadDemoScripts().flatMap(({ script }) =>
      script.blocks.map((block) => [block.id, block.commands.length]),
    ),
  );
  return ids.reduce((sum, id) => sum + (blocks.get(id) ?? 0), 0);
}

export async function loadTalk(): Promise<{ title: string; talkMinutes: number; slides: TalkSlide[] }> {
  const { slides, config } = await import('../../../slides/index.ts');
  return {
    title: config.title,
    talkMinutes: config.talkMinutes ?? 25,
    slides: slides.map((slide) => ({
      id: slide.id,
      title: slide.title,
      notes: slide.notes
        .trim()
        .split(/\n\s*\n/)
        .map(collapse),
      // Each command of the slide's demo is one more step (the pane runs it), without notes.
      steps: [...stepsOf(slide), ...Array<null>(demoCommandCount(slide)).fill(null)],
      timing: slide.timing ?? 0,
    })),
  };
}

/** m:ss, written here so the tests do not format times with the code they check. */
export function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Text as compared with a PDF's text layer: whitespace dropped (lines wrap anywhere), case and
 * quote variants folded (the text layer may give ’ back as ʼ). Written here, not taken from the
 * exporter, whose own check uses its own.
 */
export function comparable(text: string): string {
  return text
    .replace(/[‘’ʼ′]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, '')
    .toLowerCase();
}
