import type {
  BulletItemInput,
  BulletsBlock,
  CodeBlock,
  ColumnsBlock,
  DeckConfigInput,
  DemoOutputBlock,
  DiagramBlock,
  ImageBlock,
  InlineText,
  SlideInput,
  TableBlock,
  TextBlock,
} from './types.ts';

/** Authoring helpers. Identity functions that exist so editors infer and check the types. */
export function defineSlide(slide: SlideInput): SlideInput {
  return slide;
}

export function defineDeckConfig(config: DeckConfigInput): DeckConfigInput {
  return config;
}

export function defineDiagram(diagram: Omit<DiagramBlock, 'kind'>): DiagramBlock {
  return { kind: 'diagram', ...diagram };
}

export function text(value: InlineText, options: Omit<TextBlock, 'kind' | 'text'> = {}): TextBlock {
  return { kind: 'text', text: value, ...options };
}

export function bullets(
  items: readonly (InlineText | BulletItemInput)[],
  options: Omit<BulletsBlock, 'kind' | 'items'> = {},
): BulletsBlock {
  return { kind: 'bullets', items, ...options };
}

/** A bullet that appears as its own step. */
export function step(value: InlineText, notes?: string): BulletItemInput {
  return notes === undefined ? { text: value, fragment: true } : { text: value, fragment: true, notes };
}

export function code(options: Omit<CodeBlock, 'kind'>): CodeBlock {
  return { kind: 'code', ...options };
}

export function columns(options: Omit<ColumnsBlock, 'kind'>): ColumnsBlock {
  return { kind: 'columns', ...options };
}

export function table(options: Omit<TableBlock, 'kind'>): TableBlock {
  return { kind: 'table', ...options };
}

export function image(options: Omit<ImageBlock, 'kind'>): ImageBlock {
  return { kind: 'image', ...options };
}

/** What a command of a demo block printed, from the rehearsal's recording. */
export function demoOutput(options: Omit<DemoOutputBlock, 'kind'>): DemoOutputBlock {
  return { kind: 'demo-output', ...options };
}
