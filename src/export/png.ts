import { PNG } from 'pngjs';
import { PROJECT_NAME } from '../deck/problems.ts';
import { ExportVerificationError } from './verify.ts';

/** The pictures' size: the 1280x720 slide at 1.5x, what talk pages and social posts ask for. */
export const PNG_SIZE = { width: 1920, height: 1080 } as const;

/** Share of pixels that must differ from the background for a slide not to count as blank. */
const MIN_INK = 0.001;

/** `07-build-cache.png`: the slide's number (zero-padded to the deck's count) and its id. */
export function pngFileName(index: number, total: number, id: string): string {
  const digits = Math.max(2, String(total).length);
  return `${String(index + 1).padStart(digits, '0')}-${id}.png`;
}

/**
 * Reads a written picture back: a PNG, of the expected size, and not blank (some pixels differ
 * from the top-left one, the slide's background). Throws naming the file and what is wrong.
 */
export function verifyPng(file: string, bytes: Uint8Array, expected = PNG_SIZE): void {
  let image: PNG;
  try {
    image = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new ExportVerificationError(file, [`it does not open as a PNG (${String(error)})`]);
  }
  const problems: string[] = [];
  if (image.width !== expected.width || image.height !== expected.height) {
    problems.push(`${image.width}x${image.height} pixels, expected ${expected.width}x${expected.height}`);
  }
  const data = image.data;
  const background = data.readUInt32BE(0);
  let ink = 0;
  for (let offset = 0; offset < data.length; offset += 4)
    if (data.readUInt32BE(offset) !== background) ink += 1;
  if (ink < MIN_INK * image.width * image.height) problems.push('the picture is blank');
  if (problems.length > 0) throw new ExportVerificationError(file, problems);
}

/** The files an export must have written, against what it found in the folder afterwards. */
export function checkPngSet(expected: readonly string[], found: readonly string[]): void {
  const present = new Set(found);
  const missing = expected.filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new Error(
      `${PROJECT_NAME} export: ${expected.length} PNGs expected, ${missing.length} missing: ${missing.slice(0, 4).join(', ')}`,
    );
  }
}
