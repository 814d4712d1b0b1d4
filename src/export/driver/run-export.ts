import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { PROJECT_NAME } from '../../deck/problems.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { firstPages, type DeckOutline } from '../deck-outline.ts';
import { ensureBuilt } from '../ensure-build.ts';
import { renderHandoutHtml, renderScriptHtml, renderThreeUpHtml } from '../handout-html.ts';
import { handoutSlideBox, SLIDES_PER_3UP_SHEET, threeUpBoxes } from '../layout.ts';
import { findBrowser } from '../find-browser.ts';
import { chromiumArgs, launchBrowser, offlineArgs } from '../launch.ts';
import type { ExportFormat, ExportOptions } from '../options.ts';
import { placeSlides, setBookmarks, setMetadata, type Bookmark, type Placement } from '../pdf-document.ts';
import type { Progress, SummaryRow } from '../progress.ts';
import { serveStatic } from '../serve.ts';
import { preparePdfReader } from '../inspect-pdf.ts';
import { verifyPdf } from '../verify.ts';
import { openWatchedPage, originOf, type PageProblems } from './deck-page.ts';
import { diagramCacheFile, readDiagramCache, saveDiagramCache, seedDiagramCache } from './diagram-cache.ts';
import { fitNotes, paginateScript } from './fit-sheets.ts';
import { openPrintView, printPage } from './print.ts';
import { readDeckOutline } from './read-outline.ts';
import { PDFDocument } from 'pdf-lib';

export const FILE_OF: Record<ExportFormat, string> = {
  slides: 'slides.pdf',
  steps: 'steps.pdf',
  handout: 'handout.pdf',
  'handout-3up': 'handout-3up.pdf',
  notes: 'notes.pdf',
};

/** Smallest notes text on a handout before the export refuses (it would be unreadable). */
const MIN_NOTES_PT = 7;

interface Context {
  page: Page;
  problems: PageProblems;
  baseUrl: string;
  sheets: Map<string, string>;
  stylesheets: string[];
  outline: DeckOutline;
  options: ExportOptions;
}

export interface ExportPaths {
  /** The project root (sources for the staleness check, and where relative paths start). */
  root: string;
  /** The built deck. Default: `<root>/dist`. */
  distDir?: string;
  /** Build `distDir` when stale. Default: true (the bench exports prebuilt fixture decks). */
  build?: boolean;
}

/** Exports the requested PDFs. Throws with a message naming what to fix; writes nothing partial. */
export async function runExport(
  options: ExportOptions,
  progress: Progress,
  paths: ExportPaths = { root: resolve('.') },
): Promise<SummaryRow[]> {
  const { root } = paths;
  const distDir = paths.distDir ?? resolve(root, 'dist');
  const outDir = resolve(root, options.outDir);
  await prepareOutDir(outDir);
  // Warm the PDF checker in Node while Chromium works (errors surface at the first check).
  preparePdfReader().catch(() => undefined);
  // Fail fast, before a build, when there is no browser to print with.
  const executablePath = findBrowser();
  if (paths.build !== false && (await ensureBuilt(root, distDir, options.rebuild)))
    progress.step('build', 'built dist/ (it was missing or older than its sources)');

  const sheets = new Map<string, string>();
  const server = await serveStatic(distDir, { pages: sheets });
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser({ executablePath, args: [...chromiumArgs(), ...offlineArgs()] });
    const { page, problems } = await openWatchedPage(browser, originOf(server.url), { intercept: false });
    const cacheFile = diagramCacheFile(root);
    await seedDiagramCache(page, originOf(server.url), await readDiagramCache(cacheFile));
    const stylesheets = await deckStylesheets(distDir);
    // Slides first: its print view is also where the outline is read (one page per slide).
    await openPrintView(page, `${server.url}?${SLIDES_VIEW}`);
    const outline = await page.evaluate(readDeckOutline);
    await saveDiagramCache(page, cacheFile);
    const context: Context = { page, problems, baseUrl: server.url, sheets, stylesheets, outline, options };

    const needsSlides = options.formats.some((format) => format !== 'steps' && format !== 'notes');
    let slidesPdf: Uint8Array | null = null;
    if (needsSlides) {
      progress.step('slides', `printing ${outline.slides.length} slides`);
      slidesPdf = await printPage(page);
    }
    // Checking a written PDF (pdf.js, in Node) overlaps with printing the next one (Chromium).
    const writes: Promise<SummaryRow>[] = [];
    for (const format of options.formats) {
      const started = performance.now();
      const file = join(outDir, FILE_OF[format]);
      const { doc, bookmarks } = await buildFormat(format, context, slidesPdf, progress);
      setMetadata(doc, {
        title: outline.title,
        author: outline.author,
        subject: outline.subject,
        keywords: ['docker', 'containers', 'images', format],
      });
      setBookmarks(doc, bookmarks);
      const bytes = await doc.save();
      const pages = doc.getPageCount();
      const check = () =>
        verifyPdf(FILE_OF[format], bytes, {
          pages,
          titles: outline.slides.map((slide) => slide.title),
          bookmarks: outline.slides.length,
          title: outline.title,
        }).then(() => undefined);
      writes.push(
        writeFileAtomic(file, bytes, check).then(() => {
          progress.done(format, `wrote ${FILE_OF[format]}: ${pages} pages, checked`);
          return {
            file: join(options.outDir, FILE_OF[format]),
            pages,
            bytes: bytes.length,
            seconds: (performance.now() - started) / 1000,
          };
        }),
      );
    }
    const settled = await Promise.allSettled(writes);
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    const rows = settled.map((result) => (result as PromiseFulfilledResult<SummaryRow>).value);
    if (problems.pageErrors.length > 0) {
      throw new Error(`${PROJECT_NAME} export: the deck reported errors: ${problems.pageErrors.join('; ')}`);
    }
    // The export must run with no network: anything the deck fetched from elsewhere is a bug.
    if (problems.foreignRequests.length > 0) {
      throw new Error(
        `${PROJECT_NAME} export: the deck asked for ${problems.foreignRequests.join(', ')}, outside its own origin; bundle it instead`,
      );
    }
    return rows;
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** Creates the output folder and proves it writable now, before any work is done. */
async function prepareOutDir(outDir: string): Promise<void> {
  const probe = join(outDir, `.docker-talk-write-probe-${process.pid}`);
  try {
    await makeDirectories(outDir);
    await writeFile(probe, '');
    await rm(probe);
  } catch (error) {
    throw new Error(
      `${PROJECT_NAME} export: cannot write to ${outDir} (${(error as Error).message}); choose another folder with --out`,
      { cause: error },
    );
  }
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns for some paths (under
 * /proc it retries ENOENT forever), where a plain mkdir fails at once with a clear code.
 */
async function makeDirectories(path: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(path);
  while (!(await stat(current).catch(() => null))) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of missing) await mkdir(dir);
}

/** The deck's own CSS (for its fonts and colours), as linked from the built index.html. */
async function deckStylesheets(distDir: string): Promise<string[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
}

/**
 * The print views: one page per slide with every fragment shown, or one page per step.
 * margin=0: pages exactly the 1280x720 slide, so a handout frame holds the slide edge to edge.
 */
const SLIDES_VIEW = 'print-pdf&pdfSeparateFragments=false&margin=0';
const STEPS_VIEW = 'print-pdf&margin=0';

async function printDeck(context: Context, query: string): Promise<Uint8Array> {
  await openPrintView(context.page, `${context.baseUrl}?${query}`);
  return printPage(context.page);
}

async function buildFormat(
  format: ExportFormat,
  context: Context,
  slidesPdf: Uint8Array | null,
  progress: Progress,
): Promise<{ doc: PDFDocument; bookmarks: Bookmark[] }> {
  const { outline, options } = context;
  const slides = outline.slides;
  const titled = (pages: number[]) =>
    slides.map((slide, index) => ({ title: `${index + 1}. ${slide.title}`, page: pages[index]! }));
  switch (format) {
    case 'slides':
      return { doc: await PDFDocument.load(slidesPdf!), bookmarks: titled(firstPages(slides, () => 1)) };
    case 'steps': {
      progress.step('steps', `printing ${slides.reduce((sum, s) => sum + 1 + s.fragments, 0)} steps`);
      const bytes = await printDeck(context, STEPS_VIEW);
      return {
        doc: await PDFDocument.load(bytes),
        bookmarks: titled(firstPages(slides, (slide) => 1 + slide.fragments)),
      };
    }
    case 'handout': {
      const sheetsPdf = await printSheets(
        context,
        'handout',
        renderHandoutHtml(outline, options.paper, context.stylesheets),
      );
      const placements: Placement[] = slides.map((slide, index) => {
        progress.slide('handout', index, slides.length, slide.title);
        return { sheet: index, slidePage: index, box: handoutSlideBox(options.paper) };
      });
      return {
        doc: await placeSlides(sheetsPdf, slidesPdf!, placements),
        bookmarks: titled(firstPages(slides, () => 1)),
      };
    }
    case 'handout-3up': {
      const sheetsPdf = await printSheets(
        context,
        'handout-3up',
        renderThreeUpHtml(outline, options.paper, context.stylesheets),
      );
      const placements: Placement[] = slides.map((slide, index) => {
        progress.slide('handout-3up', index, slides.length, slide.title);
        return {
          sheet: Math.floor(index / SLIDES_PER_3UP_SHEET),
          slidePage: index,
          box: threeUpBoxes(options.paper, index % SLIDES_PER_3UP_SHEET).slide,
        };
      });
      return {
        doc: await placeSlides(sheetsPdf, slidesPdf!, placements),
        bookmarks: titled(slides.map((_, index) => Math.floor(index / SLIDES_PER_3UP_SHEET))),
      };
    }
    case 'notes': {
      context.sheets.set('/__notes.html', renderScriptHtml(outline, options.paper, context.stylesheets));
      await openSheets(context, '/__notes.html');
      const sheetOf = await context.page.evaluate(paginateScript);
      return { doc: await PDFDocument.load(await printPage(context.page)), bookmarks: titled(sheetOf) };
    }
  }
}

async function openSheets(context: Context, path: string): Promise<void> {
  await context.page.emulateMediaType('print');
  await context.page.goto(`${context.baseUrl}${path.slice(1)}`, { waitUntil: 'load' });
  await context.page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Prints a page of sheets (handout or three-up) after fitting each slide's notes into its box. */
async function printSheets(context: Context, name: string, html: string): Promise<Uint8Array> {
  const path = `/__${name}.html`;
  context.sheets.set(path, html);
  await openSheets(context, path);
  const overflowing = await context.page.evaluate(fitNotes, MIN_NOTES_PT);
  if (overflowing.length > 0) {
    const named = overflowing.map((index) => {
      const slide = context.outline.slides[index];
      return slide ? `slide "${slide.id}" (${slide.module})` : `slide ${index + 1}`;
    });
    throw new Error(
      `${PROJECT_NAME} export: the notes of ${named.join(', ')} do not fit ${name}.pdf even at ${MIN_NOTES_PT}pt; shorten them`,
    );
  }
  return printPage(context.page);
}
