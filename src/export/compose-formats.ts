import { PDFDocument } from 'pdf-lib';
import { firstPages, type DeckOutline } from './deck-outline.ts';
import { handoutSlideBox, SLIDES_PER_3UP_SHEET, threeUpBoxes } from './layout.ts';
import type { Paper, PdfFormat } from './options.ts';
import { placeSlides, type Bookmark } from './pdf-document.ts';

/** The printed raw material a format is made of (see `printSources`). */
/** The printed speaker script: its PDF, the sheet each slide starts on, and how many sheets. */
export interface ScriptPrint {
  pdf: Uint8Array;
  sheetOfSlide: number[];
  sheets: number;
}

export interface FormatSources {
  slides: Uint8Array;
  /** The slides in the handouts' theme, when it is not the slides' (else the handouts use `slides`). */
  handoutSlides: Uint8Array | null;
  steps: Uint8Array | null;
  handoutSheets: Uint8Array | null;
  threeUpSheets: Uint8Array | null;
  script: ScriptPrint | null;
}

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`the ${what} were not printed`);
  return value;
}

/**
 * One format's document and its bookmarks: the print views as they are, the handouts with each
 * slide's vector page drawn into its frame on the sheets.
 */
export async function composeFormat(
  format: PdfFormat,
  outline: DeckOutline,
  paper: Paper,
  sources: FormatSources,
): Promise<{ doc: PDFDocument; bookmarks: Bookmark[] }> {
  const slides = outline.slides;
  const handoutSlides = sources.handoutSlides ?? sources.slides;
  const titled = (pages: number[]) =>
    slides.map((slide, index) => ({ title: `${index + 1}. ${slide.title}`, page: pages[index]! }));
  switch (format) {
    case 'slides':
      return { doc: await PDFDocument.load(sources.slides), bookmarks: titled(firstPages(slides, () => 1)) };
    case 'steps':
      return {
        doc: await PDFDocument.load(need(sources.steps, 'steps')),
        bookmarks: titled(firstPages(slides, (slide) => 1 + slide.fragments)),
      };
    case 'handout':
      return {
        doc: await placeSlides(
          need(sources.handoutSheets, 'handout sheets'),
          handoutSlides,
          slides.map((_, index) => ({ sheet: index, slidePage: index, box: handoutSlideBox(paper) })),
        ),
        bookmarks: titled(firstPages(slides, () => 1)),
      };
    case 'handout-3up':
      return {
        doc: await placeSlides(
          need(sources.threeUpSheets, 'three-up sheets'),
          handoutSlides,
          slides.map((_, index) => ({
            sheet: Math.floor(index / SLIDES_PER_3UP_SHEET),
            slidePage: index,
            box: threeUpBoxes(paper, index % SLIDES_PER_3UP_SHEET).slide,
          })),
        ),
        bookmarks: titled(slides.map((_, index) => Math.floor(index / SLIDES_PER_3UP_SHEET))),
      };
    case 'notes': {
      const script = need(sources.script, 'speaker script');
      return { doc: await PDFDocument.load(script.pdf), bookmarks: titled(script.sheetOfSlide) };
    }
  }
}
