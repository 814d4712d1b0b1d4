import { config, configModule, slideModules, slides } from 'virtual:deck-source';
import { demoBlocks } from 'virtual:demo-blocks';
import type { DemoBlockData } from './demo-types.ts';
import { createDeckInput } from './deck-input.ts';
import type { AssetIndex } from './validate.ts';
import type { DeckInput } from './types.ts';

/**
 * The talk as the loader finds it, through Vite: the ordered slides and the module each came
 * from (`virtual:deck-source`, see `src/build/vite-plugins.ts`), and the asset files they show.
 * Runs in the browser, in Vitest and in the build's deck check alike.
 */
const exampleFiles = import.meta.glob<string>('../../assets/examples/**/*', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const imageFiles = import.meta.glob<string>('../../assets/images/**/*', {
  eager: true,
  query: '?url',
  import: 'default',
});

export interface LoadedDeck {
  deck: DeckInput;
  assets: AssetIndex;
  imageUrls: ReadonlyMap<string, string>;
  /** The blocks of the demo scripts, with their rehearsal status (`virtual:demo-blocks`). */
  demos: readonly DemoBlockData[];
}

export function loadDeck(): LoadedDeck {
  const imageUrls = stripPrefix(imageFiles, '../../assets/images/');
  return {
    deck: createDeckInput(config, slides, stripPrefix(slideModules, '/'), configModule),
    assets: {
      examples: stripPrefix(exampleFiles, '../../assets/examples/'),
      images: new Set(imageUrls.keys()),
    },
    imageUrls,
    demos: demoBlocks,
  };
}

function stripPrefix<T>(files: Record<string, T>, prefix: string): Map<string, T> {
  return new Map(Object.entries(files).map(([path, value]) => [path.slice(prefix.length), value]));
}
