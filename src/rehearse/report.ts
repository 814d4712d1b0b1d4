import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Where `npm run rehearse` leaves its report; the build reads it for the speaker view. */
export const REPORT_PATH = resolve('.rehearsal/report.json');

export type BlockStatus = 'passed' | 'failed' | 'not rehearsed';

export interface BlockReport {
  id: string;
  slide: string;
  status: BlockStatus;
  /** The first command that failed, or the claim that did not hold. */
  failed?: string;
  /** Commands that need a registry and were not run (offline). */
  notRehearsed: string[];
  claims: { asserts: string; ok: boolean; detail: string }[];
}

export interface RehearsalReport {
  version: 1;
  finishedAt: string;
  engine: { version: string; os: string; client: string };
  offline: boolean;
  /** sha256 of each demo script as rehearsed: a script changed since makes its blocks stale. */
  scripts: Record<string, string>;
  blocks: BlockReport[];
}

export function scriptHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** Written to a temp file and renamed: an interrupted rehearsal never leaves half a report. */
export async function writeReport(report: RehearsalReport, path = REPORT_PATH): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(report, null, 2)}\n`);
  await rename(temp, path);
}
