import { PROJECT_NAME } from '../deck/problems.ts';
import { inspectPdf, normaliseText, type PdfReport } from './inspect-pdf.ts';

export interface Expectation {
  /** Exact page count. */
  pages: number;
  /** Text every one of which must be found in the PDF (the slide titles). */
  titles: readonly string[];
  /** Number of bookmarks. */
  bookmarks: number;
  title: string;
}

export class ExportVerificationError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`${PROJECT_NAME} export: ${file} failed its check: ${problems.join('; ')}`);
    this.name = 'ExportVerificationError';
  }
}

/** Opens the written PDF and checks it against what the deck says it must hold. */
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
  const all = normaliseText(report.pageText.join(' '));
  const missing = expected.titles.filter((title) => !all.includes(normaliseText(title)));
  if (missing.length > 0)
    problems.push(`slide title(s) not found: ${missing.map((t) => `"${t}"`).join(', ')}`);
  if (report.bookmarks.length !== expected.bookmarks) {
    problems.push(`${report.bookmarks.length} bookmarks, expected ${expected.bookmarks}`);
  }
  if (report.info.title !== expected.title) problems.push(`title metadata "${report.info.title}"`);
  if (problems.length > 0) throw new ExportVerificationError(file, problems);
  return report;
}
