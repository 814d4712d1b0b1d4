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
  const scale = bodyScale(body.clientHeight, body.scrollHeight);
  if (scale < 1) body.style.setProperty('zoom', String(scale));
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
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'resize'])
    reveal.on(event, fit);
  fit();
  return fit;
}
