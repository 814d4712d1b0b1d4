import type { Paper } from './options.ts';

/** A box on a sheet, in CSS pixels (96 per inch) from the sheet's top-left corner. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const MM = 96 / 25.4;

export const PAPER_SIZES: Record<Paper, { width: number; height: number; css: string }> = {
  a4: { width: 210 * MM, height: 297 * MM, css: 'A4' },
  letter: { width: 8.5 * 96, height: 11 * 96, css: 'letter' },
};

export const SHEET_MARGIN = 14 * MM;
const HEADER = 8 * MM;
const GAP = 6 * MM;
const SLIDE_RATIO = 9 / 16;

/** Where the slide goes on a one-slide handout sheet: the full text width, at the top. */
export function handoutSlideBox(paper: Paper): Box {
  const { width } = PAPER_SIZES[paper];
  const boxWidth = width - 2 * SHEET_MARGIN;
  return { left: SHEET_MARGIN, top: SHEET_MARGIN + HEADER, width: boxWidth, height: boxWidth * SLIDE_RATIO };
}

/** Where the notes go on a one-slide handout sheet: below the slide, to the bottom margin. */
export function handoutNotesBox(paper: Paper): Box {
  const { width, height } = PAPER_SIZES[paper];
  const slide = handoutSlideBox(paper);
  const top = slide.top + slide.height + GAP;
  return { left: SHEET_MARGIN, top, width: width - 2 * SHEET_MARGIN, height: height - SHEET_MARGIN - top };
}

export const SLIDES_PER_3UP_SHEET = 3;

/** Row `row` (0..2) of a three-up sheet: the slide on the left, its notes on the right. */
export function threeUpBoxes(paper: Paper, row: number): { slide: Box; notes: Box } {
  const { width, height } = PAPER_SIZES[paper];
  const contentTop = SHEET_MARGIN + HEADER;
  const rowHeight = (height - contentTop - SHEET_MARGIN) / SLIDES_PER_3UP_SHEET;
  const slideWidth = (width - 2 * SHEET_MARGIN) * 0.48;
  const top = contentTop + row * rowHeight;
  return {
    slide: { left: SHEET_MARGIN, top, width: slideWidth, height: slideWidth * SLIDE_RATIO },
    notes: {
      left: SHEET_MARGIN + slideWidth + GAP,
      top,
      width: width - 2 * SHEET_MARGIN - slideWidth - GAP,
      height: rowHeight - GAP,
    },
  };
}

/** CSS pixels to PDF points. */
export const PX_TO_PT = 72 / 96;
