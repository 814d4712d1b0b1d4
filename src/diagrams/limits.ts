/**
 * Most steps a diagram may have. The step CSS is generated for this many (a CSS rule per step,
 * so state follows `.fragment.visible` without any script).
 */
export const MAX_DIAGRAM_STEPS = 12;
