import { firstPages, formatDuration, type DeckOutline, type SlideOutline } from './deck-outline.ts';
import { SLIDES_PER_3UP_SHEET } from './layout.ts';
import { shortAddress } from '../deck/public-address.ts';
import type { PdfFormat } from './options.ts';

/** Text that must be on one page (0-based) of a PDF, and what it is, for the message. */
export interface PageText {
  page: number;
  text: string;
  what: string;
}

/** What one PDF must hold. */
export interface Expectation {
  /** Exact page count. */
  pages: number;
  /** Text that belongs on each page: titles, notes, step notes, start times. */
  onPages: PageText[];
  /** Bookmarks in order: their titles and the page (0-based) each opens. */
  bookmarks: { title: string; page: number }[];
  /** Title metadata. */
  title: string;
}

/** How the speaker script was laid out: the sheet each slide starts on, and how many sheets. */
export interface ScriptLayout {
  sheetOfSlide: readonly number[];
  sheets: number;
}

/**
 * What a format's PDF must hold, worked out from the deck outline alone (plus, for the speaker
 * script, the sheet each slide was laid out on), never from the document being checked: a PDF
 * that lost or gained a page, or shows a slide's notes beside another slide, fails its check.
 */
export function expectedContent(
  format: PdfFormat,
  outline: DeckOutline,
  scriptLayout: ScriptLayout | null = null,
): Expectation {
  const { slides } = outline;
  const scriptSheetOfSlide = scriptLayout?.sheetOfSlide ?? null;
  const pageOf = pageOfSlide(format, slides, scriptSheetOfSlide);
  const onPages: PageText[] = [];
  let startsAt = 0;
  slides.forEach((slide, index) => {
    const page = pageOf[index]!;
    const add = (text: string, what: string) =>
      onPages.push({ page, text, what: `${what} of slide ${index + 1}` });
    if (format === 'slides' || format === 'steps') {
      // Every step of a slide is a page of its own, each with the slide's title.
      const count = format === 'steps' ? 1 + slide.fragments : 1;
      for (let step = 0; step < count; step += 1)
        onPages.push({ page: page + step, text: slide.title, what: `the title of slide ${index + 1}` });
    } else {
      const timing = slide.timing ? ` ${formatDuration(slide.timing)}` : '';
      const start = format === 'notes' ? ` starts at ${formatDuration(startsAt)}` : '';
      add(`${index + 1}. ${slide.title}${timing}${start}`, 'the heading');
      slide.notes.forEach((paragraph) => add(paragraph, 'the notes'));
      slide.stepNotes.forEach((notes, step) => {
        if (notes) add(`Step ${step + 2} ${notes}`, `the notes of step ${step + 2}`);
      });
    }
    startsAt += slide.timing ?? 0;
  });
  if (outline.url !== null) {
    // The slides' address: on the title and last slides, and on every handout sheet.
    const text = shortAddress(outline.url);
    const count = pageCount(format, slides, scriptLayout);
    const pages =
      format === 'handout' || format === 'handout-3up'
        ? [...Array(count).keys()]
        : format === 'slides'
          ? [0, count - 1]
          : format === 'steps'
            ? [0, count - 1]
            : [];
    for (const page of new Set(pages)) onPages.push({ page, text, what: 'the slides’ address' });
  }
  if (format === 'notes' && outline.facts.length > 0) {
    // The script closes with the dated facts, on its last sheet.
    const last = pageCount(format, slides, scriptLayout) - 1;
    const checkedOn = outline.facts
      .map((fact) => fact.checked)
      .sort()
      .at(-1);
    onPages.push({ page: last, text: `Facts checked on ${checkedOn}`, what: 'the closing facts' });
  }
  return {
    pages: pageCount(format, slides, scriptLayout),
    onPages,
    bookmarks: slides.map((slide, index) => ({
      title: `${index + 1}. ${slide.title}`,
      page: pageOf[index]!,
    })),
    title: outline.title,
  };
}

/** The page (0-based) on which each slide starts in a format. */
function pageOfSlide(
  format: PdfFormat,
  slides: readonly SlideOutline[],
  scriptSheetOfSlide: readonly number[] | null,
): number[] {
  switch (format) {
    case 'slides':
    case 'handout':
      return slides.map((_, index) => index);
    case 'steps':
      return firstPages(slides, (slide) => 1 + slide.fragments);
    case 'handout-3up':
      return slides.map((_, index) => Math.floor(index / SLIDES_PER_3UP_SHEET));
    case 'notes':
      return slides.map((_, index) => script(scriptSheetOfSlide)[index] ?? -1);
  }
}

function pageCount(
  format: PdfFormat,
  slides: readonly SlideOutline[],
  scriptLayout: ScriptLayout | null,
): number {
  switch (format) {
    case 'slides':
    case 'handout':
      return slides.length;
    case 'steps':
      return slides.reduce((sum, slide) => sum + 1 + slide.fragments, 0);
    case 'handout-3up':
      return Math.ceil(slides.length / SLIDES_PER_3UP_SHEET);
    case 'notes':
      // As laid out: the sheets the script was split into (never fewer than its slides need).
      return Math.max(
        scriptLayout?.sheets ?? 0,
        Math.max(0, ...script(scriptLayout?.sheetOfSlide ?? null)) + 1,
      );
  }
}

function script(sheetOfSlide: readonly number[] | null): readonly number[] {
  if (!sheetOfSlide) throw new Error('the speaker script has no layout to check against');
  return sheetOfSlide;
}
