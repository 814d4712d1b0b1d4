import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { createStepCss } from '../diagrams/step-css.ts';
import { demoBlocks, demoOptionsFor, type DemoBlocksOptions } from './demo-blocks.ts';

const STEP_CSS_ID = 'virtual:diagram-steps.css';
const RESOLVED_STEP_CSS_ID = `\0${STEP_CSS_ID}`;

/** Serves the generated step CSS (see `createStepCss`) as a static stylesheet. */
export function diagramStepCss(): Plugin {
  return {
    name: 'docker-talk:diagram-step-css',
    resolveId: (id) => (id === STEP_CSS_ID ? RESOLVED_STEP_CSS_ID : undefined),
    load: (id) => (id === RESOLVED_STEP_CSS_ID ? createStepCss() : undefined),
  };
}

const DECK_SOURCE_ID = 'virtual:deck-source';
const RESOLVED_DECK_SOURCE_ID = `\0${DECK_SOURCE_ID}`;

export interface DeckSourceOptions {
  /** Folder of the slide modules, relative to the project root. Default: `slides`. */
  slidesDir?: string;
  /**
   * Replace every diagram by a paragraph of its caption (the benchmark's baseline: the same
   * deck without its diagrams). Default: false.
   */
  withoutDiagrams?: boolean;
  /** The demo scripts and rehearsal report. Default: the talk's for `slides`, none for other folders. */
  demos?: DemoBlocksOptions;
}

/**
 * `virtual:deck-source`: the talk's slides (`<slidesDir>/index.ts`) and every slide module of
 * that folder, so the loader can name the module of each slide. The folder is an option so the
 * tests can serve negative fixtures through the very same loader.
 */
export function deckSource(options: DeckSourceOptions = {}): Plugin {
  const dir = `/${(options.slidesDir ?? 'slides').replace(/^\/+|\/+$/g, '')}`;
  return {
    name: 'docker-talk:deck-source',
    resolveId: (id) => (id === DECK_SOURCE_ID ? RESOLVED_DECK_SOURCE_ID : undefined),
    load: (id) => {
      if (id !== RESOLVED_DECK_SOURCE_ID) return undefined;
      // The config's own module when the folder has one (the talk's slides/deck.ts), for errors.
      const configModule = `${dir.slice(1)}/${existsSync(resolve(`.${dir}/deck.ts`)) ? 'deck.ts' : 'index.ts'}`;
      const glob = [
        `export const slideModules = import.meta.glob('${dir}/[0-9]*.ts', { eager: true, import: 'default' });`,
        `export const configModule = ${JSON.stringify(configModule)};`,
      ].join('\n');
      if (!options.withoutDiagrams) return `export { config, slides } from '${dir}/index.ts';\n${glob}`;
      return [
        `import { config, slides as talk } from '${dir}/index.ts';`,
        `import { withoutDiagrams } from '/src/deck/without-diagrams.ts';`,
        `export { config };`,
        `export const slides = withoutDiagrams(talk);`,
        glob,
      ].join('\n');
    },
  };
}

/** The shape of `src/deck/check-deck.ts` (browser-side types stay out of the Node project). */
interface DeckCheckModule {
  checkDeck(): Promise<{ error: string | null; notices: string[] }>;
}

/**
 * Validates the whole deck, Mermaid sources included, before `vite build` bundles it, so a
 * broken slide fails the build with its module named instead of shipping a broken deck.
 */
export function deckCheck(options: DeckSourceOptions = {}): Plugin {
  return {
    name: 'docker-talk:deck-check',
    apply: 'build',
    async buildStart() {
      const { module } = await runnerImport<DeckCheckModule>('/src/deck/check-deck.ts', {
        configFile: false,
        logLevel: 'error',
        plugins: [deckSource(options), demoBlocks(demoOptionsFor(options.slidesDir, options.demos))],
      });
      const { error, notices } = await module.checkDeck();
      if (error) this.error(error);
      // Once per build, on the terminal (Vite's warnings would prefix the plugin's name).
      for (const notice of notices) process.stderr.write(`${notice}\n`);
    },
  };
}
