import '../diagrams/install-node-dom.ts';
import mermaid from 'mermaid';
import { createPartsReader } from '../diagrams/parts.ts';
import { loadDeck } from './load.ts';
import { DeckValidationError, PROJECT_NAME } from './problems.ts';
import { DEFAULT_CONFIG_MODULE } from './validate-config.ts';
import { validateDeck } from './validate.ts';
import { validateDemos } from './validate-demos.ts';
import { validateDiagrams } from './validate-diagrams.ts';

/** What the build learns from the check. */
export interface DeckCheck {
  /** The formatted error message, or null when the deck is sound. */
  error: string | null;
  /** Things that are allowed but worth saying once (a deck with no public address). */
  notices: string[];
}

/**
 * The whole check, in Node: config, structure, files and Mermaid sources. Loaded through Vite
 * (it uses `import.meta.glob`).
 */
export async function checkDeck(): Promise<DeckCheck> {
  const { deck, assets, demos } = loadDeck();
  const problems = [...validateDeck(deck, assets), ...validateDemos(deck, demos)];
  problems.push(...(await validateDiagrams(deck, createPartsReader(mermaid))));
  const notices =
    deck.config.url === undefined
      ? [
          `${PROJECT_NAME}: ${deck.configModule ?? DEFAULT_CONFIG_MODULE} sets no public address (\`url\`): the title and last slides and the handouts show no QR code`,
        ]
      : [];
  return { error: problems.length > 0 ? new DeckValidationError(problems).message : null, notices };
}
