// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.ts';
import { formatProblem } from '../../src/deck/problems.ts';
import { validateDeck } from '../../src/deck/validate.ts';
import { validateDiagrams } from '../../src/deck/validate-diagrams.ts';
import { createPartsReader } from '../../src/diagrams/parts.ts';

/** Guards the talk itself: the real slides, as the loader finds them. */
describe('the talk', () => {
  const { deck, assets } = loadDeck();

  it('validates, Mermaid sources included', async () => {
    const { default: mermaid } = await import('mermaid');
    const problems = [
      ...validateDeck(deck, assets),
      ...(await validateDiagrams(deck, createPartsReader(mermaid))),
    ];
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('knows the module of every slide', () => {
    for (const entry of deck.entries) expect(entry.module).toMatch(/^slides\/\d\d-[a-z0-9-]+\.ts$/);
  });

  it('shows code from real files under assets/examples', () => {
    // No `# syntax=` line: it makes BuildKit fetch a frontend from Docker Hub, which fails offline.
    expect(assets.examples.get('Dockerfile')).toMatch(/^FROM node:26-alpine\n/);
  });
});
