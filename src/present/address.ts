import { QR_OPTIONS } from '../deck/public-address.ts';
import { renderAddress } from '../render/address.ts';

/**
 * Adds the public address, with its QR code, to the title slide and the last slide. The `qrcode`
 * package is loaded only for a deck that has an address. Its SVG is parsed as XML, never as
 * HTML, and carries only paths and presentation attributes: nothing the Content-Security-Policy
 * refuses.
 */
export async function addPublicAddress(slides: readonly HTMLElement[], url: string): Promise<void> {
  const first = slides[0];
  const last = slides.at(-1);
  if (!first || !last) return;
  const qrcode = await import('qrcode');
  const markup = await qrcode.toString(url, QR_OPTIONS);
  for (const slide of new Set([first, last])) {
    const svg = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    if (!(svg instanceof SVGSVGElement)) throw new Error('the qrcode package drew no SVG');
    slide.classList.add('has-address');
    slide.append(renderAddress(url, document.importNode(svg, true)));
  }
}
