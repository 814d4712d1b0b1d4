import { PROJECT_NAME } from '../deck/problems.ts';
import type { Expectation } from './expectations.ts';
import { inspectPdf, normaliseText, type PdfReport } from './inspect-pdf.ts';

export class ExportVerificationError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`${PROJECT_NAME} export: ${file} failed its check: ${problems.join('; ')}`);
    this.name = 'ExportVerificationError';
  }
}

/** At most this many missing texts are named; the rest are counted. */
const NAMED = 4;

/**
 * Opens the written PDF and checks it against what the deck says it must hold (see
 * `expectedContent`): the page count, no blank page, every title, note and step note on the page
 * it belongs to, bookmarks opening the right pages, and the title metadata.
 */
export async function verifyPdf(file: string, bytes: Uint8Array, expected: Expectation): Promise<PdfReport> {
  const problems: string[] = [];
  let report: PdfReport;
  try {
    report = await inspectPdf(bytes);
  } catch (error) {
    throw new ExportVerificationError(file, [`it does not open as a PDF (${String(error)})`]);
  }
  if (report.pages !== expected.pages) problems.push(`${report.pages} pages, expected ${expected.pages}`);
  const blank = report.pageText.flatMap((text, index) => (text.length === 0 ? [index + 1] : []));
  if (blank.length > 0) problems.push(`blank page(s) ${blank.join(', ')}`);
  const pages = report.pageText.map(normaliseText);
  const missing = expected.onPages.filter(({ page, text }) => !pages[page]?.includes(normaliseText(text)));
  if (missing.length > 0) {
    const named = missing.slice(0, NAMED).map(({ page, what }) => `${what} missing from page ${page + 1}`);
    if (missing.length > NAMED) named.push(`and ${missing.length - NAMED} more texts`);
    problems.push(named.join(', '));
  }
  const bookmarks = report.bookmarks.map((title, index) => ({ title, page: report.bookmarkPages[index] }));
  const wrongBookmarks = expected.bookmarks.filter(
    (bookmark, index) =>
      bookmarks[index]?.title !== bookmark.title || bookmarks[index]?.page !== bookmark.page,
  );
  if (bookmarks.length !== expected.bookmarks.length || wrongBookmarks.length > 0) {
    problems.push(
      `bookmarks ${bookmarks.length} (expected ${expected.bookmarks.length}), ${wrongBookmarks.length} wrong or not opening their slide's page`,
    );
  }
  if (report.info.title !== expected.title) problems.push(`title metadata "${report.info.title}"`);
  if (problems.length > 0) throw new ExportVerificationError(file, problems);
  return report;
}
