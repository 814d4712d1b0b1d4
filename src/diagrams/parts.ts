import type { Mermaid } from 'mermaid';
import type { DiagramParts } from './steps.ts';

/** The parts of Mermaid's flowchart database that we read. */
interface FlowchartDb {
  getVertices(): Map<string, unknown>;
  getEdges(): { id?: string; start: string; end: string }[];
  getSubGraphs(): { id: string; nodes: string[] }[];
}

export type ReadDiagramParts = (source: string) => Promise<DiagramParts>;

/**
 * Parses a flowchart with Mermaid's own parser and lists its parts. Throws Mermaid's parse error
 * for bad syntax, and an error of ours for a diagram that is not a flowchart (steps address
 * flowchart ids only).
 */
export function createPartsReader(mermaid: Pick<Mermaid, 'mermaidAPI' | 'parse'>): ReadDiagramParts {
  return async (source) => {
    // `parse` registers Mermaid's diagram types on first use and reports syntax errors.
    await mermaid.parse(source);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    if (!diagram.type.startsWith('flowchart')) {
      throw new Error(`it is a "${diagram.type}" diagram; only flowcharts can animate step by step`);
    }
    const db = diagram.db as unknown as FlowchartDb;
    return {
      nodes: [...db.getVertices().keys()],
      edges: db.getEdges().map((edge, index) => ({
        id: edge.id ?? `edge-${index}`,
        from: edge.start,
        to: edge.end,
      })),
      subgraphs: db.getSubGraphs().map((subgraph) => ({ id: subgraph.id, members: subgraph.nodes })),
    };
  };
}
