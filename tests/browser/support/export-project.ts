import { copyFile, cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const created: string[] = [];

/** Removes every project this test file created (links only: the real sources stay). */
export async function removeExportProjects(): Promise<void> {
  await Promise.all(created.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

/** What a project root holds that the exporter reads: the deck's sources and their lockfile. */
const SOURCES = ['src', 'assets', 'package.json', 'package-lock.json', 'vite.config.ts'];

export interface ExportProjectOptions {
  /** Folder linked as `slides/`. Default: the talk's own `slides`. */
  slidesDir?: string;
  /** A built deck copied to `dist/` (a copy, so no test writes into another's). Default: none. */
  distFrom?: string;
}

/**
 * A project root in a temp folder for `npm run export` to run in: the real sources linked in,
 * `slides/` from the talk or a fixture, and `dist/` a copy of the deck the run already built.
 * The export then works on the same files as in the project, never on the project's own dist/,
 * and the run builds the deck once (global setup) instead of once per export.
 */
export async function createExportProject(options: ExportProjectOptions = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'docker-talk-project-'));
  created.push(root);
  await Promise.all(SOURCES.map((source) => symlink(resolve(source), join(root, source))));
  // Copied: Vite takes the real path of a linked entry page, outside this root, and refuses it.
  await copyFile(resolve('index.html'), join(root, 'index.html'));
  await symlink(resolve(options.slidesDir ?? 'slides'), join(root, 'slides'));
  if (options.distFrom) await cp(options.distFrom, join(root, 'dist'), { recursive: true });
  await mkdir(join(root, 'out'));
  return root;
}
