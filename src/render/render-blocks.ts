import { parseLineRanges } from '../deck/line-ranges.ts';
import type {
  Block,
  BulletsBlock,
  CodeBlock,
  DiagramBlock,
  ImageBlock,
  TableBlock,
  TextBlock,
} from '../deck/types.ts';
import type { DemoBlockData } from '../deck/demo-types.ts';
import { renderDemoOutputBlock, type DemoOutputs } from './demo-terminal.ts';
import { h, type Child } from './dom.ts';
import { highlightLines } from './highlight.ts';
import { renderInline } from './inline.ts';

/** What blocks need besides their own data. */
export interface BlockContext {
  /** Text of files under `assets/examples/`. */
  examples: ReadonlyMap<string, string>;
  /** Built URL of files under `assets/images/`. */
  imageUrls: ReadonlyMap<string, string>;
  /** Hands out the next fragment index of the slide, with the notes of that step. */
  nextFragment(notes?: string): { index: number; notes: HTMLElement | null };
  /** Fragments the slide's animated diagram generates itself (0 when authored ones drive it). */
  diagramMarkers: boolean;
  /** Every demo block by id (for quoted output). Default: none. */
  demoBlocks?: ReadonlyMap<string, DemoBlockData>;
  /** The recordings' output, when loaded before rendering (print, the speaker view). */
  demoOutputs?: DemoOutputs;
}

export function renderBlock(block: Block, context: BlockContext): HTMLElement {
  switch (block.kind) {
    case 'text':
      return renderText(block, context);
    case 'bullets':
      return renderBullets(block, context);
    case 'code':
      return renderCode(block, context);
    case 'columns':
      return h('div', { class: 'block-columns' }, [
        renderColumn(block.leftTitle, block.left, context),
        renderColumn(block.rightTitle, block.right, context),
      ]);
    case 'table':
      return renderTable(block);
    case 'image':
      return renderImage(block, context);
    case 'diagram':
      return renderDiagramFigure(block, context);
    case 'demo-output':
      return renderDemoOutputBlock(block, context.demoBlocks?.get(block.demo), context.demoOutputs);
  }
}

function renderColumn(
  title: string | undefined,
  blocks: readonly Block[],
  context: BlockContext,
): HTMLElement {
  return h('div', { class: 'column' }, [
    title ? h('h3', {}, [title]) : null,
    ...blocks.map((block) => renderBlock(block, context)),
  ]);
}

function fragmentAttributes(context: BlockContext, notes: string | undefined) {
  const fragment = context.nextFragment(notes);
  return {
    attributes: { class: 'fragment', 'data-fragment-index': fragment.index },
    notes: fragment.notes,
  };
}

function renderText(block: TextBlock, context: BlockContext): HTMLElement {
  const className = `block-text text-${block.variant ?? 'body'}`;
  if (!block.fragment) return h('p', { class: className }, renderInline(block.text));
  const { attributes, notes } = fragmentAttributes(context, undefined);
  return h('p', { ...attributes, class: `${className} fragment` }, [...renderInline(block.text), notes]);
}

function renderBullets(block: BulletsBlock, context: BlockContext): HTMLElement {
  const items = block.items.map((item) => {
    if (typeof item === 'string') return h('li', {}, renderInline(item));
    // A link opens in a new tab: the presenter's deck stays where it is, and loads nothing.
    const text = item.link
      ? [h('a', { href: item.link, target: '_blank', rel: 'noopener noreferrer' }, renderInline(item.text))]
      : renderInline(item.text);
    if (!item.fragment) return h('li', {}, text);
    const { attributes, notes } = fragmentAttributes(context, item.notes);
    return h('li', attributes, [...text, notes]);
  });
  return h(block.ordered ? 'ol' : 'ul', { class: 'block-bullets' }, items);
}

function renderCode(block: CodeBlock, context: BlockContext): HTMLElement {
  const file = context.examples.get(block.file) ?? '';
  const allLines = file.replace(/\n$/, '').split('\n');
  const [first, last] = block.lines ?? [1, allLines.length];
  const shown = allLines.slice(first - 1, last).join('\n');
  const emphasised = new Set(block.highlight ? (parseLineRanges(block.highlight) ?? []) : []);
  const code = h('code', { class: `hljs language-${block.language}` });
  // highlight.js output is escaped by highlight.js; it holds only its own <span> elements.
  code.innerHTML = highlightLines(shown, block.language)
    .map((line, index) => {
      const classes = emphasised.has(index + 1) ? 'code-line is-emphasised' : 'code-line';
      return `<span class="${classes}">${line || ' '}</span>`;
    })
    // The line spans are blocks: a newline between them would show as an empty line.
    .join('');
  return h(
    'figure',
    {
      class: `block-code${emphasised.size > 0 ? ' has-emphasis' : ''}`,
      'data-file': block.file,
      'data-lines': `${first}-${last}`,
    },
    [h('figcaption', {}, [block.caption ?? block.file]), h('pre', {}, [code])],
  );
}

function renderTable(block: TableBlock): HTMLElement {
  return h('table', { class: 'block-table' }, [
    block.caption ? h('caption', {}, renderInline(block.caption)) : null,
    h('thead', {}, [
      h(
        'tr',
        {},
        block.head.map((cell) => h('th', { scope: 'col' }, renderInline(cell))),
      ),
    ]),
    h(
      'tbody',
      {},
      block.rows.map((row) =>
        h(
          'tr',
          {},
          row.map((cell) => h('td', {}, renderInline(cell))),
        ),
      ),
    ),
  ]);
}

function renderImage(block: ImageBlock, context: BlockContext): HTMLElement {
  const img = h('img', {
    src: context.imageUrls.get(block.file) ?? '',
    alt: block.alt,
  });
  // CSSOM, not a style attribute: the Content-Security-Policy allows no inline styles.
  img.style.height = `${block.height ?? 360}px`;
  return h('figure', { class: 'block-image' }, [
    img,
    block.caption ? h('figcaption', {}, renderInline(block.caption)) : null,
  ]);
}

function renderDiagramFigure(block: DiagramBlock, context: BlockContext): HTMLElement {
  const steps = block.steps ?? [];
  const markers: Child[] = [];
  if (context.diagramMarkers) {
    // One empty fragment per step after the first: reveal.js counts them as steps, and the
    // step CSS shows each step's parts from these fragments' `.visible` class.
    for (const step of steps.slice(1)) {
      const { attributes, notes } = fragmentAttributes(context, step.notes);
      markers.push(h('span', { ...attributes, class: 'fragment diagram-step' }, [notes]));
    }
  }
  const canvas = h('div', { class: 'diagram-canvas' });
  canvas.style.height = `${block.height ?? 520}px`;
  return h(
    'figure',
    {
      class: 'block-diagram diagram',
      'data-diagram': block.id,
      'data-diagram-steps': Math.max(1, steps.length),
    },
    [
      canvas,
      block.caption ? h('figcaption', {}, renderInline(block.caption)) : null,
      markers.length > 0 ? h('div', { class: 'diagram-steps', 'aria-hidden': 'true' }, markers) : null,
    ],
  );
}
