import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { PX_TO_PT, type Box } from './layout.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
}

export interface Bookmark {
  title: string;
  /** 0-based page index. */
  page: number;
}

/** Sets title, author, subject, keywords and producer. */
export function setMetadata(doc: PDFDocument, meta: PdfMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('docker-talk export (reveal.js, Chromium)');
  doc.setProducer('docker-talk export with pdf-lib');
}

/**
 * Writes a flat outline (the viewer's bookmarks panel): one entry per bookmark, each opening
 * its page. pdf-lib has no outline API, so this builds the PDF objects (PDF 1.7, 12.3.3).
 */
export function setBookmarks(doc: PDFDocument, bookmarks: readonly Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const { context } = doc;
  const pages = doc.getPages();
  const outlinesRef = context.nextRef();
  const refs: PDFRef[] = bookmarks.map(() => context.nextRef());
  bookmarks.forEach((bookmark, index) => {
    const page = pages[bookmark.page];
    if (!page)
      throw new Error(`bookmark "${bookmark.title}" points at page ${bookmark.page + 1} of ${pages.length}`);
    const entry: Record<string, unknown> = {
      // UTF-16: titles hold arrows and typographic quotes that PDFDocEncoding lacks.
      Title: PDFHexString.fromText(bookmark.title),
      Parent: outlinesRef,
      Dest: context.obj([page.ref, PDFName.of('XYZ'), null, null, null]),
    };
    if (index > 0) entry.Prev = refs[index - 1];
    if (index < bookmarks.length - 1) entry.Next = refs[index + 1];
    context.assign(refs[index]!, context.obj(entry as Record<string, never>));
  });
  const outlines: PDFDict = context.obj({
    Type: 'Outlines',
    First: refs[0]!,
    Last: refs[refs.length - 1]!,
    Count: PDFNumber.of(bookmarks.length),
  });
  context.assign(outlinesRef, outlines);
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** A slide page placed into a box of a sheet. */
export interface Placement {
  sheet: number;
  slidePage: number;
  box: Box;
}

/**
 * Draws pages of the slides PDF into boxes of the sheets PDF, as embedded vector pages (text
 * stays text, diagrams stay vectors). Returns the combined document.
 */
export async function placeSlides(
  sheetsPdf: Uint8Array,
  slidesPdf: Uint8Array,
  placements: readonly Placement[],
): Promise<PDFDocument> {
  const doc = await PDFDocument.load(sheetsPdf);
  const slides = await PDFDocument.load(slidesPdf);
  const wanted = [...new Set(placements.map((p) => p.slidePage))];
  const embedded = await doc.embedPdf(slides, wanted);
  const byPage = new Map(wanted.map((page, index) => [page, embedded[index]!]));
  const sheets = doc.getPages();
  for (const placement of placements) {
    const sheet = sheets[placement.sheet];
    if (!sheet) throw new Error(`no sheet ${placement.sheet + 1} for slide page ${placement.slidePage + 1}`);
    const { box } = placement;
    const target = {
      x: box.left * PX_TO_PT,
      y: sheet.getHeight() - (box.top + box.height) * PX_TO_PT,
      width: box.width * PX_TO_PT,
      height: box.height * PX_TO_PT,
    };
    sheet.drawPage(byPage.get(placement.slidePage)!, target);
    copyLinks(doc, slides.getPage(placement.slidePage), sheet, target);
  }
  return doc;
}

/**
 * An embedded page is drawn as a picture of its content: its link annotations stay behind. Copy
 * each web link onto the sheet, scaled into the box, so the slide's links click in the handout too.
 */
function copyLinks(
  doc: PDFDocument,
  from: PDFPage,
  onto: PDFPage,
  target: { x: number; y: number; width: number; height: number },
): void {
  const annotations = from.node.Annots();
  if (!annotations) return;
  const scaleX = target.width / from.getWidth();
  const scaleY = target.height / from.getHeight();
  for (let index = 0; index < annotations.size(); index += 1) {
    const annotation = annotations.lookup(index, PDFDict);
    const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
    const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
    const rect = annotation.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (!uri || !rect || rect.size() !== 4) continue;
    const [x1, y1, x2, y2] = [0, 1, 2, 3].map((at) => rect.lookup(at, PDFNumber).asNumber()) as [
      number,
      number,
      number,
      number,
    ];
    const link = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [target.x + x1 * scaleX, target.y + y1 * scaleY, target.x + x2 * scaleX, target.y + y2 * scaleY],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(uri.decodeText()) },
    });
    onto.node.addAnnot(doc.context.register(link));
  }
}
