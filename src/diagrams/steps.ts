/**
 * Pure step logic of animated diagrams: which Mermaid part appears at which step.
 * No DOM, no Mermaid: unit-tested on its own, used by validation, rendering and tests.
 */

/** The parts a Mermaid flowchart defines, as its parser reports them. */
export interface DiagramParts {
  nodes: readonly string[];
  edges: readonly { id: string; from: string; to: string }[];
  subgraphs: readonly { id: string; members: readonly string[] }[];
}

export interface StepSpec {
  show: readonly string[];
  hide?: readonly string[];
}

/** Ids named in `steps` that the diagram does not define. */
export function unknownStepIds(parts: DiagramParts, steps: readonly StepSpec[]): string[] {
  const known = new Set(allPartIds(parts));
  return steps.flatMap((step) => [...step.show, ...(step.hide ?? [])].filter((id) => !known.has(id)));
}

/** Hides that cannot happen: a part hidden before (or at) the step that shows it, or twice. */
export function impossibleHides(parts: DiagramParts, steps: readonly StepSpec[]): string[] {
  const appear = resolvePartSteps(parts, steps);
  const problems: string[] = [];
  const hidden = new Set<string>();
  steps.forEach((step, index) => {
    for (const id of step.hide ?? []) {
      const from = appear.get(id);
      if (from !== undefined && from >= index)
        problems.push(`"${id}" is hidden at step ${index} but shows only from step ${from}`);
      if (hidden.has(id)) problems.push(`"${id}" is hidden twice`);
      hidden.add(id);
    }
  });
  return problems;
}

/** The step at which each hidden part disappears. */
export function resolveHideSteps(steps: readonly StepSpec[]): Map<string, number> {
  const hides = new Map<string, number>();
  steps.forEach((step, index) => step.hide?.forEach((id) => hides.set(id, index)));
  return hides;
}

/** Ids named by more than one step. */
export function repeatedStepIds(steps: readonly StepSpec[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of steps.flatMap((step) => step.show)) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

export function allPartIds(parts: DiagramParts): string[] {
  return [
    ...parts.nodes,
    ...parts.edges.map((edge) => edge.id),
    ...parts.subgraphs.map((subgraph) => subgraph.id),
  ];
}

/**
 * The step at which every part first shows. Explicit steps win. Otherwise: a node shows with its
 * innermost subgraph that has a step (else at 0); a subgraph shows with its earliest member;
 * an edge shows once both of its ends show.
 */
export function resolvePartSteps(parts: DiagramParts, steps: readonly StepSpec[]): Map<string, number> {
  const explicit = new Map<string, number>();
  steps.forEach((step, index) => step.show.forEach((id) => explicit.set(id, index)));

  const parentOf = new Map<string, string>();
  // Mermaid lists inner subgraphs before outer ones; the first parent seen is the innermost.
  for (const subgraph of parts.subgraphs) {
    for (const member of subgraph.members) if (!parentOf.has(member)) parentOf.set(member, subgraph.id);
  }
  const enclosingStep = (id: string): number => {
    for (let parent = parentOf.get(id); parent; parent = parentOf.get(parent)) {
      const step = explicit.get(parent);
      if (step !== undefined) return step;
    }
    return 0;
  };

  const result = new Map<string, number>();
  for (const node of parts.nodes) result.set(node, explicit.get(node) ?? enclosingStep(node));
  // Inner subgraphs first, so an outer one can take the minimum over inner ones.
  for (const subgraph of parts.subgraphs) {
    const own = explicit.get(subgraph.id);
    if (own !== undefined) {
      result.set(subgraph.id, own);
      continue;
    }
    const memberSteps = subgraph.members
      .map((member) => result.get(member))
      .filter((step): step is number => step !== undefined);
    result.set(subgraph.id, memberSteps.length > 0 ? Math.min(...memberSteps) : enclosingStep(subgraph.id));
  }
  for (const edge of parts.edges) {
    const own = explicit.get(edge.id);
    result.set(edge.id, own ?? Math.max(result.get(edge.from) ?? 0, result.get(edge.to) ?? 0));
  }
  return result;
}

/**
 * The parts visible at `step` (0-based): every part shown at `step` or earlier and not hidden
 * at `step` or earlier.
 */
export function visiblePartsAt(
  partSteps: ReadonlyMap<string, number>,
  step: number,
  hideSteps: ReadonlyMap<string, number> = new Map(),
): Set<string> {
  const visible = new Set<string>();
  for (const [id, partStep] of partSteps) {
    const hiddenAt = hideSteps.get(id);
    if (partStep <= step && (hiddenAt === undefined || step < hiddenAt)) visible.add(id);
  }
  return visible;
}
