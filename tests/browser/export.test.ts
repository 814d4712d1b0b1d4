import { execFile, spawn } from 'node:child_process';
import { appendFile, copyFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { diagramCacheFile } from '../../src/export/driver/diagram-cache.ts';
import { isExecutable } from '../../src/export/executable.ts';
import { describeBrowser, findBrowser } from '../../src/export/find-browser.ts';
import { inspectPdf, type PdfReport } from '../../src/export/inspect-pdf.ts';
import { launchBrowser } from '../../src/export/launch.ts';
import { unpackPackagedChromium } from '../../src/export/packaged-chromium.ts';
import { createExportProject, removeExportProjects } from './support/export-project.ts';
import {
  inkRatio,
  linksOnLastPage,
  readDrawing,
  readPlacedText,
  renderPage,
  textInBox,
  type MmBox,
} from './support/pdf-reading.ts';
import { useSharedBrowser } from './support/shared-browser.ts';
import { comparable, loadTalk, minutesAndSeconds, type TalkSlide } from './support/talk.ts';

const run = promisify(execFile);
const TSX = resolve('node_modules', '.bin', 'tsx');
const EXPORT_SCRIPT = resolve('scripts', 'export.ts');
const FILES = ['slides.pdf', 'steps.pdf', 'handout.pdf', 'handout-3up.pdf', 'notes.pdf'] as const;

const browser = useSharedBrowser();
afterAll(removeExportProjects);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run export -- args` in a project root (see `createExportProject`). */
async function exportCli(
  args: string[],
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(TSX, [EXPORT_SCRIPT, ...args], { cwd, env, timeout: 240_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Reads every PDF named; a file that is missing or does not open fails the test, never skips. */
async function readPdfs(dir: string, files: readonly string[]) {
  const bytes = new Map<string, Uint8Array>();
  const reports = new Map<string, PdfReport>();
  for (const file of files) {
    const data = new Uint8Array(await readFile(join(dir, file)));
    bytes.set(file, data);
    reports.set(file, await inspectPdf(data));
  }
  return { bytes, reports };
}

/**
 * The three-up sheet as the handout promises it, in millimetres, written out here (not taken
 * from the layout code): 14 mm margins, an 8 mm header, three equal rows; each slide, 16:9, takes
 * 48% of the text width on the left, its notes the rest, 6 mm to the right of it.
 */
const THREE_UP = {
  a4: {
    pagePt: { width: 595.28, height: 841.89 },
    frame: { left: 14, width: 87.36, height: 49.14 },
    rowTops: [22, 109, 196],
    rowHeight: 87,
    notes: { left: 107.36, width: 88.64 },
  },
  letter: {
    pagePt: { width: 612, height: 792 },
    frame: { left: 14, width: 90.19, height: 50.73 },
    rowTops: [22, 103.13, 184.27],
    rowHeight: 81.13,
    notes: { left: 110.19, width: 91.71 },
  },
} as const;
type Paper = keyof typeof THREE_UP;

function frameBox(paper: Paper, row: number): MmBox {
  const { frame, rowTops } = THREE_UP[paper];
  return { left: frame.left, top: rowTops[row]!, width: frame.width, height: frame.height };
}

function notesBox(paper: Paper, row: number): MmBox {
  const { notes, rowTops, rowHeight } = THREE_UP[paper];
  return { left: notes.left, top: rowTops[row]!, width: notes.width, height: rowHeight };
}

/** The heading a slide's notes carry in the handouts: "N. Title m:ss". */
function heading(slide: TalkSlide, index: number): string {
  return `${index + 1}. ${slide.title} ${minutesAndSeconds(slide.timing)}`;
}

/** Every text of a slide's notes as the handouts print them: whole notes, each step note with its number. */
function notesTexts(slide: TalkSlide): string[] {
  return [
    ...slide.notes,
    ...slide.steps.flatMap((notes, step) => (notes ? [`Step ${step + 2} ${notes}`] : [])),
  ];
}

function expectOnPage(pageText: string | undefined, texts: readonly string[], label: string): void {
  const page = comparable(pageText ?? '');
  for (const text of texts) expect(page, `${label}: "${text.slice(0, 60)}…"`).toContain(comparable(text));
}

/** Checks page 1 of a 3-up PDF: each frame drawn, holding the slide whose notes stand beside it. */
async function expectThreeUpSheet(bytes: Uint8Array, paper: Paper, slides: readonly TalkSlide[]) {
  const dpi = 36;
  const image = await renderPage(browser(), bytes, 1, dpi);
  const { items } = await readPlacedText(bytes, 1);
  for (let row = 0; row < 3; row += 1) {
    const slide = slides[row]!;
    expect(inkRatio(image, frameBox(paper, row), dpi), `ink in frame ${row + 1}`).toBeGreaterThan(0.02);
    expect(comparable(textInBox(items, frameBox(paper, row))), `frame ${row + 1}`).toContain(
      comparable(slide.title),
    );
    expect(comparable(textInBox(items, notesBox(paper, row))), `notes beside frame ${row + 1}`).toContain(
      comparable(`${row + 1}. ${slide.title}`),
    );
  }
  // Between the frames and right of them the page is paper: the slides are in their frames.
  const gap = { left: THREE_UP[paper].frame.left, top: 0, width: THREE_UP[paper].frame.width, height: 0 };
  for (let row = 0; row < 2; row += 1) {
    const top = THREE_UP[paper].rowTops[row]! + THREE_UP[paper].frame.height + 2;
    const box = { ...gap, top, height: THREE_UP[paper].rowTops[row + 1]! - top - 2 };
    expect(inkRatio(image, box, dpi), `below frame ${row + 1}`).toBeLessThan(0.005);
  }
  // The raster is the paper's width (to a pixel: Chromium sizes pages in whole CSS pixels).
  expect(Math.abs(image.width - (THREE_UP[paper].pagePt.width / 72) * dpi)).toBeLessThan(1);
}

/** The first export of the run, shared: its files are also the "previous good PDFs" of later tests. */
let shared: Promise<{ project: string; outDir: string; result: CliResult }> | null = null;
function sharedExport() {
  shared ??= (async () => {
    const project = await createExportProject({ distFrom: inject('distDir') });
    const result = await exportCli(['--out', 'out'], project);
    return { project, outDir: join(project, 'out'), result };
  })();
  return shared;
}

describe('npm run export (all five PDFs)', () => {
  let talk: Awaited<ReturnType<typeof loadTalk>>;
  let slides: TalkSlide[];
  let project: string;
  let outDir: string;
  let result: CliResult;
  let bytes: Map<string, Uint8Array>;
  let reports: Map<string, PdfReport>;

  beforeAll(async () => {
    talk = await loadTalk();
    slides = talk.slides;
    ({ project, outDir, result } = await sharedExport());
    expect(result.code, result.stderr).toBe(0);
    ({ bytes, reports } = await readPdfs(outDir, FILES));
  }, 300_000);

  it('exits 0, reports each format, prints a summary table, and reuses the built deck', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/file\s+pages\s+size\s+seconds/);
    for (const file of FILES)
      expect(result.stderr).toMatch(new RegExp(`wrote ${file.replace('.', '\\.')}: \\d+ pages, checked`));
    expect(result.stderr).not.toMatch(/built dist/);
  });

  it('writes the pages the deck has: one per slide, one per step, one per three slides', () => {
    const steps = slides.reduce((sum, slide) => sum + 1 + slide.steps.length, 0);
    expect(reports.get('slides.pdf')!.pages).toBe(slides.length);
    expect(reports.get('steps.pdf')!.pages).toBe(steps);
    expect(reports.get('handout.pdf')!.pages).toBe(slides.length);
    expect(reports.get('handout-3up.pdf')!.pages).toBe(Math.ceil(slides.length / 3));
    // The talk as written today: 24 slides, 36 steps after the first, and 97 demo commands (one step each).
    expect([slides.length, steps - slides.length]).toEqual([24, 36 + 97]);
  });

  it('carries title, author and subject metadata and one bookmark per slide, opening its page', () => {
    let stepPage = 0;
    const stepPages = slides.map((slide) => {
      const page = stepPage;
      stepPage += 1 + slide.steps.length;
      return page;
    });
    const pagesOf: Record<string, number[]> = {
      'slides.pdf': slides.map((_, index) => index),
      'steps.pdf': stepPages,
      'handout.pdf': slides.map((_, index) => index),
      'handout-3up.pdf': slides.map((_, index) => Math.floor(index / 3)),
    };
    for (const [file, report] of reports) {
      expect(report.info.title, file).toBe(talk.title);
      expect(report.info.author.length, file).toBeGreaterThan(3);
      expect(report.info.subject.length, file).toBeGreaterThan(10);
      expect(report.bookmarks, file).toEqual(slides.map((slide, index) => `${index + 1}. ${slide.title}`));
      if (pagesOf[file]) expect(report.bookmarkPages, file).toEqual(pagesOf[file]);
    }
  });

  it('has selectable text: every slide title on its own page of slides.pdf, on each of its steps in steps.pdf', () => {
    const slidePages = reports.get('slides.pdf')!.pageText;
    const stepPages = reports.get('steps.pdf')!.pageText;
    let page = 0;
    slides.forEach((slide, index) => {
      expectOnPage(slidePages[index], [slide.title], `slides.pdf page ${index + 1}`);
      for (let step = 0; step <= slide.steps.length; step += 1, page += 1)
        expectOnPage(stepPages[page], [slide.title], `steps.pdf page ${page + 1}`);
    });
  });

  it('prints each slide’s whole notes and every step note on its page of handout.pdf, and no other slide’s', () => {
    const pages = reports.get('handout.pdf')!.pageText;
    let stepNotes = 0;
    slides.forEach((slide, index) => {
      expectOnPage(
        pages[index],
        [heading(slide, index), ...notesTexts(slide)],
        `handout.pdf page ${index + 1}`,
      );
      stepNotes += slide.steps.filter(Boolean).length;
      slides.forEach((other, otherIndex) => {
        if (otherIndex !== index)
          expect(
            comparable(pages[index]!),
            `page ${index + 1} has notes of slide ${otherIndex + 1}`,
          ).not.toContain(comparable(other.notes[0]!));
      });
    });
    expect(stepNotes).toBe(36);
  });

  it('prints each slide’s whole notes and step notes on its sheet of handout-3up.pdf', () => {
    const pages = reports.get('handout-3up.pdf')!.pageText;
    slides.forEach((slide, index) =>
      expectOnPage(
        pages[Math.floor(index / 3)],
        [heading(slide, index), ...notesTexts(slide)],
        `handout-3up.pdf page ${Math.floor(index / 3) + 1}`,
      ),
    );
  });

  it('shows in each frame of a 3-up sheet the slide whose notes stand beside it (A4)', async () => {
    expect(reports.get('handout-3up.pdf')!.pageSize.width).toBeCloseTo(THREE_UP.a4.pagePt.width, 0);
    expect(reports.get('handout-3up.pdf')!.pageSize.height).toBeCloseTo(THREE_UP.a4.pagePt.height, 0);
    await expectThreeUpSheet(bytes.get('handout-3up.pdf')!, 'a4', slides);
  });

  it('prints the speaker script in talk order, each slide starting at the sum of the timings before it', () => {
    const pages = reports.get('notes.pdf')!.pageText.map(comparable);
    expect(pages.length).toBeGreaterThan(1);
    let startsAt = 0;
    let lastPage = 0;
    slides.forEach((slide, index) => {
      const line = comparable(`${heading(slide, index)} starts at ${minutesAndSeconds(startsAt)}`);
      const page = pages.findIndex((text) => text.includes(line));
      expect(page, `slide ${index + 1}: "${line}"`).toBeGreaterThanOrEqual(lastPage);
      expectOnPage(
        reports.get('notes.pdf')!.pageText[page],
        notesTexts(slide),
        `notes.pdf, slide ${index + 1}`,
      );
      lastPage = page;
      startsAt += slide.timing;
    });
    // After the last slide, the script closes with the dated facts (slides/facts.ts), on the last page.
    const closing = pages.findIndex((text) => text.includes(comparable('Facts checked on 2026-12-05')));
    expect(closing).toBe(pages.length - 1);
    expect(closing).toBeGreaterThanOrEqual(lastPage);
    expect(pages[closing]).toContain(
      comparable('Content trust in Docker, https://docs.docker.com/engine/security/trust/'),
    );
  });

  it('keeps the further-reading links clickable and prints their addresses in the handouts', async () => {
    const { sources } = await import('../../slides/facts.ts');
    const listed = Object.values(sources).filter((source) => source.group !== 'facts');
    for (const file of ['slides.pdf', 'handout.pdf', 'handout-3up.pdf']) {
      const links = await linksOnLastPage(bytes.get(file)!);
      // slides.pdf: the slide's link. The handouts: the same link on the slide's frame, and the
      // printed address beside it.
      const times = file === 'slides.pdf' ? 1 : 2;
      for (const source of listed) {
        expect(links.filter((url) => url === source.url).length, `${file}: ${source.url}`).toBe(times);
      }
    }
    const handoutLast = reports.get('handout.pdf')!.pageText.map(comparable).at(-1)!;
    for (const source of listed) expect(handoutLast).toContain(comparable(`${source.title}: ${source.url}`));
  });

  it('lists each slide’s demo commands in notes.pdf and both handouts, the rehearsal status in notes.pdf only', async () => {
    const { loadDemoScripts } = await import('../../src/rehearse/demo-files.ts');
    const script = comparable(reports.get('notes.pdf')!.pageText.join(' '));
    const blocks = loadDemoScripts().flatMap(({ script: demo }) => demo.blocks);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      for (const command of block.commands) expect(script, block.id).toContain(comparable(command.text));
    }
    // The status line exists only with the demos: the audience's handouts carry none of it.
    expect(script).toMatch(/demo(not)?rehearsed/);
    for (const file of ['handout.pdf', 'handout-3up.pdf']) {
      const handout = comparable(reports.get(file)!.pageText.join(' '));
      expect(handout, file).not.toMatch(/rehearsed✔|notrehearsed\(|failed:/);
      // What the audience gets of each demo: its commands (no recording in this worktree: "not rehearsed yet").
      expect(handout, file).toContain(comparable('Demo · not rehearsed yet'));
    }
    const handout = comparable(reports.get('handout.pdf')!.pageText.join(' '));
    for (const block of blocks) {
      for (const command of block.commands)
        expect(handout, block.id).toContain(comparable(`$ ${command.text}`));
    }
  });

  it('embeds every font and draws slides as vectors (no raster images)', async () => {
    for (const file of FILES) {
      const drawing = await readDrawing(bytes.get(file)!);
      expect(drawing.fonts.length, file).toBeGreaterThan(0);
      expect(
        drawing.fonts.filter((font) => !font.embedded),
        file,
      ).toEqual([]);
      expect(drawing.images, file).toBe(0);
    }
  });

  it('keeps the SVGs of exactly the talk’s diagrams for the next export', async () => {
    const { slides: modules } = await import('../../slides/index.ts');
    const diagrams = modules
      .flatMap((slide) =>
        slide.blocks.flatMap((block) =>
          block.kind === 'columns' ? [...block.left, ...block.right] : [block],
        ),
      )
      .filter((block) => block.kind === 'diagram');
    const cache = JSON.parse(
      await readFile(diagramCacheFile(project, join(project, 'dist')), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(cache)).toHaveLength(diagrams.length);
    for (const svg of Object.values(cache)) expect(svg).toMatch(/^<svg[\s\S]*role="img"/);
  });

  it('leaves no temp file behind', async () => {
    expect((await readdir(outDir)).sort()).toEqual([...FILES].sort());
  });
});

describe('npm run export with options', () => {
  it('--paper letter --format handout-3up,notes: only those files, on Letter, the deck not rebuilt', async () => {
    const { slides } = await loadTalk();
    const project = await createExportProject({ distFrom: inject('distDir') });
    const result = await exportCli(
      ['--paper', 'letter', '--format', 'handout-3up,notes', '--out', 'out'],
      project,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/built dist/);
    const outDir = join(project, 'out');
    expect((await readdir(outDir)).sort()).toEqual(['handout-3up.pdf', 'notes.pdf']);
    const { bytes, reports } = await readPdfs(outDir, ['handout-3up.pdf', 'notes.pdf']);
    for (const report of reports.values()) {
      expect(report.pageSize.width).toBeCloseTo(THREE_UP.letter.pagePt.width, 0);
      expect(report.pageSize.height).toBeCloseTo(THREE_UP.letter.pagePt.height, 0);
    }
    expect(reports.get('handout-3up.pdf')!.pages).toBe(Math.ceil(slides.length / 3));
    await expectThreeUpSheet(bytes.get('handout-3up.pdf')!, 'letter', slides);
  });

  it('--rebuild builds the deck again even when dist/ is up to date', async () => {
    const { slides } = await loadTalk();
    const project = await createExportProject({ distFrom: inject('distDir') });
    const index = join(project, 'dist', 'index.html');
    await appendFile(index, '<!-- left by the test: a rebuild replaces this file -->');
    const result = await exportCli(['--rebuild', '--format', 'slides', '--out', 'out'], project);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/build\s+built dist\//);
    expect(await readFile(index, 'utf8')).not.toContain('left by the test');
    expect(await readdir(join(project, 'out'))).toEqual(['slides.pdf']);
    const { reports } = await readPdfs(join(project, 'out'), ['slides.pdf']);
    expect(reports.get('slides.pdf')!.pages).toBe(slides.length);
  });
});

/** The packaged Chromium's version as the project pins it, read from package.json (not by the code under test). */
async function pinnedPackagedChromium(): Promise<string> {
  const manifest = JSON.parse(await readFile('package.json', 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return manifest.devDependencies['@sparticuz/chromium']!;
}

// Slow (about 2 s, 200 MB): the one real unpacking of a run, into a cache of its own, so it
// happens every run whatever the project's cache already holds. Every other test stubs it.
describe('the packaged Chromium, unpacked for real into an empty cache', () => {
  let pinned: string;
  let cache: string;
  let unpacked: string | undefined;

  beforeAll(async () => {
    pinned = await pinnedPackagedChromium();
    cache = await mkdtemp(join(tmpdir(), 'docker-talk-chromium-cache-'));
    unpacked = await unpackPackagedChromium(cache);
  }, 120_000);
  afterAll(async () => {
    if (cache) await rm(cache, { recursive: true, force: true });
  });

  it('lands complete in its version’s folder, with nothing partial left beside it', async () => {
    expect(unpacked).toBe(join(cache, pinned, 'chromium'));
    expect(isExecutable(unpacked!)).toBe(true);
    expect(await readdir(cache)).toEqual([pinned]);
    // The browser and what the package ships beside it (its fonts, the software GL it renders with).
    expect(await readdir(join(cache, pinned))).toEqual(
      expect.arrayContaining(['chromium', 'fonts', 'libGLESv2.so', 'libEGL.so']),
    );
  });

  it('starts as the Chromium the package names and prints a PDF', async () => {
    const packaged = await launchBrowser({ executablePath: unpacked! });
    try {
      expect(await packaged.version()).toMatch(new RegExp(`^HeadlessChrome/${pinned.split('.')[0]}\\.`));
      const page = await packaged.newPage();
      await page.setContent('<h1>docker-talk packaged Chromium</h1>');
      const pdf = await page.pdf({ format: 'A4' });
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect((await inspectPdf(pdf)).pageText[0]).toContain('docker-talk packaged Chromium');
    } finally {
      await packaged.close();
    }
  });

  it('is found there the next time with TALK_BROWSER=packaged, as is, not unpacked again', async () => {
    // Unpacking again would add and remove a partial folder in the cache: its time would change.
    const times = async () =>
      (await Promise.all([stat(cache, { bigint: true }), stat(unpacked!, { bigint: true })])).map(
        (status) => [status.ino, status.mtimeNs],
      );
    const before = await times();
    const found = await findBrowser({ PATH: '', TALK_BROWSER: 'packaged' }, [], () =>
      unpackPackagedChromium(cache),
    );
    expect(found).toEqual({
      executablePath: join(cache, pinned, 'chromium'),
      source: `packaged @sparticuz/chromium ${pinned}`,
    });
    expect(await times(), 'the cache folder and the browser, before and after').toEqual(before);
    expect(await readdir(cache)).toEqual([pinned]);
    // The line names it from the project when the cache is inside it, in full when not.
    expect(describeBrowser(found, cache)).toBe(`${pinned}/chromium (packaged @sparticuz/chromium ${pinned})`);
    expect(describeBrowser(found, resolve('.'))).toBe(
      `${join(cache, pinned, 'chromium')} (packaged @sparticuz/chromium ${pinned})`,
    );
  });

  it('prints the export with TALK_BROWSER=packaged, and the export’s browser line says so', async () => {
    const { slides } = await loadTalk();
    const project = await createExportProject({ distFrom: inject('distDir') });
    const env: NodeJS.ProcessEnv = { ...process.env, TALK_BROWSER: 'packaged' };
    delete env.CHROME_PATH;
    delete env.PUPPETEER_EXECUTABLE_PATH;
    const result = await exportCli(['--format', 'slides', '--out', 'out'], project, env);
    expect(result.code, result.stderr).toBe(0);
    // The project's own cache (this run's is a test's); outside the export's project, so in full.
    const executable = resolve('node_modules', '.cache', 'docker-talk', 'chromium', pinned, 'chromium');
    expect(result.stderr.split('\n'), result.stderr).toContain(
      `browser      printing with ${executable} (packaged @sparticuz/chromium ${pinned})`,
    );
    const { reports } = await readPdfs(join(project, 'out'), ['slides.pdf']);
    expect(reports.get('slides.pdf')!.pages).toBe(slides.length);
  });
});

describe('export failures', () => {
  it('gives usage and exit code 2 for a bad flag, before any work', async () => {
    const result = await exportCli(['--colour', 'blue']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/docker-talk export: Unknown option '--colour'/);
    expect(result.stderr).toMatch(/usage: npm run export/);
  });

  it('names CHROME_PATH and how to install Chromium when no browser is found', async () => {
    const result = await exportCli(['--out', join(tmpdir(), 'docker-talk-no-browser')], process.cwd(), {
      ...process.env,
      CHROME_PATH: '/nonexistent/chrome',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no Chrome or Chromium found.*apt-get install -y chromium.*CHROME_PATH/s);
  });

  it('refuses an output folder it cannot write, naming --out', async () => {
    const result = await exportCli(['--out', '/proc/docker-talk']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot write to \/proc\/docker-talk .*choose another folder with --out/);
  });

  it('stops on broken Mermaid, naming the slide module and the fix, and writes nothing', async () => {
    const project = await createExportProject({ slidesDir: 'tests/fixtures/decks/broken-mermaid' });
    const result = await exportCli(['--out', 'out'], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'slides/01-broken-diagram.ts (slide "broken-diagram"): Mermaid cannot read the diagram "broken"',
    );
    expect(result.stderr).toMatch(/Fix: correct the Mermaid source/);
    expect(result.stderr).not.toMatch(/wrote/);
    expect(await readdir(join(project, 'out'))).toEqual([]);
  });

  it('refuses a PDF that fails its check: no file at its path, the previous good PDF byte for byte', async () => {
    const { slides } = await loadTalk();
    const previous = await sharedExport();
    const project = await createExportProject({ distFrom: inject('distDir') });
    // A deck whose print view gains a page at the end, with text on it: only the page count
    // against the deck can tell.
    const css = (await readdir(join(project, 'dist', 'assets'))).filter((name) => name.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const name of css)
      await appendFile(
        join(project, 'dist', 'assets', name),
        '\nbody::after { content: "A page the deck does not have"; display: block; break-before: page; }\n',
      );
    const outDir = join(project, 'out');
    await copyFile(join(previous.outDir, 'slides.pdf'), join(outDir, 'slides.pdf'));
    const good = await readFile(join(outDir, 'slides.pdf'));

    const result = await exportCli(['--format', 'slides,steps', '--out', 'out'], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `slides.pdf failed its check: ${slides.length + 1} pages, expected ${slides.length}`,
    );
    expect(await readdir(outDir)).toEqual(['slides.pdf']);
    expect((await readFile(join(outDir, 'slides.pdf'))).equals(good)).toBe(true);
  });

  it('leaves only complete PDFs when interrupted: each the previous good one or a new checked one', async () => {
    const { slides } = await loadTalk();
    const previous = await sharedExport();
    const project = await createExportProject({ distFrom: inject('distDir') });
    const outDir = join(project, 'out');
    const before = new Map<string, Buffer>();
    for (const file of FILES) {
      await copyFile(join(previous.outDir, file), join(outDir, file));
      before.set(file, await readFile(join(outDir, file)));
    }
    const child = spawn(TSX, [EXPORT_SCRIPT, '--out', 'out'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await new Promise<void>((done) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Interrupt while the next PDFs are being made.
        if (/wrote slides\.pdf/.test(stderr)) done();
      });
      void exited.then(() => done());
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect((await readdir(outDir)).sort()).toEqual([...FILES].sort());
    const steps = slides.reduce((sum, slide) => sum + 1 + slide.steps.length, 0);
    const pagesOf: Record<string, number> = {
      'slides.pdf': slides.length,
      'steps.pdf': steps,
      'handout.pdf': slides.length,
      'handout-3up.pdf': Math.ceil(slides.length / 3),
    };
    for (const file of FILES) {
      const now = await readFile(join(outDir, file));
      if (now.equals(before.get(file)!)) continue;
      const report = await inspectPdf(new Uint8Array(now));
      expect(report.bookmarks, file).toHaveLength(slides.length);
      if (pagesOf[file]) expect(report.pages, file).toBe(pagesOf[file]);
    }
  });
});
