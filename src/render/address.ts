import { shortAddress } from '../deck/public-address.ts';
import { h } from './dom.ts';

/**
 * Where to find the slides: the QR code (an SVG drawn by the `qrcode` package) and the short
 * address, both one link to the public address. It sits beside the slide's frame, not in it, so
 * the handouts do not list it among the slide's further-reading links.
 */
export function renderAddress(url: string, qr: SVGSVGElement): HTMLElement {
  qr.classList.add('slide-address-qr');
  qr.setAttribute('role', 'img');
  qr.setAttribute('aria-label', `QR code of ${url}`);
  return h('aside', { class: 'slide-address', 'aria-label': 'These slides online' }, [
    h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, [
      qr,
      // A line may break after each slash, not inside a word.
      h(
        'span',
        { class: 'slide-address-text' },
        shortAddress(url)
          .split(/(?<=\/)/)
          .flatMap((part, index) => (index === 0 ? [part] : [document.createElement('wbr'), part])),
      ),
    ]),
  ]);
}
