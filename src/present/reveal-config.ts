import type { RevealConfig } from 'reveal.js';

/** The design size: every slide is laid out at 1280x720 and scaled to the window. */
export const DESIGN_WIDTH = 1280;
export const DESIGN_HEIGHT = 720;

/**
 * reveal.js settings for presenting. reveal merges the URL query over these (for example
 * `?print-pdf&pdfSeparateFragments=false`, which the exporter uses).
 */
export function createRevealConfig(options: { reducedMotion: boolean; totalSeconds: number }): RevealConfig {
  return {
    width: DESIGN_WIDTH,
    height: DESIGN_HEIGHT,
    margin: 0.04,
    center: false,
    hash: true,
    respondToHashChanges: true,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    progress: true,
    overview: true,
    help: true,
    controls: true,
    controlsTutorial: false,
    transition: options.reducedMotion ? 'none' : 'slide',
    backgroundTransition: options.reducedMotion ? 'none' : 'fade',
    pdfSeparateFragments: true,
    pdfMaxPagesPerSlide: 1,
    // reveal's types omit `totalTime` (seconds), which the notes plugin paces against.
    ...({ totalTime: options.totalSeconds } as object),
  };
}
