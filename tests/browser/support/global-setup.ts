import { resolve } from 'node:path';
import { build, createServer, type ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { browserTestsLine, findBrowser } from '../../../src/export/find-browser.ts';
import { serveStatic, type StaticServer } from '../../../src/export/serve.ts';

/** Where the browser tests' build goes (not dist/, so a test run never clobbers a real build). */
export const TEST_DIST = resolve('tests/.output/dist');

declare module 'vitest' {
  export interface ProvidedContext {
    builtUrl: string;
    /** The built deck served from a sub-path, as from a static host's folder. */
    builtSubPathUrl: string;
    devUrl: string;
    distDir: string;
  }
}

/** Builds the deck once per run and serves it, built and through the dev server. */
export default async function setup(project: TestProject) {
  // Found (and the packaged one unpacked) once here, not by each test file's worker at once.
  const browser = await findBrowser();
  process.stderr.write(`${browserTestsLine(browser)}\n`);
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: TEST_DIST, emptyOutDir: true },
  });
  const built: StaticServer = await serveStatic(TEST_DIST);
  const subPath: StaticServer = await serveStatic(TEST_DIST, { basePath: '/talks/docker/' });
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

  return async () => {
    await Promise.all([built.close(), subPath.close(), dev.close()]);
  };
}
