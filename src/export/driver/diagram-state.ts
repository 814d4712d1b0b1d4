/**
 * In-page checks of diagram state, for tests and the exporter. Each function is passed to
 * `page.evaluate`, so it uses nothing from Node's scope.
 */

/** One part drawn wrong: visible when it should not be, or hidden when it should show. */
export interface PartMismatch {
  diagram: string;
  part: string;
  step: number;
  shown: boolean;
}

export interface DiagramState {
  diagram: string;
  /** The step the slide's fragments say is current: how many are `.visible`. */
  step: number;
  /** How many steps after the first the slide has. */
  fragments: number;
  mismatches: PartMismatch[];
}

/**
 * For every diagram under `root` (a slide, a print page, or the whole document): the step its
 * slide's fragments select, and every part whose visibility disagrees with that step. A part
 * tagged to appear at step s and vanish at step h must show exactly when s <= step < h.
 */
export function readDiagramStates(root: ParentNode = document): DiagramState[] {
  return [...root.querySelectorAll<HTMLElement>('figure.diagram[data-diagram]')]
    .filter((figure) => !figure.classList.contains('diagram-measure'))
    .map((figure) => {
      const section = figure.closest('section');
      // The slide's own steps: a demo's commands (`.demo-step`) come after them and draw nothing here.
      const fragments = section ? [...section.querySelectorAll('.fragment:not(.demo-step)')] : [];
      const step = fragments.filter((fragment) => fragment.classList.contains('visible')).length;
      const mismatches: PartMismatch[] = [];
      for (const element of figure.querySelectorAll<SVGElement>('[data-part]')) {
        const from = Number(element.dataset.diagramStep ?? 0);
        const until =
          element.dataset.diagramHide === undefined ? Infinity : Number(element.dataset.diagramHide);
        const expected = from <= step && step < until;
        const style = getComputedStyle(element);
        const shown = style.visibility === 'visible' && Number(style.opacity) > 0.99;
        const hidden = style.visibility === 'hidden' || Number(style.opacity) < 0.01;
        if (expected ? !shown : !hidden) {
          mismatches.push({
            diagram: figure.dataset.diagram ?? '',
            part: element.dataset.part ?? '',
            step,
            shown,
          });
        }
      }
      return { diagram: figure.dataset.diagram ?? '', step, fragments: fragments.length, mismatches };
    });
}
