import { MAX_DIAGRAM_STEPS } from './limits.ts';

/**
 * The CSS that shows a diagram's parts from its slide's fragments. A part tagged
 * `data-diagram-step="k"` shows once the fragment of index k-1 is `.visible`, and is
 * highlighted while that fragment is the current one. State is pure CSS on reveal.js's own
 * classes, so it is right wherever those classes are: live, backwards, after a jump by hash, in
 * the overview, with `fragments: false`, in the print view's cloned pages and in the speaker
 * view's frames. Nothing re-renders the SVG.
 */
export function createStepCss(maxSteps: number = MAX_DIAGRAM_STEPS): string {
  const rules = [
    `.diagram :is([data-diagram-step], [data-diagram-hide]) { transition: opacity var(--step-duration) ease, translate var(--step-duration) ease, visibility var(--step-duration); }`,
    `.diagram [data-diagram-step] { opacity: 0; visibility: hidden; translate: 0 12px; }`,
  ];
  const hides: string[] = [];
  for (let step = 1; step < maxSteps; step += 1) {
    const fragment = `.fragment[data-fragment-index="${step - 1}"]`;
    const tag = `[data-diagram-step="${step}"]`;
    const part = `.diagram ${tag}`;
    rules.push(
      `section:has(${fragment}.visible) ${part} { opacity: 1; visibility: visible; translate: none; }`,
    );
    // Later in the file, so a part hidden at step k stays hidden even though it showed before.
    hides.push(
      `section:has(${fragment}.visible) .diagram [data-diagram-hide="${step}"] { opacity: 0; visibility: hidden; }`,
    );
    // The part that just appeared gets the accent outline. Stroke, not a filter: filters
    // would be rasterised in the PDF. `!important` beats Mermaid's `#svgId …` rules.
    rules.push(
      `section:has(${fragment}.current-fragment) :is(.diagram path${tag}:not(.edge-thickness-invisible), ${part} :is(rect, polygon, circle, ellipse, path)) { stroke: var(--color-accent) !important; stroke-width: 3px !important; }`,
    );
  }
  rules.push(...hides);
  rules.push(
    `@media (prefers-reduced-motion: reduce) { .diagram :is([data-diagram-step], [data-diagram-hide]) { transition: none; translate: none; } }`,
  );
  return `${rules.join('\n')}\n`;
}
