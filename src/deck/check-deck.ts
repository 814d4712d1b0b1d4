import '../diagrams/install-node-dom.ts';
import mermaid from 'mermaid';
import { createPartsReader } from '../diagrams/parts.ts';
import { loadDeck } from './load.ts';
import { DeckValidationError } from './problems.ts';
import { validateDeck } from './validate.ts';
import { validateDemos } from './validate-demos.ts';
import { validateDiagrams } from './validate-diagrams.ts';

/**
 * The whole check, in Node: structure, files and Mermaid sources. Returns the formatted error
 * message, or null when the deck is sound. Loaded through Vite (it uses `import.meta.glob`).
 */
export async function checkDeck(): Promise<string | null> {
  const { deck, assets, demos } = loadDeck();
  const problems = [...validateDeck(deck, assets), ...validateDemos(deck, demos)];
  problems.push(...(await validateDiagrams(deck, createPartsReader(mermaid))));
  return problems.length > 0 ? new DeckValidationError(problems).message : null;
}
