/**
 * The size of the demo terminal, in character cells. Recordings are made at this size and the
 * pane shows them at it: a player cannot reflow a recording. 96 columns of the bundled
 * monospace font at 20 px fill the 1280 px design width inside the slide's margins.
 */
export const DEMO_TERMINAL = { cols: 96, rows: 14 } as const;
