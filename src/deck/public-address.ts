/**
 * The public address of the slides, as the room sees it: a QR code and a short address. One
 * module for the deck (browser) and the handouts (Node), so both draw the same code.
 */

/**
 * How the QR code is drawn, by the `qrcode` package: error correction M (15 % of the code can be
 * lost to glare or a keystone), the standard quiet zone of 4 modules, black on white in both
 * themes (many scanners cannot read a light-on-dark code).
 */
export const QR_OPTIONS = {
  type: 'svg',
  errorCorrectionLevel: 'M',
  margin: 4,
  color: { dark: '#000000ff', light: '#ffffffff' },
} as const;

/** The address as printed beside the code: no scheme, no trailing slash (`example.org/talks`). */
export function shortAddress(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/\/$/, '');
}
