/**
 * In-page measurements of how a diagram reads on screen: the size of every visible label, every
 * place a visible edge runs through something that is not its own, and every label a node or
 * another label covers. Passed to `page.evaluate`, so it uses nothing from Node's scope.
 */

/** The ends of each edge, by Mermaid id (from Mermaid's parser: the SVG does not say). */
export interface EdgeEnds {
  id: string;
  from: string;
  to: string;
}

export interface LabelSize {
  /** The label's text, as shown. */
  text: string;
  /** node, edge or subgraph. */
  kind: string;
  /** Font size in CSS px of the viewport, after every scale (the SVG's and reveal's). */
  px: number;
}

export interface EdgeCrossing {
  /** The edge's Mermaid id. */
  edge: string;
  /** What it runs through: `node "…"`, `edge label "…"` or `subgraph title "…"`. */
  through: string;
  /** Sampled points of the edge inside that box (one every 4 px of path). */
  points: number;
}

/** A label (edge label or subgraph title) that a node or another label covers in part. */
export interface CoveredLabel {
  label: string;
  by: string;
}

export interface Legibility {
  diagram: string;
  labels: LabelSize[];
  crossings: EdgeCrossing[];
  covered: CoveredLabel[];
}

/**
 * Measures the diagram `diagramId` as it is on screen now (whatever step its slide is at).
 * Only what shows counts: a part hidden at this step is neither measured nor in the way.
 * An edge may touch its own ends and its own label; any other node, edge label or subgraph
 * title that one of its points (sampled every `sampleEvery` screen px) falls strictly inside
 * is a crossing (`inset` > 0 shrinks the boxes, < 0 demands that much clearance).
 */
export function measureDiagramLegibility(
  diagramId: string,
  edgeEnds: readonly EdgeEnds[],
  sampleEvery = 4,
  inset = 0,
): Legibility {
  const figure = document.querySelector<HTMLElement>(
    `.slides figure.diagram[data-diagram="${CSS.escape(diagramId)}"]`,
  );
  const svg = figure?.querySelector<SVGSVGElement>('svg');
  if (!figure || !svg) throw new Error(`no drawn diagram "${diagramId}" on the page`);
  const svgId = svg.id;

  // Step CSS sets opacity and visibility on the tagged parts; a part inside a hidden group
  // (a node drawn in a subgraph's own layout) inherits the group's opacity, so multiply.
  const shows = (element: Element): boolean => {
    if (getComputedStyle(element).visibility !== 'visible') return false;
    let opacity = 1;
    for (let at: Element | null = element; at && at !== svg.parentElement; at = at.parentElement) {
      opacity *= Number(getComputedStyle(at).opacity);
      if (getComputedStyle(at).display === 'none') return false;
    }
    return opacity > 0.5;
  };
  // Lines of a label (`<br/>`) joined with " / ", so a message quotes the label as it reads.
  const textOf = (holder: Element) => {
    const div = holder.querySelector<HTMLElement>('foreignObject div');
    return (div?.innerText ?? holder.textContent ?? '')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '')
      .join(' / ');
  };

  interface Box {
    what: string;
    kind: 'node' | 'label';
    /** The Mermaid id of the part this box belongs to (a node, a subgraph or an edge). */
    owner: string;
    rect: DOMRect;
    /** Where a label's glyphs are: its box without the half-leading above and below each line. */
    ink: DOMRect;
  }
  const boxes: Box[] = [];
  const labels: LabelSize[] = [];

  const measureLabel = (holder: Element, kind: string) => {
    const foreign = holder.querySelector('foreignObject');
    const div = foreign?.querySelector<HTMLElement>('div');
    const text = div?.querySelector('p') ?? div?.querySelector('span') ?? div;
    if (!foreign || !div || !text || textOf(holder) === '') return null;
    // A foreignObject's HTML is laid out in the SVG's user units; its screen matrix carries
    // the viewBox scale and reveal's transform of the slide.
    const matrix = foreign.getScreenCTM();
    if (!matrix) return null;
    const scale = Math.hypot(matrix.a, matrix.b);
    const style = getComputedStyle(text);
    const fontSize = parseFloat(style.fontSize);
    labels.push({ text: textOf(holder), kind, px: fontSize * scale });
    const rect = foreign.getBoundingClientRect();
    // Inter's ascent plus descent is about 1.2 em; the rest of each line is empty leading.
    const leading =
      Math.max(0, ((parseFloat(style.lineHeight) || fontSize * 1.2) - 1.2 * fontSize) / 2) * scale;
    const ink = new DOMRect(rect.x, rect.y + leading, rect.width, Math.max(0, rect.height - 2 * leading));
    return { rect, ink };
  };

  const nodePattern = new RegExp(`^${svgId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-flowchart-(.+)-\\d+$`);
  for (const node of svg.querySelectorAll('g.node[id]')) {
    const id = nodePattern.exec(node.id)?.[1];
    if (id === undefined || !shows(node)) continue;
    measureLabel(node, 'node');
    const rect = node.getBoundingClientRect();
    boxes.push({ what: `node "${textOf(node)}"`, kind: 'node', owner: id, rect, ink: rect });
  }
  for (const cluster of svg.querySelectorAll('g.cluster[id]')) {
    if (!shows(cluster)) continue;
    const title = cluster.querySelector(':scope > .cluster-label');
    const measured = title && measureLabel(title, 'subgraph');
    if (measured) {
      boxes.push({
        what: `subgraph title "${textOf(title)}"`,
        kind: 'label',
        owner: cluster.id.slice(svgId.length + 1),
        ...measured,
      });
    }
  }
  for (const label of svg.querySelectorAll('g.edgeLabel')) {
    const owner = label.querySelector('[data-id]')?.getAttribute('data-id') ?? '';
    if (!shows(label)) continue;
    const measured = measureLabel(label, 'edge');
    if (measured) boxes.push({ what: `edge label "${textOf(label)}"`, kind: 'label', owner, ...measured });
  }

  const ends = new Map(edgeEnds.map((edge) => [edge.id, edge]));
  const crossings: EdgeCrossing[] = [];
  for (const path of svg.querySelectorAll<SVGPathElement>('path.flowchart-link[data-id]')) {
    const id = path.dataset.id ?? '';
    const style = getComputedStyle(path);
    const invisible =
      path.classList.contains('edge-thickness-invisible') ||
      style.stroke === 'none' ||
      parseFloat(style.strokeWidth) === 0;
    if (invisible || !shows(path)) continue;
    const matrix = path.getScreenCTM();
    if (!matrix) continue;
    const own = new Set([id, ends.get(id)?.from, ends.get(id)?.to]);
    const length = path.getTotalLength();
    const step = sampleEvery / Math.hypot(matrix.a, matrix.b);
    const hits = new Map<string, number>();
    for (let at = 0; at <= length; at += step) {
      const point = path.getPointAtLength(at).matrixTransform(matrix);
      for (const box of boxes) {
        if (own.has(box.owner)) continue;
        const { left, right, top, bottom } = box.rect;
        if (
          point.x > left + inset &&
          point.x < right - inset &&
          point.y > top + inset &&
          point.y < bottom - inset
        ) {
          hits.set(box.what, (hits.get(box.what) ?? 0) + 1);
        }
      }
    }
    for (const [through, points] of hits) crossings.push({ edge: id, through, points });
  }

  // Tight spacing lets a subgraph's first node slide over the subgraph's own title, and two
  // labels can land on each other: any overlap of a label's glyphs beyond a pixel hides part of it.
  const covered: CoveredLabel[] = [];
  const overlap = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  boxes.forEach((label, index) => {
    if (label.kind !== 'label') return;
    boxes.forEach((other, otherIndex) => {
      const counted = other.kind === 'node' || otherIndex > index;
      if (otherIndex !== index && counted && overlap(label.ink, other.ink))
        covered.push({ label: label.what, by: other.what });
    });
  });
  return { diagram: diagramId, labels, crossings, covered };
}
