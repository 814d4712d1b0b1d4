import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Puts back any file that differs from the snapshot, removes new ones; returns what it mended. */
export function restoreFiles(snapshot: ReadonlyMap<string, Buffer>, dir = EXAMPLES_DIR): string[] {
  const now = snapshotFiles(dir);
  const restored: string[] = [];
  const digest = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
  for (const [path, content] of snapshot) {
    const current = now.get(path);
    if (!current || digest(current) !== digest(content)) {
      writeFileSync(path, content);
      restored.push(relative(resolve('.'), path));
    }
  }
  for (const path of now.keys()) {
    if (!snapshot.has(path)) {
      rmSync(path);
      restored.push(relative(resolve('.'), path));
    }
  }
  return restored;
}
