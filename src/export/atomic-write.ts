import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files being written, each with its write, so an interrupted export can remove them. */
const pending = new Map<string, Promise<void>>();
let aborted = false;

class ExportInterrupted extends Error {}

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
  if (aborted) throw new ExportInterrupted('the export was interrupted');
  const written = writeFile(temp, bytes);
  pending.set(
    temp,
    written.catch(() => undefined),
  );
  try {
    await written;
    await check();
    if (aborted) throw new ExportInterrupted('the export was interrupted');
    await rename(temp, path);
  } finally {
    pending.delete(temp);
    await rm(temp, { force: true });
  }
}

/**
 * On SIGINT/SIGTERM: no further file is renamed into place, writes under way finish, and
 * every temp file is removed. Files already renamed are complete and checked.
 */
export async function removeTempFiles(): Promise<void> {
  aborted = true;
  const temps = [...pending.keys()];
  await Promise.all(pending.values());
  await Promise.all(temps.map((temp) => rm(temp, { force: true })));
}
