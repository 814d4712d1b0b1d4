import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCast, type Cast } from '../cast/asciicast.ts';
import type { DemoRecordingData, DemoStepOutput } from '../deck/demo-types.ts';
import {
  engineLabel,
  reportsOfScript,
  type BlockReport,
  type EngineReport,
  type RehearsalReport,
} from './report.ts';

/** A block's recording as the pane replays it: where the cast is, what it shows, and from where. */
export interface ChosenRecording {
  /** Absolute path of the cast file. */
  castPath: string;
  data: DemoRecordingData;
  steps: DemoStepOutput[];
}

/**
 * Which recording of a block the deck replays: the latest that passed, across engines, of the
 * script as it is now (a recording of another version of the script shows other commands). Pure:
 * picks from the report only; `readRecording` then checks the cast itself.
 */
export function latestPassedRecording(
  block: { id: string; script: string },
  currentScriptHash: string,
  report: RehearsalReport | null,
): { engine: EngineReport; block: BlockReport & { recording: string; steps: DemoStepOutput[] } } | null {
  const candidates = reportsOfScript(report, block.script, currentScriptHash)
    .flatMap((engine) => {
      const result = engine.blocks.find((candidate) => candidate.id === block.id);
      return result?.status === 'passed' && result.recording && result.steps
        ? [{ engine, block: result as BlockReport & { recording: string; steps: DemoStepOutput[] } }]
        : [];
    })
    .sort((a, b) => b.engine.finishedAt.localeCompare(a.engine.finishedAt));
  return candidates[0] ?? null;
}

/**
 * The chosen recording, read and checked: the cast parses, and it has one marker per command of
 * the block (one step of the pane = one marker). Anything else is `null` with a warning: the
 * pane then says "not rehearsed yet" instead of replaying the wrong commands.
 */
export function readRecording(
  block: { id: string; script: string; commands: readonly { text: string }[] },
  currentScriptHash: string,
  report: RehearsalReport | null,
  reportDir: string,
  warn: (message: string) => void,
): ChosenRecording | null {
  const chosen = latestPassedRecording(block, currentScriptHash, report);
  if (!chosen) return null;
  const castPath = resolve(reportDir, chosen.block.recording);
  if (!existsSync(castPath)) {
    warn(`the recording of ${block.id} (${castPath}) is missing: the pane shows "not rehearsed yet"`);
    return null;
  }
  let cast: Cast;
  try {
    cast = parseCast(readFileSync(castPath, 'utf8'), castPath);
  } catch (error) {
    warn(`${(error as Error).message}: the pane shows "not rehearsed yet"`);
    return null;
  }
  const markers = cast.events.filter(([, code]) => code === 'm').length;
  const commands = block.commands.map((command) => command.text);
  const recorded = chosen.block.steps.map((step) => step.command);
  if (markers !== commands.length || recorded.join('\n') !== commands.join('\n')) {
    warn(
      `the recording of ${block.id} has ${markers} markers and ${recorded.length} steps for ${commands.length} commands: the pane shows "not rehearsed yet"`,
    );
    return null;
  }
  const origin = cast.header.docker_talk;
  return {
    castPath,
    data: {
      engine: origin?.engine ?? engineLabel(chosen.engine.engine),
      engineKey: chosen.engine.engine.key,
      recordedAt: origin?.recordedAt ?? chosen.engine.finishedAt,
    },
    steps: chosen.block.steps.map(({ command, exitCode, screen }) => ({ command, exitCode, screen })),
  };
}
