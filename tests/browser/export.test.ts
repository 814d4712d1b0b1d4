import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { countSlideSteps } from '../../src/deck/resolve.ts';
import { diagramCacheFile } from '../../src/export/driver/diagram-cache.ts';
import { inspectPdf, normaliseText, type PdfReport } from '../../src/export/inspect-pdf.ts';
import { PAPER_SIZES, threeUpBoxes } from '../../src/export/layout.ts';

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function exportCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/export.ts', ...args], { env, timeout: 240_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The talk as the exporter sees it: titles and notes, from the deck's own modules. */
async function talk() {
  const { slides } = await import('../../slides/index.ts');
  return slides;
}

describe('npm run export (all five PDFs)', () => {
  let outDir: string;
  let result: CliResult;
  const reports = new Map<string, PdfReport>();

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'docker-talk-export-'));
    result = await exportCli(['--out', outDir]);
    for (const file of ['slides.pdf', 'steps.pdf', 'handout.pdf', 'handout-3up.pdf', 'notes.pdf']) {
      const bytes = await readFile(join(outDir, file)).catch(() => null);
      if (bytes) reports.set(file, await inspectPdf(new Uint8Array(bytes)));
    }
  }, 300_000);

  it('exits 0, reports each format and prints a summary table', () => {
    expect(result.stderr).toMatch(/slides\s+wrote slides\.pdf/);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/file\s+pages\s+size\s+seconds/);
    for (const file of reports.keys()) expect(result.stderr).toContain(file);
  });

  it('writes the right number of pages in each format', async () => {
    const slides = await talk();
    const steps = slides.reduce((sum, slide) => sum + 1 + countSlideSteps(slide), 0);
    expect(reports.get('slides.pdf')?.pages).toBe(slides.length);
    expect(reports.get('steps.pdf')?.pages).toBe(steps);
    expect(reports.get('handout.pdf')?.pages).toBe(slides.length);
    expect(reports.get('handout-3up.pdf')?.pages).toBe(Math.ceil(slides.length / 3));
    expect(reports.get('notes.pdf')?.pages).toBeGreaterThan(1);
  });

  it('carries title, author and subject metadata and one bookmark per slide', async () => {
    const slides = await talk();
    for (const [file, report] of reports) {
      expect(report.info.title, file).toBe('Docker: Images vs Containers');
      expect(report.info.author.length, file).toBeGreaterThan(3);
      expect(report.info.subject.length, file).toBeGreaterThan(10);
      expect(report.bookmarks, file).toEqual(slides.map((slide, index) => `${index + 1}. ${slide.title}`));
    }
  });

  it('has selectable text: every slide title in slides.pdf, on its own page', async () => {
    const slides = await talk();
    const pages = reports.get('slides.pdf')!.pageText.map(normaliseText);
    slides.forEach((slide, index) => expect(pages[index], slide.id).toContain(normaliseText(slide.title)));
  });

  it('puts the speaker notes in handout.pdf and notes.pdf', async () => {
    const slides = await talk();
    const handout = normaliseText(reports.get('handout.pdf')!.pageText.join(' '));
    const script = normaliseText(reports.get('notes.pdf')!.pageText.join(' '));
    for (const slide of slides) {
      const sentence = normaliseText(slide.notes.split(/(?<=[.!?])\s/)[0]!.slice(0, 60));
      expect(handout, slide.id).toContain(sentence);
      expect(script, slide.id).toContain(sentence);
    }
  });

  it('lists each slide’s demo commands in notes.pdf, and in neither handout', async () => {
    const { loadDemoScripts } = await import('../../src/rehearse/demo-files.ts');
    const script = normaliseText(reports.get('notes.pdf')!.pageText.join(' '));
    const blocks = loadDemoScripts().flatMap(({ script: demo }) => demo.blocks);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      for (const command of block.commands) expect(script, block.id).toContain(normaliseText(command.text));
    }
    // The status line exists only with the demos: the audience's handouts carry none of it.
    expect(script).toMatch(/demo(not)?rehearsed/);
    for (const file of ['handout.pdf', 'handout-3up.pdf']) {
      expect(normaliseText(reports.get(file)!.pageText.join(' ')), file).not.toMatch(/rehearsed/);
    }
  });

  it('embeds every font and draws slides as vectors (no raster images)', async () => {
    for (const file of reports.keys()) {
      const { stdout: fonts } = await run('pdffonts', [join(outDir, file)]);
      const rows = fonts.trim().split('\n').slice(2);
      expect(rows.length, file).toBeGreaterThan(0);
      for (const row of rows) expect(row.split(/\s+/).at(-5), `${file}: ${row}`).toBe('yes');
      const { stdout: images } = await run('pdfimages', ['-list', join(outDir, file)]);
      expect(images.trim().split('\n').slice(2), file).toEqual([]);
    }
  });

  it('shows three slides on a page of handout-3up.pdf', async () => {
    const dpi = 30;
    const { stdout } = await run(
      'pdftoppm',
      ['-f', '1', '-l', '1', '-r', String(dpi), '-gray', join(outDir, 'handout-3up.pdf')],
      {
        encoding: 'buffer',
        maxBuffer: 1 << 24,
      } as never,
    );
    const image = parsePgm(stdout as unknown as Buffer);
    const scale = dpi / 96;
    for (let row = 0; row < 3; row += 1) {
      const { slide } = threeUpBoxes('a4', row);
      const ink = inkRatio(
        image,
        slide.left * scale,
        slide.top * scale,
        slide.width * scale,
        slide.height * scale,
      );
      expect(ink, `slide ${row + 1} of page 1`).toBeGreaterThan(0.02);
    }
    expect(image.width).toBe(Math.round((PAPER_SIZES.a4.width / 96) * dpi));
  });

  it('keeps the SVGs of exactly the talk’s diagrams for the next export', async () => {
    const slides = await talk();
    const diagrams = slides
      .flatMap((slide) =>
        slide.blocks.flatMap((block) =>
          block.kind === 'columns' ? [...block.left, ...block.right] : [block],
        ),
      )
      .filter((block) => block.kind === 'diagram');
    const cache = JSON.parse(await readFile(diagramCacheFile(process.cwd(), 'dist'), 'utf8')) as Record<
      string,
      string
    >;
    expect(Object.keys(cache)).toHaveLength(diagrams.length);
    for (const svg of Object.values(cache)) expect(svg).toMatch(/^<svg[\s\S]*role="img"/);
  });

  it('leaves no temp file behind', async () => {
    expect((await readdir(outDir)).filter((name) => name.endsWith('.tmp') || name.startsWith('.'))).toEqual(
      [],
    );
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
    const result = await exportCli(['--out', join(tmpdir(), 'docker-talk-no-browser')], {
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

  it('leaves no half-written PDF when interrupted', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'docker-talk-interrupted-'));
    const child = spawn(TSX, ['scripts/export.ts', '--out', outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Interrupt while the second PDF is being made.
        if (/wrote slides\.pdf/.test(stderr)) resolve();
      });
      void exited.then(() => resolve());
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const files = await readdir(outDir);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith('.pdf'))) {
      // Whatever is there is complete: it opens and has every page.
      const report = await inspectPdf(new Uint8Array(await readFile(join(outDir, file))));
      expect(report.pages, file).toBeGreaterThan(0);
    }
  });
});

/** Parses the binary PGM (P5) that `pdftoppm -gray` writes. */
function parsePgm(buffer: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = buffer.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('pdftoppm did not write a PGM image');
  return { width: Number(match[1]), height: Number(match[2]), pixels: buffer.subarray(match[0].length) };
}

/** Share of pixels in a box darker than near-white: ink, where a slide was drawn. */
function inkRatio(
  image: { width: number; pixels: Buffer },
  left: number,
  top: number,
  width: number,
  height: number,
): number {
  let ink = 0;
  let total = 0;
  for (let y = Math.ceil(top + 2); y < Math.floor(top + height - 2); y += 1) {
    for (let x = Math.ceil(left + 2); x < Math.floor(left + width - 2); x += 1) {
      total += 1;
      if (image.pixels[y * image.width + x]! < 200) ink += 1;
    }
  }
  return ink / total;
}
