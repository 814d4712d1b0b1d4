import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AtomicWriteModule from '../../../src/export/atomic-write.ts';

type AtomicWrite = typeof AtomicWriteModule;

/** A fresh copy of the module: an interrupt stops every later write of the copy it hits. */
async function freshModule(): Promise<AtomicWrite> {
  vi.resetModules();
  return import('../../../src/export/atomic-write.ts');
}

const OLD = new TextEncoder().encode('%PDF-1.7 the previous, good file');
const NEW = new TextEncoder().encode('%PDF-1.7 the new file, being checked');

describe('writing a PDF into place', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docker-talk-atomic-'));
    path = join(dir, 'slides.pdf');
  });

  it('writes beside the final path and renames: the old file stays whole until the check passes', async () => {
    const { writeFileAtomic } = await freshModule();
    await writeFile(path, OLD);
    const before = await stat(path);
    let seen: { final: string; others: string[] } | null = null;
    await writeFileAtomic(path, NEW, async () => {
      // During the check the final path still holds the old file; the new one is a temp file.
      const others = (await readdir(dir)).filter((name) => name !== 'slides.pdf');
      seen = { final: await readFile(path, 'utf8'), others };
      expect(await readFile(join(dir, others[0]!))).toEqual(Buffer.from(NEW));
    });
    expect(seen).toEqual({ final: Buffer.from(OLD).toString(), others: [expect.stringMatching(/\.tmp$/)] });
    expect(await readFile(path)).toEqual(Buffer.from(NEW));
    // A rename puts another file (inode) at the path; writing in place would keep the old one.
    expect((await stat(path)).ino).not.toBe(before.ino);
    expect(await readdir(dir)).toEqual(['slides.pdf']);
  });

  it('leaves no file at the final path when the check fails', async () => {
    const { writeFileAtomic } = await freshModule();
    await expect(
      writeFileAtomic(path, NEW, () => Promise.reject(new Error('2 pages, expected 3'))),
    ).rejects.toThrow('2 pages, expected 3');
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves the previous good file byte for byte when the check fails', async () => {
    const { writeFileAtomic } = await freshModule();
    await writeFile(path, OLD);
    await expect(writeFileAtomic(path, NEW, () => Promise.reject(new Error('blank page')))).rejects.toThrow(
      'blank page',
    );
    expect(await readFile(path)).toEqual(Buffer.from(OLD));
    expect(await readdir(dir)).toEqual(['slides.pdf']);
  });

  it('renames nothing into place once interrupted, and removes the temp file', async () => {
    const { writeFileAtomic, removeTempFiles } = await freshModule();
    await writeFile(path, OLD);
    let release!: () => void;
    const checking = new Promise<void>((resolve) => (release = resolve));
    let checkStarted!: () => void;
    const started = new Promise<void>((resolve) => (checkStarted = resolve));
    const write = writeFileAtomic(path, NEW, () => {
      checkStarted();
      return checking;
    });
    // Handled from the start: the write rejects while the cleanup is still being awaited.
    const refused = expect(write).rejects.toThrow(/interrupted/);
    await started;
    // SIGINT arrives while the PDF is being checked (scripts/export.ts calls this).
    const cleaned = removeTempFiles();
    release();
    await cleaned;
    await refused;
    expect(await readFile(path)).toEqual(Buffer.from(OLD));
    expect(await readdir(dir)).toEqual(['slides.pdf']);
    await expect(writeFileAtomic(join(dir, 'steps.pdf'), NEW, async () => {})).rejects.toThrow(/interrupted/);
    expect(await readdir(dir)).toEqual(['slides.pdf']);
  });
});
