import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runExport } from '../export/driver/run-export.ts';
import { findBrowser } from '../export/find-browser.ts';
import { chromiumArgs } from '../export/launch.ts';
import { PDF_FORMATS, type ExportFormat } from '../export/options.ts';
import type { Progress } from '../export/progress.ts';
import { serveStatic } from '../export/serve.ts';

const run = promisify(execFile);
const quiet: Progress = { step: () => {}, slide: () => {}, done: () => {}, summary: () => {} };

/** Seconds for the exporter to write `formats` from a prebuilt deck (launch, print, compose, verify). */
export async function measureExport(
  root: string,
  distDir: string,
  formats: readonly ExportFormat[] = PDF_FORMATS,
): Promise<number> {
  const outDir = await mkdtemp(join(tmpdir(), 'docker-talk-bench-'));
  try {
    const started = performance.now();
    await runExport(
      { formats: [...formats], paper: 'a4', outDir, rebuild: false, theme: null, handoutTheme: 'light' },
      quiet,
      {
        root,
        distDir,
        build: false,
      },
    );
    return (performance.now() - started) / 1000;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * Seconds for a bare `chromium --headless --print-to-pdf` of the same print view: the floor of
 * one browser printing once. It prints at the load event, before the deck's diagrams are drawn
 * and at the browser's default paper size, so it is a lower bound on time, not a usable PDF.
 */
export async function measureRawChromiumPrint(distDir: string, query: string): Promise<number> {
  const server = await serveStatic(distDir);
  const outDir = await mkdtemp(join(tmpdir(), 'docker-talk-raw-'));
  try {
    const started = performance.now();
    await run(
      (await findBrowser()).executablePath,
      [
        '--headless',
        ...chromiumArgs(),
        '--no-pdf-header-footer',
        `--print-to-pdf=${join(outDir, 'raw.pdf')}`,
        `${server.url}?${query}`,
      ],
      { timeout: 120_000 },
    );
    return (performance.now() - started) / 1000;
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
