// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mermaid } from 'mermaid';
import { formatProblem } from '../../src/deck/problems.ts';
import { validateDiagrams } from '../../src/deck/validate-diagrams.ts';
import { createPartsReader } from '../../src/diagrams/parts.ts';
import { badSlides, entriesOf, goodSlide } from '../fixtures/bad-slides.ts';

let mermaid: Mermaid;
beforeAll(async () => {
  mermaid = (await import('mermaid')).default;
});

describe('validateDiagrams (Mermaid parser)', () => {
  it('reads nodes, edges with their ids and ends, and subgraphs', async () => {
    const parts = await createPartsReader(mermaid)(
      'flowchart TB\n  subgraph img [Image]\n    A[base]\n  end\n  B e1@--> A\n  B --> C',
    );
    expect(parts.nodes).toEqual(['A', 'B', 'C']);
    expect(parts.edges[0]).toEqual({ id: 'e1', from: 'B', to: 'A' });
    expect(parts.subgraphs).toEqual([{ id: 'img', members: ['A'] }]);
  });

  it('names the slide module of a diagram Mermaid cannot parse', async () => {
    const problems = await validateDiagrams(
      { config: { title: 'T', author: 'A' }, entries: entriesOf(goodSlide, badSlides.brokenMermaid) },
      createPartsReader(mermaid),
    );
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(
      /^slides\/fixture-broken-mermaid\.ts \(slide "broken-mermaid"\): Mermaid cannot read the diagram "broken": Parse error on line \d/,
    );
  });

  it('names a step id the source does not define', async () => {
    const problems = await validateDiagrams(
      { config: { title: 'T', author: 'A' }, entries: entriesOf(badSlides.unknownStepId) },
      createPartsReader(mermaid),
    );
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/fixture-unknown-step-id\.ts .*name "Z", which the source does not define/),
    ]);
  });

  it('refuses a diagram that is not a flowchart', async () => {
    await expect(createPartsReader(mermaid)('sequenceDiagram\n  A->>B: hi')).rejects.toThrow(
      /only flowcharts/,
    );
  });
});
