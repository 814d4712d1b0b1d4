import { dirname, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { loadDemoData, loadDemoRecordings, readRehearsalReport } from '../rehearse/demo-data.ts';

const DEMO_BLOCKS_ID = 'virtual:demo-blocks';
const RESOLVED_DEMO_BLOCKS_ID = `\0${DEMO_BLOCKS_ID}`;
const DEMO_RECORDINGS_ID = 'virtual:demo-recordings';
const RESOLVED_DEMO_RECORDINGS_ID = `\0${DEMO_RECORDINGS_ID}`;

export interface DemoBlocksOptions {
  /** Folder of the demo scripts. Default: `assets/examples/demo`; `null`: a deck without demos. */
  demoDir?: string | null;
  /**
   * The rehearsal report to read if present. Default: `.rehearsal/report.json`. Its recordings
   * (`recording`, relative to the report's folder) are what the demo panes replay.
   */
  reportPath?: string;
}

/**
 * `virtual:demo-blocks`: every block of the demo scripts with its commands and its rehearsal
 * status, computed in Node at build time (the page cannot read files or hash them). The
 * scripts stay the one source of what is typed; the report is read if it is there. In dev, a
 * change of a script or of the report invalidates the module and reloads the page.
 */
export function demoBlocks(options: DemoBlocksOptions = {}): Plugin {
  const demoDir = options.demoDir === null ? null : resolve(options.demoDir ?? 'assets/examples/demo');
  const reportPath = resolve(options.reportPath ?? '.rehearsal/report.json');
  return {
    name: 'docker-talk:demo-blocks',
    resolveId: (id) =>
      id === DEMO_BLOCKS_ID
        ? RESOLVED_DEMO_BLOCKS_ID
        : id === DEMO_RECORDINGS_ID
          ? RESOLVED_DEMO_RECORDINGS_ID
          : undefined,
    load(id) {
      if (id === RESOLVED_DEMO_BLOCKS_ID) {
        if (!demoDir) return 'export const demoBlocks = [];';
        const warn = (message: string) => this.warn(message);
        const report = readRehearsalReport(reportPath, warn);
        const blocks = loadDemoData(demoDir, report, { reportDir: dirname(reportPath), warn });
        return `export const demoBlocks = ${JSON.stringify(blocks)};`;
      }
      if (id === RESOLVED_DEMO_RECORDINGS_ID) {
        if (!demoDir) return 'export const outputs = {};\nexport const casts = {};';
        const report = readRehearsalReport(reportPath, () => undefined);
        const { outputs, castPaths } = loadDemoRecordings(demoDir, report, {
          reportDir: dirname(reportPath),
          warn: () => undefined,
        });
        // Each cast is a module of its own, as text: it is fetched only when its slide is near,
        // from the deck's own origin and any sub-path, with no fetch for the CSP to allow.
        const casts = Object.entries(castPaths).map(
          ([block, path]) =>
            `  ${JSON.stringify(block)}: () => import(${JSON.stringify(`${path}?raw`)}).then((module) => module.default),`,
        );
        return `export const outputs = ${JSON.stringify(outputs)};\nexport const casts = {\n${casts.join('\n')}\n};`;
      }
      return undefined;
    },
    configureServer(server: ViteDevServer) {
      if (!demoDir) return;
      server.watcher.add([demoDir, reportPath]);
      const reload = (path: string) => {
        if (!path.startsWith(`${demoDir}/`) && path !== reportPath) return;
        const modules = [RESOLVED_DEMO_BLOCKS_ID, RESOLVED_DEMO_RECORDINGS_ID].flatMap(
          (moduleId) => server.moduleGraph.getModuleById(moduleId) ?? [],
        );
        if (modules.length === 0) return;
        for (const module of modules) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
    },
  };
}

/**
 * The demo scripts belong to the talk: a deck from another slides folder (a test fixture) has
 * none unless it names its own.
 */
export function demoOptionsFor(slidesDir: string | undefined, demos?: DemoBlocksOptions): DemoBlocksOptions {
  if (demos) return demos;
  const isTalk = slidesDir === undefined || slidesDir.replace(/^\/+|\/+$/g, '') === 'slides';
  return isTalk ? {} : { demoDir: null };
}
