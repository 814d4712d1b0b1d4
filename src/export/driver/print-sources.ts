import type { Browser } from 'puppeteer-core';
import { PROJECT_NAME } from '../../deck/problems.ts';
import type { DeckOutline } from '../deck-outline.ts';
import { toString as qrToString } from 'qrcode';
import { QR_OPTIONS } from '../../deck/public-address.ts';
import type { DeckTheme } from '../../deck/types.ts';
import {
  renderHandoutHtml,
  renderScriptHtml,
  renderThreeUpHtml,
  type SheetAddress,
} from '../handout-html.ts';
import type { ExportFormat, Paper } from '../options.ts';
import { openWatchedPage, originOf, type PageProblems } from './deck-page.ts';
import { readDiagramCache, saveDiagramCache, seedDiagramCache } from './diagram-cache.ts';
import type { ScriptPrint } from '../compose-formats.ts';
import { fitNotes, paginateScript } from './fit-sheets.ts';
import { captureSlidePngs } from './capture-pngs.ts';
import { openPrintView, printPage } from './print.ts';
import { readDeckOutline } from './read-outline.ts';

/**
 * The print views: one page per slide with every fragment shown, or one page per step.
 * margin=0: pages exactly the 1280x720 slide, so a handout frame holds the slide edge to edge.
 */
const SLIDES_VIEW = 'print-pdf&pdfSeparateFragments=false&margin=0';
const STEPS_VIEW = 'print-pdf&margin=0';

/** Smallest notes text on a handout before the export refuses (it would be unreadable). */
const MIN_NOTES_PT = 7;

/** What Chromium printed, before composition: the raw material of the five formats. */
export interface PrintedSources {
  outline: DeckOutline;
  slides: Uint8Array;
  /** The slides in the handouts' theme: `slides` itself when the themes are the same. */
  handoutSlides: Uint8Array | null;
  steps: Uint8Array | null;
  handoutSheets: Uint8Array | null;
  threeUpSheets: Uint8Array | null;
  script: ScriptPrint | null;
  problems: PageProblems[];
}

export interface PrintRequest {
  browser: Browser;
  baseUrl: string;
  formats: readonly ExportFormat[];
  paper: Paper;
  /** Theme of the slides and steps views and the pictures; null: the deck config's. */
  theme: DeckTheme | null;
  /** Theme of the slides drawn on the handouts. */
  handoutTheme: DeckTheme;
  stylesheets: readonly string[];
  /** Extra pages the server serves (the sheets), by path: filled in here. */
  sheets: Map<string, string>;
  cacheFile: string;
  progress: (format: string, message: string) => void;
  /** Receives each slide's picture (format `png`), to write and check it. */
  onPicture?: (index: number, png: Uint8Array) => Promise<void>;
  /**
   * Called after each print with what is printed so far, so the caller can compose and check
   * finished formats (Node work) while Chromium prints the next one.
   */
  onPrinted?: (outline: DeckOutline, printed: Partial<Omit<PrintedSources, 'outline' | 'problems'>>) => void;
}

/**
 * Prints everything the requested formats need, one after the other in one page. (Printing
 * from several pages at once was measured slower here: headless Chromium runs animation frames,
 * which reveal's print view needs, only in a visible tab, and a window per page costs more than
 * it saves on two cores.) The page's sessionStorage keeps the diagram SVGs from view to view.
 */
export async function printSources(request: PrintRequest): Promise<PrintedSources> {
  const { formats } = request;
  const { page, problems } = await openWatchedPage(request.browser, originOf(request.baseUrl), {
    intercept: false,
  });
  await seedDiagramCache(page, originOf(request.baseUrl), await readDiagramCache(request.cacheFile));

  const themeQuery = request.theme ? `&theme=${request.theme}` : '';
  await openPrintView(page, `${request.baseUrl}?${SLIDES_VIEW}${themeQuery}`);
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  const outline = await page.evaluate(readDeckOutline);
  // Only when the deck drew something: otherwise the file already holds exactly its diagrams.
  if (await page.evaluate(() => window.deckStatus.diagramsDrawn > 0))
    await saveDiagramCache(page, request.cacheFile);
  request.progress('slides', `printing ${outline.slides.length} slides`);
  const slides = await printPage(page);
  request.onPrinted?.(outline, { slides });
  let steps: Uint8Array | null = null;
  if (formats.includes('steps')) {
    request.progress(
      'steps',
      `printing ${outline.slides.reduce((sum, s) => sum + 1 + s.fragments, 0)} steps`,
    );
    await openPrintView(page, `${request.baseUrl}?${STEPS_VIEW}${themeQuery}`);
    steps = await printPage(page);
    request.onPrinted?.(outline, { steps });
  }
  const handouts = formats.includes('handout') || formats.includes('handout-3up');
  let handoutSlides: Uint8Array | null = null;
  if (handouts && request.handoutTheme !== request.theme) {
    request.progress(
      'handout',
      `printing ${outline.slides.length} slides, ${request.handoutTheme}, for the handouts`,
    );
    await openPrintView(page, `${request.baseUrl}?${SLIDES_VIEW}&theme=${request.handoutTheme}`);
    handoutSlides = await printPage(page);
    request.onPrinted?.(outline, { handoutSlides });
  }
  const address: SheetAddress | null = outline.url
    ? { url: outline.url, qrSvg: await qrToString(outline.url, { ...QR_OPTIONS, margin: 0 }) }
    : null;

  await page.emulateMediaType('print');
  const sheet = async (name: string, html: string, then: () => Promise<void>): Promise<Uint8Array> => {
    const path = `/__${name}.html`;
    request.sheets.set(path, html);
    await page.goto(`${request.baseUrl}${path.slice(1)}`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await then();
    return printPage(page);
  };
  const fitted = (name: string) => async () => {
    const overflowing = await page.evaluate(fitNotes, MIN_NOTES_PT);
    if (overflowing.length === 0) return;
    const named = overflowing.map((index) => {
      const slide = outline.slides[index];
      return slide ? `slide "${slide.id}" (${slide.module})` : `slide ${index + 1}`;
    });
    throw new Error(
      `${PROJECT_NAME} export: the notes of ${named.join(', ')} do not fit ${name}.pdf even at ${MIN_NOTES_PT}pt; shorten them`,
    );
  };
  const handoutSheets = formats.includes('handout')
    ? await sheet(
        'handout',
        renderHandoutHtml(outline, request.paper, request.stylesheets, address),
        fitted('handout'),
      )
    : null;
  if (handoutSheets) request.onPrinted?.(outline, { handoutSheets });
  const threeUpSheets = formats.includes('handout-3up')
    ? await sheet(
        'handout-3up',
        renderThreeUpHtml(outline, request.paper, request.stylesheets, address),
        fitted('handout-3up'),
      )
    : null;
  if (threeUpSheets) request.onPrinted?.(outline, { threeUpSheets });
  let layout = { sheetOfSlide: [] as number[], sheets: 0 };
  const script = formats.includes('notes')
    ? await sheet('notes', renderScriptHtml(outline, request.paper, request.stylesheets), async () => {
        layout = await page.evaluate(paginateScript);
      })
    : null;
  if (script) request.onPrinted?.(outline, { script: { pdf: script, ...layout } });
  if (formats.includes('png')) {
    request.progress('png', `taking ${outline.slides.length} pictures, ${theme ?? 'light'} theme`);
    const onPicture = request.onPicture ?? (() => Promise.resolve());
    await captureSlidePngs(page, request.baseUrl, request.theme, onPicture);
  }
  return {
    outline,
    slides,
    handoutSlides,
    steps,
    handoutSheets,
    threeUpSheets,
    script: script ? { pdf: script, ...layout } : null,
    problems: [problems],
  };
}
