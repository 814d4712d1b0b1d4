import { PDFDocument } from 'pdf-lib';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/**
 * Loads pdf.js and runs it once on a one-page PDF. The first use costs about a second (module
 * and worker code to compile); the exporter starts this while Chromium prints, when Node would
 * otherwise wait, so the checks after each PDF are fast.
 */
export function preparePdfReader(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const loaded = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const sample = await PDFDocument.create();
    sample.addPage([10, 10]);
    const doc = await loaded.getDocument({ data: await sample.save(), verbosity: 0 }).promise;
    await (await doc.getPage(1)).getTextContent();
    await doc.destroy();
    return loaded;
  })();
  return pdfjs;
}

/** What a PDF holds, read back with pdf.js: to verify an export and to test it. */
export interface PdfReport {
  pages: number;
  /** Text of each page, whitespace collapsed. */
  pageText: string[];
  bookmarks: string[];
  /** The page (0-based) each bookmark opens; -1 where it opens none. */
  bookmarkPages: number[];
  info: { title: string; author: string; subject: string };
  /** Size of the first page in points. */
  pageSize: { width: number; height: number };
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfReport> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const { getDocument } = await preparePdfReader();
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pageText: string[] = [];
    let pageSize = { width: 0, height: 0 };
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      if (number === 1) {
        const [x0, y0, x1, y1] = page.view as [number, number, number, number];
        pageSize = { width: x1 - x0, height: y1 - y0 };
      }
      const content = await page.getTextContent();
      pageText.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    const outline = (await doc.getOutline()) ?? [];
    const bookmarkPages = await Promise.all(
      outline.map(async ({ dest }) => {
        const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
        const target = explicit?.[0] as { num: number; gen: number } | undefined;
        return target && typeof target === 'object' ? doc.getPageIndex(target).catch(() => -1) : -1;
      }),
    );
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string | undefined> };
    return {
      pages: doc.numPages,
      pageText,
      bookmarks: outline.map((entry) => entry.title),
      bookmarkPages,
      info: { title: info.Title ?? '', author: info.Author ?? '', subject: info.Subject ?? '' },
      pageSize,
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * Text comparisons ignore whitespace and apostrophe variants (a PDF's text layer may give the
 * typographic ’ back as the modifier letter ʼ).
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[‘’ʼ′]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, '')
    .toLowerCase();
}
