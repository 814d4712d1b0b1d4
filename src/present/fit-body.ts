import type { RevealApi } from 'reveal.js';

/**
 * How much a slide body must shrink to fit its room: 1 when it fits. Pure, for the tests.
 * Only a slide whose demo pane is open needs it; everything else fits by design.
 */
export function bodyScale(room: number, natural: number): number {
  if (!(room > 0) || !(natural > room + 1)) return 1;
  return Math.floor((room / natural) * 1000) / 1000;
}

/**
 * Shrinks the body of a slide with an open demo pane into the room the pane leaves, with CSS
 * `zoom` on the body alone (the pane keeps its 20 px text; layout follows zoom, unlike a
 * transform, so nothing overlaps the pane). Measured on the slide as laid out: call it when the
 * slide is displayed.
 */
export function fitSlideBody(section: Element): void {
  const body = section.querySelector<HTMLElement>('.has-demo-pane > .slide-body');
  if (!body) return;
  body.style.removeProperty('zoom');
  // In screen space (reveal may scale the slide): the room, and where the body's last block ends
  // when nothing constrains it (constrained, its blocks may shrink or grow to fill).
  const room = body.getBoundingClientRect().height;
  const rendered = (zoom: number) => {
    body.style.setProperty('zoom', String(zoom));
    body.style.setProperty('flex', 'none');
    body.style.setProperty('height', 'auto');
    const top = body.getBoundingClientRect().top;
    const bottom = Math.max(top, ...[...body.children].map((child) => child.getBoundingClientRect().bottom));
    body.style.removeProperty('flex');
    body.style.removeProperty('height');
    return bottom - top;
  };
  let fits = bodyScale(room, rendered(1));
  if (fits < 1) {
    // Zoomed, the body is wider in its own pixels and its text wraps less: search for the
    // largest zoom that fits, starting from one that surely does.
    let over = 1;
    for (let round = 0; round < 7; round += 1) {
      const zoom = (fits + over) / 2;
      if (rendered(zoom) <= room + 1) fits = zoom;
      else over = zoom;
    }
  }
  if (fits < 1) body.style.setProperty('zoom', String(Math.floor(fits * 1000) / 1000));
  else body.style.removeProperty('zoom');
}

/**
 * Keeps the current slide's body fitted as the pane opens, closes or is toggled away; in the
 * print view every page is laid out at once, so every slide is fitted once.
 */
export function attachBodyFit(reveal: RevealApi, print: boolean): () => void {
  const fitAll = () => reveal.getSlides().forEach(fitSlideBody);
  const fitCurrent = () => {
    const current = reveal.getCurrentSlide();
    if (current) fitSlideBody(current);
  };
  const fit = print ? fitAll : fitCurrent;
  // The print view lays its pages out late: each slide has its page's height only at pdf-ready.
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'resize', 'pdf-ready'])
    reveal.on(event, fit);
  fit();
  return fit;
}
