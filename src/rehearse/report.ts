import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Where `npm run rehearse` leaves its report and recordings; the build reads them. */
export const REHEARSAL_DIR = resolve('.rehearsal');
export const REPORT_PATH = resolve(REHEARSAL_DIR, 'report.json');

export type BlockStatus = 'passed' | 'failed' | 'not rehearsed';

/**
 * How an engine keeps images: the classic graph driver (`overlay2`, Engine 20.10 to 28 by
 * default) or the containerd image store with a snapshotter (Docker Desktop, fresh Engine 29
 * installs). Sizes, history rows and inspect fields differ between the two.
 */
export interface ImageStore {
  kind: 'graph-driver' | 'containerd';
  /** `overlay2` for a graph driver; the snapshotter (`overlayfs`) for the containerd store. */
  driver: string;
}

export interface EngineIdentity {
  /** Stable within a report: the version without packager suffix and the store, `28.5.2-containerd`. */
  key: string;
  version: string;
  os: string;
  client: string;
  store: ImageStore;
}

/** What one command of a block did, as the terminal showed it. */
export interface StepReport {
  command: string;
  exitCode: number;
  /** The command's output as the terminal showed it at its end: ANSI resolved, wrapped lines joined. */
  screen: string;
}

export interface BlockReport {
  id: string;
  slide: string;
  status: BlockStatus;
  /** The first command that failed, or the claim that did not hold. */
  failed?: string;
  /** Commands that need a registry and were not run (offline). */
  notRehearsed: string[];
  claims: { asserts: string; ok: boolean; detail: string }[];
  /** The commands that ran, in order (absent in reports of rehearsals that did not record). */
  steps?: StepReport[];
  /** The block's recording, relative to `.rehearsal/` (`recordings/28.5.2-containerd/03-containers/diff.cast`). */
  recording?: string;
}

/** One engine's last rehearsal. */
export interface EngineReport {
  finishedAt: string;
  engine: EngineIdentity;
  offline: boolean;
  /** sha256 of each demo script as rehearsed: a script changed since makes its blocks stale. */
  scripts: Record<string, string>;
  blocks: BlockReport[];
}

/** The last rehearsal on each engine, by `EngineIdentity.key`. */
export interface RehearsalReport {
  version: 2;
  engines: Record<string, EngineReport>;
}

export function scriptHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** `20.10.24+dfsg1` → `20.10.24`: the packager's suffix says nothing to the presenter. */
export function engineVersion(version: string): string {
  return version.replace(/[+~].*$/, '');
}

export function engineKey(version: string, store: ImageStore): string {
  return `${engineVersion(version)}-${store.kind === 'containerd' ? 'containerd' : store.driver}`;
}

/** For people: `overlay2`, or `containerd store`. */
export function storeLabel(store: ImageStore): string {
  return store.kind === 'containerd' ? 'containerd store' : store.driver;
}

/** For people: `Engine 28.5.2 (containerd store)`. */
export function engineLabel(engine: EngineIdentity): string {
  return `Engine ${engineVersion(engine.version)} (${storeLabel(engine.store)})`;
}

/**
 * The engines whose last rehearsal ran `script` as it is now (its sha256): the only results the
 * speaker view, the pane and the PDFs may show for it.
 */
export function reportsOfScript(
  report: RehearsalReport | null,
  script: string,
  currentScriptHash: string,
): EngineReport[] {
  return Object.values(report?.engines ?? {}).filter(
    (engine) => engine.scripts[script] === currentScriptHash,
  );
}

/** Reads a report; anything this version cannot read is an `Error` saying why. */
export function parseReport(text: string): RehearsalReport {
  const report = JSON.parse(text) as Partial<RehearsalReport>;
  if (report.version !== 2 || typeof report.engines !== 'object' || report.engines === null) {
    throw new Error('not a version 2 rehearsal report (rehearse again to replace it)');
  }
  for (const [key, engine] of Object.entries(report.engines)) {
    if (!Array.isArray(engine.blocks) || typeof engine.scripts !== 'object' || engine.engine?.key !== key) {
      throw new Error(`the report of engine "${key}" is incomplete`);
    }
  }
  return report as RehearsalReport;
}

/**
 * Adds one engine's rehearsal to the report, keeping the other engines' results. Written to a
 * temp file and renamed: an interrupted rehearsal never leaves half a report.
 */
export async function writeEngineReport(engineReport: EngineReport, path = REPORT_PATH): Promise<void> {
  let report: RehearsalReport = { version: 2, engines: {} };
  if (existsSync(path)) {
    try {
      report = parseReport(readFileSync(path, 'utf8'));
    } catch {
      // An old or broken report holds nothing worth keeping: this rehearsal starts a new one.
    }
  }
  report.engines[engineReport.engine.key] = engineReport;
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(report, null, 2)}\n`);
  await rename(temp, path);
}
