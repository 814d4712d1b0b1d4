/// <reference types="vite/client" />

/** Mermaid's package version, defined by vite.config.ts: part of the diagram cache key. */
declare const __MERMAID_VERSION__: string;

declare module 'virtual:diagram-steps.css';

declare module 'virtual:deck-source' {
  import type { DeckConfigInput, SlideInput } from './deck/types.ts';
  export const config: DeckConfigInput;
  export const slides: readonly SlideInput[];
  /** Every numbered slide module of the slides folder, keyed by its path from the root (`/slides/…`). */
  export const slideModules: Record<string, SlideInput>;
  /** The module that defines the deck config, from the root (`slides/deck.ts`): named in its errors. */
  export const configModule: string;
}

declare module 'virtual:demo-blocks' {
  import type { DemoBlockData } from './deck/demo-types.ts';
  /** Every block of the demo scripts, in script order, with its rehearsal status (src/build/demo-blocks.ts). */
  export const demoBlocks: readonly DemoBlockData[];
}

declare module 'virtual:demo-recordings' {
  import type { DemoStepOutput } from './deck/demo-types.ts';
  /** By block id: what each command printed (src/build/demo-blocks.ts). */
  export const outputs: Readonly<Record<string, readonly DemoStepOutput[]>>;
  /** By block id: a loader of the block's asciicast v3 text. */
  export const casts: Readonly<Record<string, () => Promise<string>>>;
}
