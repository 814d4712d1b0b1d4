import type { DiagramParts } from './steps.ts';

/**
 * Finds the SVG elements Mermaid drew for each part. Mermaid 11 names them:
 * nodes `<svgId>-flowchart-<id>-<n>`, subgraphs `<svgId>-<id>`, edges `data-id="<id>"` on the
 * path and on the label (class statements on edges are ignored, so ids are the only handle).
 */
export function findPartElements(
  svg: SVGSVGElement,
  svgId: string,
  parts: DiagramParts,
): Map<string, Element[]> {
  const found = new Map<string, Element[]>();
  const add = (id: string, element: Element) => found.set(id, [...(found.get(id) ?? []), element]);
  const nodeIds = new Set(parts.nodes);
  const nodePattern = new RegExp(`^${escapeRegExp(svgId)}-flowchart-(.+)-\\d+$`);
  for (const element of svg.querySelectorAll('g.node[id]')) {
    const match = nodePattern.exec(element.id);
    if (match?.[1] !== undefined && nodeIds.has(match[1])) add(match[1], element);
  }
  for (const subgraph of parts.subgraphs) {
    const element = svg.querySelector(`g.cluster[id="${CSS.escape(`${svgId}-${subgraph.id}`)}"]`);
    if (element) add(subgraph.id, element);
  }
  for (const edge of parts.edges) {
    for (const element of svg.querySelectorAll(`[data-id="${CSS.escape(edge.id)}"]`)) {
      add(edge.id, element.closest('.edgeLabel') ?? element);
    }
  }
  return found;
}

/**
 * Marks each part with the step it appears at (`data-diagram-step`, when after step 0) and the
 * step it disappears at (`data-diagram-hide`), which the step CSS reads.
 */
export function tagPartSteps(
  found: ReadonlyMap<string, Element[]>,
  partSteps: ReadonlyMap<string, number>,
  hideSteps: ReadonlyMap<string, number>,
): void {
  for (const [id, elements] of found) {
    const step = partSteps.get(id) ?? 0;
    const hide = hideSteps.get(id);
    for (const element of elements) {
      element.setAttribute('data-part', id);
      if (step > 0) element.setAttribute('data-diagram-step', String(step));
      if (hide !== undefined) element.setAttribute('data-diagram-hide', String(hide));
    }
  }
}

/** Gives the SVG a title and description, and the image role, for screen readers. */
export function addTextAlternative(
  svg: SVGSVGElement,
  svgId: string,
  title: string,
  description: string,
): void {
  const ns = 'http://www.w3.org/2000/svg';
  const titleElement = document.createElementNS(ns, 'title');
  titleElement.id = `${svgId}-title`;
  titleElement.textContent = title;
  const descElement = document.createElementNS(ns, 'desc');
  descElement.id = `${svgId}-desc`;
  descElement.textContent = description;
  svg.querySelectorAll(':scope > title, :scope > desc').forEach((element) => element.remove());
  svg.prepend(titleElement, descElement);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', titleElement.id);
  svg.setAttribute('aria-describedby', descElement.id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
