import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseDemoScript, type DemoScript } from './demo-script.ts';

/** The build context of every demo, and the files shown on slides. */
export const EXAMPLES_DIR = resolve('assets/examples');
export const DEMO_DIR = join(EXAMPLES_DIR, 'demo');
/** The presenter's after-talk cleanup: the rehearsal checks that it leaves nothing behind. */
export const CLEANUP_SCRIPT = '99-cleanup.sh';

/** The demo scripts with blocks, in the order of the talk (their file names). */
export function loadDemoScripts(dir = DEMO_DIR): { script: DemoScript; source: string; path: string }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sh'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const source = readFileSync(path, 'utf8');
      return { script: parseDemoScript(file, source), source, path };
    })
    .filter(({ script }) => script.blocks.length > 0);
}

/** Every file under the examples, by path: to prove a rehearsal left none of them edited. */
export function snapshotFiles(dir = EXAMPLES_DIR): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(path, readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/**
 * A private copy of the examples for the demos to run in: the demos edit files (the build cache
 * demo appends to server.js), and an edit the presenter saves during a rehearsal must never be
 * overwritten by the demo's own restore, nor end up in a demo's build.
 */
export function copyExamples(dir = EXAMPLES_DIR): string {
  const copy = mkdtempSync(join(tmpdir(), 'docker-talk-examples-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** The files under `dir` that differ from the snapshot, or are new or gone, relative to `dir`. */
export function changedFiles(snapshot: ReadonlyMap<string, Buffer>, dir: string): string[] {
  const now = snapshotFiles(dir);
  const changed = [...snapshot]
    .filter(([path, content]) => !now.get(path)?.equals(content))
    .map(([path]) => path);
  const added = [...now.keys()].filter((path) => !snapshot.has(path));
  return [...changed, ...added].map((path) => relative(dir, path)).sort();
}
