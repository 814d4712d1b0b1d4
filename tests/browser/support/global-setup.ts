import { resolve } from 'node:path';
import { build, createServer, type ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { createDeckViteConfig } from '../../../src/build/deck-vite-config.ts';
import { browserTestsLine, findBrowser } from '../../../src/export/find-browser.ts';
import { serveStatic, type StaticServer } from '../../../src/export/serve.ts';

/** Where the browser tests' build goes (not dist/, so a test run never clobbers a real build). */
export const TEST_DIST = resolve('tests/.output/dist');

/** The deck that sets a public address: what the QR code tests read back (the talk sets none yet). */
export const ADDRESS_FIXTURE = 'tests/fixtures/decks/with-address';
const ADDRESS_DIST = resolve('tests/.output/dist-with-address');

declare module 'vitest' {
  export interface ProvidedContext {
    builtUrl: string;
    /** The built deck served from a sub-path, as from a static host's folder. */
    builtSubPathUrl: string;
    devUrl: string;
    distDir: string;
    /** Every `docker-talk:` line the talk's build wrote to the terminal (its notices), in order. */
    talkBuildNotices: string[];
    /** The address fixture, built and served: the QR code tests' deck. */
    addressBuiltUrl: string;
    addressDistDir: string;
  }
}

/**
 * Runs `work`, keeping every line it writes to stderr that starts with `docker-talk:` (still
 * written through): the build prints its notices there, once per build.
 */
async function recordingNotices(work: () => Promise<unknown>): Promise<string[]> {
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    written.push(String(chunk));
    return write(chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    await work();
  } finally {
    process.stderr.write = write;
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('docker-talk:'));
}

/**
 * Builds the talk and the address fixture once per run and serves them: the talk built, from a
 * sub-path and through the dev server; the fixture built.
 */
export default async function setup(project: TestProject) {
  // Found (and the packaged one unpacked) once here, not by each test file's worker at once.
  const browser = await findBrowser();
  process.stderr.write(`${browserTestsLine(browser)}\n`);
  const talkBuildNotices = await recordingNotices(() =>
    build({
      configFile: resolve('vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: TEST_DIST, emptyOutDir: true },
    }),
  );
  await build({
    ...createDeckViteConfig({ slidesDir: ADDRESS_FIXTURE }),
    configFile: false,
    root: resolve('.'),
    logLevel: 'warn',
    build: { outDir: ADDRESS_DIST, emptyOutDir: true },
  });
  const built: StaticServer = await serveStatic(TEST_DIST);
  const subPath: StaticServer = await serveStatic(TEST_DIST, { basePath: '/talks/docker/' });
  const addressBuilt: StaticServer = await serveStatic(ADDRESS_DIST);
  const dev: ViteDevServer = await createServer({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    server: { port: 0, open: false, hmr: false },
  });
  await dev.listen();
  const devUrl = dev.resolvedUrls?.local[0];
  if (!devUrl) throw new Error('the dev server did not report its URL');

  project.provide('builtUrl', built.url);
  project.provide('builtSubPathUrl', subPath.url);
  project.provide('devUrl', devUrl);
  project.provide('distDir', TEST_DIST);
  project.provide('talkBuildNotices', talkBuildNotices);
  project.provide('addressBuiltUrl', addressBuilt.url);
  project.provide('addressDistDir', ADDRESS_DIST);

  return async () => {
    await Promise.all([built.close(), subPath.close(), addressBuilt.close(), dev.close()]);
  };
}
