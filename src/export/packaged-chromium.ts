import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isExecutable } from './executable.ts';

/** The npm package that ships a headless Chromium inside it (a dev dependency: no download). */
export const PACKAGED_CHROMIUM = '@sparticuz/chromium';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the packaged Chromium is unpacked: a folder of this project, one subfolder per package
 * version, so an upgrade unpacks afresh and nothing else on the machine writes there (the
 * package's own default is a fixed name in the shared temp folder).
 */
export const PACKAGED_CHROMIUM_CACHE = join(
  PROJECT_ROOT,
  'node_modules',
  '.cache',
  'docker-talk',
  'chromium',
);

/** The installed version of the packaged Chromium, or undefined when it is not installed. */
export function packagedChromiumVersion(): string | undefined {
  // Read from node_modules: the package's `exports` do not include its package.json.
  const manifest = join(PROJECT_ROOT, 'node_modules', PACKAGED_CHROMIUM, 'package.json');
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * The packaged Chromium's executable, unpacked on first use (about 2 s, 200 MB), or undefined
 * when the package is not installed (`npm ci --omit=dev`).
 *
 * The package unpacks into `os.tmpdir()`, which it reads as `executablePath()` starts, before
 * its first await: pointing TMPDIR at a fresh folder of ours for that synchronous start sends
 * every file there. The folder is renamed into place only when complete, so an interrupted
 * unpack is never taken for a browser, and of two processes unpacking at once (parallel test
 * workers, or two calls in one process) one rename wins and the other uses its result.
 */
export async function unpackPackagedChromium(
  cacheDir = PACKAGED_CHROMIUM_CACHE,
): Promise<string | undefined> {
  const version = packagedChromiumVersion();
  if (!version) return undefined;
  const target = join(cacheDir, version);
  const executable = join(target, 'chromium');
  if (isExecutable(executable)) return executable;

  const { default: Chromium } = await import('@sparticuz/chromium');
  mkdirSync(cacheDir, { recursive: true });
  const partial = mkdtempSync(`${target}.partial-`);
  try {
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = partial;
    let unpacking: Promise<string>;
    try {
      unpacking = Chromium.executablePath();
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    const unpacked = await unpacking;
    if (unpacked !== join(partial, 'chromium')) {
      throw new Error(`${PACKAGED_CHROMIUM} unpacked its browser to ${unpacked}, not into ${partial}`);
    }
    try {
      renameSync(partial, target);
    } catch (error) {
      // Another process finished first: its folder is complete, ours is not needed.
      if (!isExecutable(executable)) throw error;
    }
    return executable;
  } finally {
    if (existsSync(partial)) rmSync(partial, { recursive: true, force: true });
  }
}
