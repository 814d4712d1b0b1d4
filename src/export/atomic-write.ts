import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files being written, so an interrupted export can remove them (see `removeTempFiles`). */
const pending = new Set<string>();

/**
 * Writes `bytes` to a temp file beside `path`, runs `check` on it, then renames it into place:
 * a reader never sees a half-written or unchecked file, and a failed check leaves none.
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  check: () => Promise<void>,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, bytes);
    await check();
    await rename(temp, path);
  } finally {
    pending.delete(temp);
    await rm(temp, { force: true });
  }
}

/** Removes every temp file still being written (on SIGINT/SIGTERM). Synchronous-safe to call twice. */
export async function removeTempFiles(): Promise<void> {
  await Promise.all([...pending].map((temp) => rm(temp, { force: true })));
  pending.clear();
}
