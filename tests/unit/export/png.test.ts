import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { checkPngSet, pngFileName, verifyPng } from '../../../src/export/png.ts';

/** A picture of `width`x`height`, background grey, with `inked` pixels black along the top row. */
function picture(width: number, height: number, inked: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(200);
  for (let pixel = 0; pixel < inked; pixel += 1) png.data.writeUInt32BE(0x000000ff, pixel * 4 + 4 * width);
  return new Uint8Array(PNG.sync.write(png));
}

describe('PNG pages', () => {
  it('names each picture by its slide number, padded to the deck, and id', () => {
    expect(pngFileName(0, 24, 'title')).toBe('01-title.png');
    expect(pngFileName(23, 24, 'further-reading')).toBe('24-further-reading.png');
    expect(pngFileName(6, 200, 'x')).toBe('007-x.png');
  });

  it('accepts a 1920x1080 picture with something drawn', () => {
    expect(() => verifyPng('01-a.png', picture(1920, 1080, 5000))).not.toThrow();
  });

  it.each([
    ['a blank picture', picture(1920, 1080, 0), /01-a\.png failed its check: the picture is blank/],
    ['the wrong size', picture(1280, 720, 5000), /1280x720 pixels, expected 1920x1080/],
    ['no PNG at all', new Uint8Array([1, 2, 3]), /it does not open as a PNG/],
  ])('refuses %s, naming the file', (_, bytes, message) => {
    expect(() => verifyPng('01-a.png', bytes)).toThrow(message);
  });

  it('names the pictures missing from the folder', () => {
    expect(() => checkPngSet(['01-a.png', '02-b.png'], ['01-a.png', 'slides.pdf'])).toThrow(
      /2 PNGs expected, 1 missing: 02-b\.png/,
    );
    expect(() => checkPngSet(['01-a.png'], ['01-a.png'])).not.toThrow();
  });
});
