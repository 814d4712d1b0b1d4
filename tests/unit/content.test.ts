// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.ts';
import {
  countAuthoredFragments,
  demoIdsOf,
  diagramStepCount,
  flattenBlocks,
  resolveDeckConfig,
} from '../../src/deck/resolve.ts';
import type { Block, BulletItemInput, CodeBlock, DiagramBlock, SlideInput } from '../../src/deck/types.ts';
import { validateDemos } from '../../src/deck/validate-demos.ts';
import { renderSlide } from '../../src/render/render-slide.ts';
import * as diagramModules from '../../slides/diagrams/index.ts';

/**
 * Guards the talk's content, not the engine: its length and pacing, its notes, that every code
 * block shows a real file exactly, that the examples hang together (what is shown is what runs),
 * and that the slides the talk promises (recap, further reading, every diagram) are there.
 */
const { deck, assets, imageUrls, demos } = loadDeck();
const entries = deck.entries;
const slides = entries.map((entry) => entry.slide);
const config = resolveDeckConfig(deck.config);

function blocksOf(slide: SlideInput): Block[] {
  return flattenBlocks(slide.blocks);
}

function codeBlocksOf(slide: SlideInput): CodeBlock[] {
  return blocksOf(slide).filter((block): block is CodeBlock => block.kind === 'code');
}

function slideById(id: string): SlideInput {
  const slide = slides.find((candidate) => candidate.id === id);
  if (!slide) throw new Error(`no slide "${id}"`);
  return slide;
}

/** Sentences of spoken text: a full stop, question or exclamation mark, then a capital. */
function sentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z"“])/)
    .filter((sentence) => sentence.trim().length > 0);
}

/** Lines of a file as the renderer splits them: one trailing newline is not a line. */
function fileLines(file: string): string[] {
  return (assets.examples.get(file) ?? '').replace(/\n$/, '').split('\n');
}

/** Visible length of inline text: `code` and **strong** markers take no room on the slide. */
function visibleLength(text: string): number {
  return text.replace(/\*\*|`/g, '').length;
}

const exampleFiles = [...assets.examples.keys()];
const dockerfiles = exampleFiles.filter((file) => /^Dockerfile(\.[a-z-]+)?$/.test(file));
/** The scripts a presenter runs; demo/lib.sh is only sourced by them. */
const demoScripts = exampleFiles.filter((file) => /^demo\/.+\.sh$/.test(file) && file !== 'demo/lib.sh');
const allDemoText = demoScripts.map((file) => assets.examples.get(file) ?? '').join('\n');

/** Dockerfile instructions with line continuations joined and comments dropped. */
function instructions(dockerfile: string): string[] {
  return (assets.examples.get(dockerfile) ?? '')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

describe('the talk: length and pacing', () => {
  it('has 20 to 24 slides', () => {
    expect(slides.length).toBeGreaterThanOrEqual(20);
    expect(slides.length).toBeLessThanOrEqual(24);
  });

  it('numbers its modules in talk order, each named after its slide id', () => {
    entries.forEach((entry, index) => {
      const number = String(index + 1).padStart(2, '0');
      expect(entry.module).toBe(`slides/${number}-${entry.slide.id}.ts`);
    });
  });

  it('gives every slide a timing, and the timings add up to the talk length within a minute', () => {
    for (const slide of slides) expect(slide.timing, slide.id).toBeGreaterThan(0);
    const total = slides.reduce((sum, slide) => sum + (slide.timing ?? 0), 0);
    expect(Math.abs(total - config.talkMinutes * 60)).toBeLessThanOrEqual(60);
  });

  it('gives the title and the closing slides less time than any animated diagram', () => {
    const diagramTimings = slides
      .filter((slide) => blocksOf(slide).some((block) => block.kind === 'diagram'))
      .map((slide) => slide.timing ?? 0);
    const shortest = Math.min(...diagramTimings);
    for (const id of ['title', 'takeaways', 'further-reading']) {
      expect(slideById(id).timing ?? 0, id).toBeLessThan(shortest);
    }
  });
});

describe('the talk: speaker notes', () => {
  it.each(slides.map((slide) => [slide.id, slide] as const))(
    '%s has spoken notes of two to five sentences',
    (_id, slide) => {
      const notes = slide.notes.replace(/\s+/g, ' ').trim();
      expect(notes.length).toBeGreaterThanOrEqual(100);
      expect(notes.length).toBeLessThanOrEqual(900);
      const count = sentences(notes).length;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(5);
    },
  );

  it('gives every bullet that appears as a step its own notes', () => {
    for (const slide of slides) {
      for (const block of blocksOf(slide)) {
        if (block.kind !== 'bullets') continue;
        const steps = block.items.filter(
          (item): item is BulletItemInput => typeof item !== 'string' && item.fragment === true,
        );
        for (const step of steps) expect(step.notes?.trim(), `${slide.id}: ${step.text}`).toBeTruthy();
      }
    }
  });

  it('gives the demos as data, not as free text in the notes', () => {
    // The commands come from the demo scripts through `demo`; a "Demo:" sentence would drift.
    const withDemo = slides.filter((slide) => demoIdsOf(slide).length > 0);
    expect(withDemo.length).toBe(20);
    for (const slide of slides) expect(slide.notes, slide.id).not.toMatch(/\bDemo:/);
    expect(validateDemos(deck, demos)).toEqual([]);
  });
});

describe('the talk: code blocks show real files, exactly', () => {
  const withCode = entries.filter((entry) => codeBlocksOf(entry.slide).length > 0);

  it('has code on the slides that need it', () => {
    expect(withCode.map((entry) => entry.slide.id)).toEqual(
      expect.arrayContaining(['the-dockerfile', 'cache-order', 'multi-stage', 'pid1-and-signals']),
    );
  });

  it.each(withCode.map((entry) => [entry.slide.id, entry] as const))(
    '%s renders exactly the lines of its files',
    (_id, entry) => {
      const section = renderSlide(entry, { examples: assets.examples, imageUrls });
      const figures = [...section.querySelectorAll<HTMLElement>('figure.block-code')];
      const blocks = codeBlocksOf(entry.slide);
      expect(figures).toHaveLength(blocks.length);
      blocks.forEach((block, index) => {
        expect(assets.examples.has(block.file), block.file).toBe(true);
        const lines = fileLines(block.file);
        const [first, last] = block.lines ?? [1, lines.length];
        expect(first).toBeGreaterThanOrEqual(1);
        expect(last).toBeLessThanOrEqual(lines.length);
        const shown = [...figures[index]!.querySelectorAll('.code-line')].map((line) => line.textContent);
        expect(shown).toEqual(lines.slice(first - 1, last).map((line) => line || ' '));
      });
    },
  );

  it('keeps every code block to 12 lines of 60 characters (34 inside a column)', () => {
    for (const slide of slides) {
      const inColumns = new Set(
        slide.blocks.flatMap((block) => (block.kind === 'columns' ? [...block.left, ...block.right] : [])),
      );
      for (const block of codeBlocksOf(slide)) {
        const lines = fileLines(block.file);
        const [first, last] = block.lines ?? [1, lines.length];
        const shown = lines.slice(first - 1, last);
        const width = inColumns.has(block) ? 34 : 60;
        expect(shown.length, `${slide.id}: ${block.file}`).toBeLessThanOrEqual(12);
        for (const line of shown) expect(line.length, `${slide.id}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('keeps bullets short and lists to six items', () => {
    for (const slide of slides) {
      for (const block of blocksOf(slide)) {
        if (block.kind !== 'bullets') continue;
        expect(block.items.length, slide.id).toBeLessThanOrEqual(6);
        for (const item of block.items) {
          const value = typeof item === 'string' ? item : item.text;
          expect(visibleLength(value), `${slide.id}: ${value}`).toBeLessThanOrEqual(60);
        }
      }
    }
  });
});

describe('the examples: what is shown is what runs', () => {
  it('has the Dockerfiles the talk contrasts', () => {
    expect(dockerfiles).toEqual(
      expect.arrayContaining([
        'Dockerfile',
        'Dockerfile.multistage',
        'Dockerfile.bad-order',
        'Dockerfile.exec-form',
      ]),
    );
  });

  it.each(dockerfiles)('%s copies only files that exist, from stages it declares', (dockerfile) => {
    const stages: string[] = [];
    const steps = instructions(dockerfile);
    expect(steps[0]).toMatch(/^FROM /);
    for (const step of steps) {
      const stage = /^FROM \S+ AS (\S+)$/i.exec(step);
      if (stage) stages.push(stage[1]!);
      if (!/^COPY /.test(step)) continue;
      const args = step.split(/\s+/).slice(1);
      const from = args.find((arg) => arg.startsWith('--from='));
      if (from) {
        expect(stages, `${dockerfile}: ${step}`).toContain(from.slice('--from='.length));
        continue;
      }
      const sources = args.filter((arg) => !arg.startsWith('--')).slice(0, -1);
      expect(sources.length, step).toBeGreaterThan(0);
      for (const source of sources) {
        const exists = source.endsWith('/')
          ? exampleFiles.some((file) => file.startsWith(source))
          : assets.examples.has(source);
        expect(exists, `${dockerfile}: ${source}`).toBe(true);
      }
    }
  });

  it.each(dockerfiles)('%s is built by a demo script, after any local image it starts FROM', (dockerfile) => {
    const build =
      dockerfile === 'Dockerfile'
        ? /docker build (?!.*-f ).*-t \S+ \.$/m
        : new RegExp(`docker build .*-f ${dockerfile.replace('.', '\\.')} `);
    expect(allDemoText).toMatch(build);
    for (const step of instructions(dockerfile)) {
      const base = /^FROM (\S+)/.exec(step)?.[1];
      if (base && !/[:/@]/.test(base))
        expect(allDemoText, `${dockerfile}: FROM ${base}`).toMatch(`-t ${base} `);
    }
  });

  it('has demo scripts that stop on the first error', () => {
    expect(demoScripts.length).toBeGreaterThanOrEqual(5);
    for (const script of demoScripts) {
      const text = assets.examples.get(script) ?? '';
      expect(text.startsWith('#!/usr/bin/env bash\n'), script).toBe(true);
      expect(text, script).toMatch(/^set -e?uo pipefail$/m);
    }
  });

  it('quotes docker diff on slide 14 from the recording of its own block, not from a pasted file', () => {
    const slide = slides.find((candidate) => candidate.id === 'diff-and-commit')!;
    const quoted = slide.blocks.flatMap((block) =>
      block.kind === 'columns' ? [...block.left, ...block.right] : [block],
    );
    expect(quoted.filter((block) => block.kind === 'code')).toEqual([]);
    expect(quoted.filter((block) => block.kind === 'demo-output')).toEqual([
      expect.objectContaining({ demo: '03-containers/diff', command: 'docker diff web-1' }),
    ]);
  });

  it('has an app that handles SIGTERM, as the PID 1 slide says', () => {
    expect(assets.examples.get('app/src/server.js')).toContain("process.on('SIGTERM'");
  });
});

describe('the talk: the slides it promises', () => {
  it('corrects the blog in a recap table of at least seven rows', () => {
    const recap = slideById('recap');
    const tables = blocksOf(recap).filter((block) => block.kind === 'table');
    expect(tables).toHaveLength(1);
    const [recapTable] = tables;
    if (recapTable?.kind !== 'table') throw new Error('unreachable');
    expect(recapTable.head[0]).toMatch(/blog/i);
    expect(recapTable.rows.length).toBeGreaterThanOrEqual(7);
  });

  it('ends with further reading that names its sources by title', () => {
    const last = slides.at(-1)!;
    expect(last.id).toBe('further-reading');
    const titles = blocksOf(last)
      .flatMap((block) => (block.kind === 'bullets' ? block.items : []))
      .map((item) => (typeof item === 'string' ? item : item.text));
    for (const title of [
      'OCI Image Format Specification',
      'OCI Distribution Specification',
      'OCI Runtime Specification',
      'Storage drivers',
      'OverlayFS storage driver',
      'Using the build cache',
      'BuildKit',
      'containerd image store',
      'Volumes',
    ]) {
      expect(
        titles.some((candidate) => candidate.includes(title)),
        title,
      ).toBe(true);
    }
  });

  it('uses every diagram of slides/diagrams exactly once, and no other', () => {
    const exported: DiagramBlock[] = Object.values(diagramModules);
    const used = slides.flatMap((slide) =>
      blocksOf(slide).filter((block): block is DiagramBlock => block.kind === 'diagram'),
    );
    for (const diagram of exported) {
      expect(
        used.filter((block) => block === diagram),
        diagram.id,
      ).toHaveLength(1);
    }
    for (const block of used) expect(exported, block.id).toContain(block);
  });

  it('puts no fragments and at most one short line beside an animated diagram', () => {
    for (const slide of slides) {
      const blocks = blocksOf(slide);
      const diagram = blocks.find((block) => block.kind === 'diagram');
      if (!diagram || diagramStepCount(diagram) < 2) continue;
      expect(countAuthoredFragments(slide), slide.id).toBe(0);
      const others = blocks.filter((block) => block !== diagram);
      expect(others.length, slide.id).toBeLessThanOrEqual(1);
      for (const other of others) {
        expect(other.kind, slide.id).toBe('text');
        if (other.kind === 'text') expect(visibleLength(other.text), slide.id).toBeLessThanOrEqual(60);
      }
    }
  });
});
