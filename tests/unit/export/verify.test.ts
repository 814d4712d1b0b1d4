import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DeckOutline } from '../../../src/export/deck-outline.ts';
import { expectedContent } from '../../../src/export/expectations.ts';
import { setBookmarks, setMetadata } from '../../../src/export/pdf-document.ts';
import { verifyPdf } from '../../../src/export/verify.ts';

/** A three-slide deck; slide 2 has two steps, the second with notes of its own. */
const outline: DeckOutline = {
  url: null,
  title: 'Check fixture',
  author: 'tests',
  subject: 'what the read-back check refuses',
  talkMinutes: 3,
  slides: [1, 2, 3].map((n) => ({
    id: `s${n}`,
    title: `Slide number ${n}`,
    module: `slides/0${n}-s${n}.ts`,
    timing: 60,
    notes: [`Notes of slide ${n}, said aloud.`],
    stepNotes: n === 2 ? [null, 'Only the second step has notes.'] : [],
    fragments: n === 2 ? 2 : 0,
    links: [],
  })),
  facts: [],
};

/** The lines of text a handout sheet of slide `n` carries, written here, not by the exporter. */
function handoutLines(n: number): string[] {
  const lines = [`${n}. Slide number ${n} 1:00`, `Notes of slide ${n}, said aloud.`];
  if (n === 2) lines.push('Step 3 Only the second step has notes.');
  return lines;
}

/** A PDF with one page per entry, each page carrying those lines; bookmarks one per slide. */
async function pdfOf(pages: string[][], bookmarkPages = [0, 1, 2]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, index) => page.drawText(line, { x: 40, y: 780 - index * 20, size: 11, font }));
  }
  setMetadata(doc, { title: outline.title, author: 'tests', subject: 's', keywords: [] });
  setBookmarks(
    doc,
    bookmarkPages.map((page, index) => ({ title: `${index + 1}. Slide number ${index + 1}`, page })),
  );
  return doc.save();
}

const handout = expectedContent('handout', outline);

describe('the read-back check of an export', () => {
  it('expects what the deck says, not what the document has', () => {
    expect(handout.pages).toBe(3);
    expect(expectedContent('slides', outline).pages).toBe(3);
    expect(expectedContent('steps', outline).pages).toBe(5);
    expect(expectedContent('handout-3up', outline).pages).toBe(1);
    expect(expectedContent('notes', outline, { sheetOfSlide: [0, 0, 1], sheets: 2 }).pages).toBe(2);
    expect(expectedContent('steps', outline).bookmarks.map((bookmark) => bookmark.page)).toEqual([0, 1, 4]);
    // The script's closing facts may take a sheet of their own, and are expected on the last one.
    const withFacts = {
      ...outline,
      facts: [{ claim: 'c', source: { title: 't', url: 'https://example.org/' }, checked: '2026-12-01' }],
    };
    const closing = expectedContent('notes', withFacts, { sheetOfSlide: [0, 0, 1], sheets: 3 });
    expect(closing.pages).toBe(3);
    expect(closing.onPages.at(-1)).toEqual({
      page: 2,
      text: 'Facts checked on 2026-12-01',
      what: 'the closing facts',
    });
  });

  it('accepts a PDF that holds every slide’s title, notes and step notes on its own page', async () => {
    const report = await verifyPdf('handout.pdf', await pdfOf([1, 2, 3].map(handoutLines)), handout);
    expect(report.pages).toBe(3);
  });

  it('refuses a PDF with a page missing', async () => {
    await expect(
      verifyPdf('handout.pdf', await pdfOf([1, 2].map(handoutLines), [0, 1, 1]), handout),
    ).rejects.toThrow(/handout\.pdf failed its check: 2 pages, expected 3.*missing from page 3/);
  });

  it('refuses a PDF with a blank page, even when the count is right', async () => {
    await expect(
      verifyPdf('handout.pdf', await pdfOf([handoutLines(1), [], handoutLines(3)]), handout),
    ).rejects.toThrow(/blank page\(s\) 2/);
  });

  it('refuses a page that carries the notes of another slide', async () => {
    const swapped = [handoutLines(1), [handoutLines(2)[0]!, ...handoutLines(3).slice(1)], handoutLines(3)];
    await expect(verifyPdf('handout.pdf', await pdfOf(swapped), handout)).rejects.toThrow(
      /the notes of slide 2 missing from page 2, the notes of step 3 of slide 2 missing from page 2/,
    );
  });

  it('refuses a page that has all the text of the file but not its own slide’s', async () => {
    // Every title once, but slide 2's and 3's swapped: "anywhere in the file" would pass.
    const slides = expectedContent('slides', outline);
    const pages = [['Slide number 1'], ['Slide number 3'], ['Slide number 2']];
    await expect(verifyPdf('slides.pdf', await pdfOf(pages), slides)).rejects.toThrow(
      /the title of slide 2 missing from page 2, the title of slide 3 missing from page 3/,
    );
  });

  it('refuses bookmarks that open the wrong page', async () => {
    await expect(
      verifyPdf('handout.pdf', await pdfOf([1, 2, 3].map(handoutLines), [0, 2, 2]), handout),
    ).rejects.toThrow(/bookmarks 3 \(expected 3\), 1 wrong/);
  });

  it('checks each start time of the speaker script against the timings before it', async () => {
    const notes = expectedContent('notes', outline, { sheetOfSlide: [0, 0, 1], sheets: 2 });
    const script = (n: number, startsAt: string) => [
      `${n}. Slide number ${n} 1:00 starts at ${startsAt}`,
      ...handoutLines(n).slice(1),
    ];
    const good = [[...script(1, '0:00'), ...script(2, '1:00')], script(3, '2:00')];
    await expect(verifyPdf('notes.pdf', await pdfOf(good, [0, 0, 1]), notes)).resolves.toBeTruthy();
    const late = [[...script(1, '0:00'), ...script(2, '1:00')], script(3, '1:00')];
    await expect(verifyPdf('notes.pdf', await pdfOf(late, [0, 0, 1]), notes)).rejects.toThrow(
      /the heading of slide 3 missing from page 2/,
    );
  });
});
