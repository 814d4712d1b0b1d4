import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { PROJECT_NAME } from '../../deck/problems.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { composeFormat, type FormatSources } from '../compose-formats.ts';
import type { DeckOutline } from '../deck-outline.ts';
import { ensureBuilt } from '../ensure-build.ts';
import { expectedContent } from '../expectations.ts';
import { describeBrowser, findBrowser } from '../find-browser.ts';
import { preparePdfReader } from '../inspect-pdf.ts';
import { chromiumArgs, launchBrowser, offlineArgs } from '../launch.ts';
import { isPdfFormat, type ExportOptions, type PdfFormat } from '../options.ts';
import { setBookmarks, setMetadata } from '../pdf-document.ts';
import { checkPngSet, pngFileName, verifyPng } from '../png.ts';
import type { Progress, SummaryRow } from '../progress.ts';
import { serveStatic } from '../serve.ts';
import { verifyPdf } from '../verify.ts';
import { diagramCacheFile } from './diagram-cache.ts';
import { printSources } from './print-sources.ts';

export const FILE_OF: Record<PdfFormat, string> = {
  slides: 'slides.pdf',
  steps: 'steps.pdf',
  handout: 'handout.pdf',
  'handout-3up': 'handout-3up.pdf',
  notes: 'notes.pdf',
};

export interface ExportPaths {
  /** The project root (sources for the staleness check, and where relative paths start). */
  root: string;
  /** The built deck. Default: `<root>/dist`. */
  distDir?: string;
  /** Build `distDir` when stale. Default: true (the bench exports prebuilt fixture decks). */
  build?: boolean;
}

/** Exports the requested PDFs and PNGs. Throws with a message naming what to fix; writes nothing partial. */
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
  const found = await findBrowser();
  progress.step('browser', `printing with ${describeBrowser(found)}`);
  if (paths.build !== false && (await ensureBuilt(root, distDir, options.rebuild)))
    progress.step('build', 'built dist/ (it was missing or older than its sources)');

  const sheets = new Map<string, string>();
  // The browser starts while the server does.
  const launching = launchBrowser({
    executablePath: found.executablePath,
    args: [...chromiumArgs(), ...offlineArgs()],
    // Our own handlers clean up first (scripts/export.ts); Puppeteer's would exit at once.
    // The browser still goes with the process: Puppeteer kills it on exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const server = await serveStatic(distDir, { pages: sheets }).catch(async (error: unknown) => {
    await (await launching.catch(() => null))?.close();
    throw error;
  });
  let browser: Browser | null = null;
  try {
    browser = await launching;
    // Each format is composed, written and checked as soon as what it is made of is printed,
    // while Chromium goes on printing the next one.
    const printedSoFar: Partial<FormatSources> = {};
    const writes = new Map<PdfFormat, Promise<SummaryRow>>();
    const pdfFormats = options.formats.filter(isPdfFormat);
    let printedOutline: DeckOutline | null = null;
    const startReady = (outline: DeckOutline) => {
      printedOutline = outline;
      for (const format of pdfFormats) {
        if (writes.has(format) || !isReady(format, printedSoFar)) continue;
        const write = produce(format, outline, snapshot(printedSoFar));
        write.catch(() => undefined);
        writes.set(format, write);
      }
    };
    const produce = async (
      format: PdfFormat,
      outline: DeckOutline,
      sources: FormatSources,
    ): Promise<SummaryRow> => {
      const started = performance.now();
      const { doc, bookmarks } = await composeFormat(format, outline, options.paper, sources);
      setMetadata(doc, {
        title: outline.title,
        author: outline.author,
        subject: outline.subject,
        keywords: ['docker', 'containers', 'images', format],
      });
      setBookmarks(doc, bookmarks);
      const bytes = await doc.save();
      // What the file must hold comes from the deck, never from the document just made.
      const expected = expectedContent(format, outline, sources.script ?? null);
      await writeFileAtomic(join(outDir, FILE_OF[format]), bytes, () =>
        verifyPdf(FILE_OF[format], bytes, expected).then(() => undefined),
      );
      progress.done(format, `wrote ${FILE_OF[format]}: ${expected.pages} pages, checked`);
      return {
        file: join(options.outDir, FILE_OF[format]),
        pages: expected.pages,
        bytes: bytes.length,
        seconds: (performance.now() - started) / 1000,
      };
    };
    const pictures = createPictureWriter(outDir, () => printedOutline, progress);
    let printed;
    try {
      printed = await printSources({
        browser,
        baseUrl: server.url,
        formats: options.formats,
        paper: options.paper,
        theme: options.theme,
        handoutTheme: options.handoutTheme,
        onPicture: pictures.write,
        stylesheets: await deckStylesheets(distDir),
        sheets,
        cacheFile: diagramCacheFile(root, distDir),
        progress: (format, message) => progress.step(format, message),
        onPrinted: (outline, sources) => {
          Object.assign(printedSoFar, sources);
          startReady(outline);
        },
      });
    } finally {
      // Whatever happens, let writes under way finish (and clean up their temp files).
      await Promise.allSettled(writes.values());
    }
    const settled = await Promise.allSettled(pdfFormats.map((format) => writes.get(format)!));
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    const pngRow = options.formats.includes('png') ? await pictures.finish(options.outDir) : null;
    const pageErrors = printed.problems.flatMap((problems) => problems.pageErrors);
    if (pageErrors.length > 0) {
      throw new Error(`${PROJECT_NAME} export: the deck reported errors: ${pageErrors.join('; ')}`);
    }
    // The export must run with no network: anything the deck fetched from elsewhere is a bug.
    const foreign = printed.problems.flatMap((problems) => problems.foreignRequests);
    if (foreign.length > 0) {
      throw new Error(
        `${PROJECT_NAME} export: the deck asked for ${foreign.join(', ')}, outside its own origin; bundle it instead`,
      );
    }
    const rows = settled.map((result) => (result as PromiseFulfilledResult<SummaryRow>).value);
    return pngRow ? [...rows, pngRow] : rows;
  } finally {
    await browser?.close();
    await server.close();
  }
}

/**
 * Writes each slide's picture as it is taken, to a temp file, checked, then renamed (see
 * `writeFileAtomic`); at the end, checks that the folder holds one per slide.
 */
function createPictureWriter(outDir: string, outline: () => DeckOutline | null, progress: Progress) {
  const started = performance.now();
  let bytes = 0;
  let written = 0;
  const expectedNames = () => {
    const slides = outline()?.slides ?? [];
    return slides.map((slide, index) => pngFileName(index, slides.length, slide.id));
  };
  return {
    write: async (index: number, png: Uint8Array): Promise<void> => {
      const slides = outline()?.slides ?? [];
      const slide = slides[index];
      if (!slide)
        throw new Error(
          `${PROJECT_NAME} export: a picture of slide ${index + 1}, but the deck has ${slides.length} slides`,
        );
      const name = pngFileName(index, slides.length, slide.id);
      await writeFileAtomic(join(outDir, name), png, async () => verifyPng(name, png));
      bytes += png.length;
      written += 1;
      progress.slide('png', index, slides.length, slide.title);
    },
    finish: async (shownDir: string): Promise<SummaryRow> => {
      const names = expectedNames();
      checkPngSet(names, await readdir(outDir));
      if (written !== names.length)
        throw new Error(
          `${PROJECT_NAME} export: ${written} pictures taken, the deck has ${names.length} slides`,
        );
      progress.done('png', `wrote ${names.length} PNGs (${names[0]} … ${names.at(-1)}), 1920x1080, checked`);
      return {
        file: join(shownDir, `*.png`),
        pages: names.length,
        bytes,
        seconds: (performance.now() - started) / 1000,
      };
    },
  };
}

/** Whether everything `format` is made of has been printed. */
function isReady(format: PdfFormat, printed: Partial<FormatSources>): boolean {
  switch (format) {
    case 'slides':
      return Boolean(printed.slides);
    case 'steps':
      return Boolean(printed.steps);
    case 'handout':
      return Boolean(printed.slides && printed.handoutSlides && printed.handoutSheets);
    case 'handout-3up':
      return Boolean(printed.slides && printed.handoutSlides && printed.threeUpSheets);
    case 'notes':
      return Boolean(printed.script);
  }
}

function snapshot(printed: Partial<FormatSources>): FormatSources {
  return {
    slides: printed.slides!,
    handoutSlides: printed.handoutSlides ?? null,
    steps: printed.steps ?? null,
    handoutSheets: printed.handoutSheets ?? null,
    threeUpSheets: printed.threeUpSheets ?? null,
    script: printed.script ?? null,
  };
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
