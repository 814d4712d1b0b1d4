/**
 * Page scripts for the handout and script sheets (passed to `page.evaluate`: they use nothing
 * from Node). They run in the print layout (`emulateMediaType('print')`), before printing.
 */

/**
 * Shrinks the notes of each box until they fit, down to `minPt`. Returns the slide index of
 * every box whose notes still do not fit.
 */
export function fitNotes(minPt: number): number[] {
  const overflowing: number[] = [];
  const overflows = (box: HTMLElement) => box.scrollHeight > box.clientHeight + 1;
  for (const box of document.querySelectorAll<HTMLElement>('.notes')) {
    const start = parseFloat(getComputedStyle(box).fontSize) * 0.75;
    // Notes come first: a demo's output, then its commands, give way before the notes would.
    for (const compact of ['', 'demo-no-output', 'demo-no-commands']) {
      if (compact) box.classList.add(compact);
      let size = start;
      box.style.setProperty('--notes-size', `${size}pt`);
      while (overflows(box) && size > minPt) {
        size = Math.max(minPt, size - 0.5);
        box.style.setProperty('--notes-size', `${size}pt`);
      }
      if (!overflows(box) || !box.querySelector('.demo-output')) break;
    }
    if (overflows(box)) {
      overflowing.push(Number(box.querySelector('[data-slide]')?.getAttribute('data-slide') ?? -1));
    }
  }
  return overflowing;
}

/**
 * Splits the speaker script, written as one sheet, into as many sheets as it needs, never
 * splitting a section. Returns the sheet of each slide and the number of sheets (the closing
 * section may start one of its own), or throws for a section taller than a sheet.
 */
export function paginateScript(): { sheetOfSlide: number[]; sheets: number } {
  const first = document.querySelector<HTMLElement>('.sheet');
  const script = first?.querySelector<HTMLElement>('.script');
  if (!first || !script) throw new Error('the script page has no .sheet .script');
  const overflows = (element: HTMLElement) => element.scrollHeight > element.clientHeight + 1;
  // Every section: the slides', and the closing one (the dated facts) after them.
  const sections = [...script.querySelectorAll<HTMLElement>(':scope > section')];
  sections.forEach((section) => section.remove());
  const sheetOf: number[] = [];
  let sheet = first;
  let body = script;
  let index = 0;
  for (const section of sections) {
    body.append(section);
    if (overflows(body) && body.children.length > 1) {
      const next = sheet.cloneNode(false) as HTMLElement;
      const nextBody = body.cloneNode(false) as HTMLElement;
      next.append(nextBody);
      sheet.after(next);
      nextBody.append(section);
      sheet = next;
      body = nextBody;
      index += 1;
    }
    const slide = section.dataset.slide;
    if (overflows(body)) {
      throw new Error(
        slide === undefined
          ? 'the closing section of the speaker script is longer than a page'
          : `the notes of slide ${Number(slide) + 1} are longer than a page`,
      );
    }
    if (slide !== undefined) sheetOf[Number(slide)] = index;
  }
  return { sheetOfSlide: sheetOf, sheets: index + 1 };
}
