import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { DemoBlockData, DemoStepOutput } from '../deck/demo-types.ts';
import { PROJECT_NAME } from '../deck/problems.ts';
import { loadDemoScripts } from './demo-files.ts';
import { readRecording } from './demo-recording.ts';
import { rehearsalOf } from './demo-status.ts';
import { parseReport, reportsOfScript, scriptHash, type RehearsalReport } from './report.ts';

/**
 * The report at `path`, or null when there is none. A report this build cannot read claims
 * nothing either: it is reported, and every block shows "not rehearsed".
 */
export function readRehearsalReport(path: string, warn: (message: string) => void): RehearsalReport | null {
  if (!existsSync(path)) return null;
  try {
    return parseReport(readFileSync(path, 'utf8'));
  } catch (error) {
    warn(`${PROJECT_NAME}: ignoring the rehearsal report ${path}: ${(error as Error).message}`);
    return null;
  }
}

/** Where the report's recordings are, and what to do with a recording the deck cannot use. */
export interface RecordingContext {
  /** The folder the report's `recording` paths start from (the report's own). */
  reportDir: string;
  warn: (message: string) => void;
}

/**
 * Every demo block, with its commands and what the report says of it: the deck's demo data.
 * Without a recording context, no block has a recording (the rehearsal's own uses need none).
 */
export function loadDemoData(
  dir: string,
  report: RehearsalReport | null,
  recordings?: RecordingContext,
): DemoBlockData[] {
  return loadDemoScripts(dir).flatMap(({ script, source, path }) => {
    const hash = scriptHash(source);
    const file = relative(resolve('.'), path);
    return script.blocks.map((block) => {
      const rehearsal = rehearsalOf(block, hash, report);
      // Which commands a registry-less rehearsal left out: only from reports of this script.
      const fresh = reportsOfScript(report, block.script, hash);
      const skipped = new Set(
        fresh.flatMap(
          (engine) => engine.blocks.find((candidate) => candidate.id === block.id)?.notRehearsed ?? [],
        ),
      );
      const commands = block.commands.map((command) => ({
        text: command.text,
        line: command.line,
        needsRegistry: skipped.has(command.text),
      }));
      const recording = recordings
        ? readRecording(block, hash, report, recordings.reportDir, recordings.warn)
        : null;
      return {
        id: block.id,
        script: file,
        line: block.line,
        slideId: block.slideId,
        description: block.description,
        commands,
        rehearsal,
        recording: recording?.data ?? null,
      };
    });
  });
}

/** The heavy part of the demo data: per recorded block, its output per command and its cast file. */
export function loadDemoRecordings(
  dir: string,
  report: RehearsalReport | null,
  recordings: RecordingContext,
): { outputs: Record<string, DemoStepOutput[]>; castPaths: Record<string, string> } {
  const outputs: Record<string, DemoStepOutput[]> = {};
  const castPaths: Record<string, string> = {};
  for (const { script, source } of loadDemoScripts(dir)) {
    const hash = scriptHash(source);
    for (const block of script.blocks) {
      const recording = readRecording(block, hash, report, recordings.reportDir, () => undefined);
      if (!recording) continue;
      outputs[block.id] = recording.steps;
      castPaths[block.id] = recording.castPath;
    }
  }
  return { outputs, castPaths };
}
