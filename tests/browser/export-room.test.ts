import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDeckViteConfig } from '../../src/build/deck-vite-config.ts';
import { openWatchedPage, originOf, waitForDeck } from '../../src/export/driver/deck-page.ts';
import { serveStatic } from '../../src/export/serve.ts';
import { inspectPdf } from '../../src/export/inspect-pdf.ts';
import addressDeck from '../fixtures/decks/with-address/deck.ts';
import { slides as addressSlides } from '../fixtures/decks/with-address/index.ts';
import { createExportProject, removeExportProjects } from './support/export-project.ts';
import { ADDRESS_FIXTURE } from './support/global-setup.ts';
import { renderPage } from './support/pdf-reading.ts';
import { decodeQrInGray, decodeQrInPng, linksByPage, meanGray } from './support/room.ts';
import { useSharedBrowser } from './support/shared-browser.ts';
import { loadTalk, type TalkSlide } from './support/talk.ts';

/**
 * The export for the room and the organisers: the slides dark, the handouts still light (paper),
 * one PNG per slide, and the slides' address as a QR code and a link in every file that carries it
 * (read from the address fixture: the talk sets no address until it has a page, and shows none).
 */

const run = promisify(execFile);
const TSX = resolve('node_modules', '.bin', 'tsx');
const EXPORT_SCRIPT = resolve('scripts', 'export.ts');
const CONFIGURED_URL = addressDeck.url!;

/** What the build prints for a deck with no address, written here from the README. */
const noAddressNotice = (configModule: string) =>
  `docker-talk: ${configModule} sets no public address (\`url\`): the title and last slides and the handouts show no QR code`;

/** 1920x1080, named `NN-<id>.png`: written here from the issue, not taken from the exporter. */
const PNG_WIDTH = 1920;
const PNG_HEIGHT = 1080;
const pngName = (index: number, slide: Pick<TalkSlide, 'id'>) =>
  `${String(index + 1).padStart(2, '0')}-${slide.id}.png`;

/** The slide's frame on an A4 handout sheet, in millimetres: 14 mm margins, an 8 mm header, 16:9. */
const A4_HANDOUT_FRAME = { left: 14, top: 22, width: 182, height: 102.375 };

const browser = useSharedBrowser();
afterAll(removeExportProjects);

async function exportCli(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(TSX, [EXPORT_SCRIPT, ...args], { cwd, timeout: 240_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run export -- --theme dark --format slides,handout,png', () => {
  let slides: TalkSlide[];
  let outDir: string;
  let result: Awaited<ReturnType<typeof exportCli>>;
  let slidesPdf: Uint8Array;
  let handoutPdf: Uint8Array;

  beforeAll(async () => {
    ({ slides } = await loadTalk());
    const project = await createExportProject({ distFrom: inject('distDir') });
    result = await exportCli(['--theme', 'dark', '--format', 'slides,handout,png', '--out', 'out'], project);
    outDir = join(project, 'out');
    expect(result.code, result.stderr).toBe(0);
    slidesPdf = new Uint8Array(await readFile(join(outDir, 'slides.pdf')));
    handoutPdf = new Uint8Array(await readFile(join(outDir, 'handout.pdf')));
  }, 300_000);

  it('writes one PNG per slide, named by its number and id, and says so', async () => {
    const expected = slides.map((slide, index) => pngName(index, slide));
    expect((await readdir(outDir)).sort()).toEqual([...expected, 'handout.pdf', 'slides.pdf'].sort());
    expect(result.stderr).toContain(`wrote ${slides.length} PNGs`);
  });

  it('makes every PNG 1920x1080, drawn (not blank), in the dark theme', async () => {
    for (const [index, slide] of slides.entries()) {
      const image = PNG.sync.read(await readFile(join(outDir, pngName(index, slide))));
      expect({ width: image.width, height: image.height }, slide.id).toEqual({
        width: PNG_WIDTH,
        height: PNG_HEIGHT,
      });
      const colours = new Set<number>();
      for (let offset = 0; offset < image.data.length; offset += 4 * 97)
        colours.add(image.data.readUInt32BE(offset));
      expect(colours.size, `${slide.id}: colours`).toBeGreaterThan(2);
      // The top-left corner is the slide's background: dark.
      expect(image.data[0]! + image.data[1]! + image.data[2]!, `${slide.id}: background`).toBeLessThan(
        3 * 40,
      );
    }
  });

  it('draws no QR code on the title and last pictures, the talk setting no address', async () => {
    for (const index of [0, slides.length - 1]) {
      const png = await readFile(join(outDir, pngName(index, slides[index]!)));
      expect(decodeQrInPng(png), slides[index]!.id).toBeNull();
    }
  });

  it('prints slides.pdf dark and the slides on the handout light', async () => {
    const dpi = 36;
    const slidePage = await renderPage(browser(), slidesPdf, 2, dpi);
    const whole = {
      left: 0,
      top: 0,
      width: (slidePage.width / dpi) * 25.4,
      height: (slidePage.height / dpi) * 25.4,
    };
    expect(meanGray(slidePage, whole, dpi)).toBeLessThan(70);
    const sheet = await renderPage(browser(), handoutPdf, 2, dpi);
    expect(meanGray(sheet, A4_HANDOUT_FRAME, dpi)).toBeGreaterThan(190);
  });

  it('draws no QR code on the title page of slides.pdf or on a handout page', async () => {
    expect(decodeQrInGray(await renderPage(browser(), slidesPdf, 1, 150)), 'slides.pdf page 1').toBeNull();
    const middle = Math.ceil(slides.length / 2);
    expect(
      decodeQrInGray(await renderPage(browser(), handoutPdf, middle, 200)),
      `handout page ${middle}`,
    ).toBeNull();
  });
});

describe('npm run export -- --format slides,handout,png of a deck that sets an address', () => {
  let outDir: string;
  let slidesPdf: Uint8Array;
  let handoutPdf: Uint8Array;

  beforeAll(async () => {
    const project = await createExportProject({
      slidesDir: ADDRESS_FIXTURE,
      distFrom: inject('addressDistDir'),
    });
    const result = await exportCli(['--format', 'slides,handout,png', '--out', 'out'], project);
    outDir = join(project, 'out');
    expect(result.code, result.stderr).toBe(0);
    slidesPdf = new Uint8Array(await readFile(join(outDir, 'slides.pdf')));
    handoutPdf = new Uint8Array(await readFile(join(outDir, 'handout.pdf')));
  }, 300_000);

  it('draws the QR code on the title and last pictures, decoding back to the address', async () => {
    for (const index of [0, addressSlides.length - 1]) {
      const slide = addressSlides[index]!;
      const png = await readFile(join(outDir, pngName(index, slide)));
      expect(decodeQrInPng(png), slide.id).toBe(CONFIGURED_URL);
    }
    // The middle picture has none: the code is on the title and last slides only.
    expect(decodeQrInPng(await readFile(join(outDir, pngName(1, addressSlides[1]!))))).toBeNull();
  });

  it('links the address from the title and last pages of slides.pdf and from every handout page', async () => {
    const slideLinks = await linksByPage(slidesPdf);
    expect(slideLinks).toHaveLength(addressSlides.length);
    expect(slideLinks.flatMap((links, index) => (links.includes(CONFIGURED_URL) ? [index] : []))).toEqual([
      0,
      addressSlides.length - 1,
    ]);
    const handoutLinks = await linksByPage(handoutPdf);
    expect(handoutLinks).toHaveLength(addressSlides.length);
    for (const [index, links] of handoutLinks.entries()) {
      expect(links, `handout page ${index + 1}`).toContain(CONFIGURED_URL);
    }
    const report = await inspectPdf(handoutPdf);
    const short = CONFIGURED_URL.replace(/^https:\/\//, '').replace(/\/$/, '');
    for (const [index, text] of report.pageText.entries()) {
      expect(text.replace(/\s+/g, ''), `handout page ${index + 1}`).toContain(short);
    }
  });

  it('draws a QR code that decodes back to the address on a slides.pdf page and on a handout page', async () => {
    expect(decodeQrInGray(await renderPage(browser(), slidesPdf, 1, 150)), 'slides.pdf page 1').toBe(
      CONFIGURED_URL,
    );
    // The middle sheet: its slide has no code, so the only one on it is the one in the header.
    expect(decodeQrInGray(await renderPage(browser(), handoutPdf, 2, 200)), 'handout page 2').toBe(
      CONFIGURED_URL,
    );
  });
});

describe('a deck with no public address', () => {
  it('is the talk itself until it has a page: its build (the run’s one) says so once', () => {
    expect(inject('talkBuildNotices')).toEqual([noAddressNotice('slides/deck.ts')]);
  });

  it('builds saying so once, then draws no code and opens in its configured dark theme', async () => {
    const slidesDir = 'tests/fixtures/decks/no-address';
    const outDir = resolve('tests/.output/fixture-no-address');
    const said: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      said.push(String(chunk));
      return true;
    });
    try {
      await build({
        ...createDeckViteConfig({ slidesDir }),
        configFile: false,
        root: resolve('.'),
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      write.mockRestore();
    }
    const notice = noAddressNotice(`${slidesDir}/index.ts`);
    expect(said.join('').split(notice).length - 1).toBe(1);

    const server = await serveStatic(outDir);
    const { page, problems } = await openWatchedPage(browser(), originOf(server.url));
    try {
      await page.goto(server.url);
      await waitForDeck(page);
      expect(
        await page.$$eval('.slide-address, .slides svg:not(.diagram-svg)', (found) => found.length),
      ).toBe(0);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
