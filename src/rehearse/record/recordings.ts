import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { serializeCast, type Cast, type CastEvent, type CastOrigin } from '../../cast/asciicast.ts';
import type { TerminalSize } from '../shell-session.ts';

/**
 * Where a block's recording lives, relative to the rehearsal folder:
 * `recordings/<engine key>/<script without .sh>/<block name>.cast`, one per engine.
 */
export function recordingPath(engineKey: string, blockId: string): string {
  const [script, name] = blockId.split('/') as [string, string];
  return `recordings/${engineKey}/${script}/${name}.cast`;
}

/** A block's recording: the header (size, start, where it comes from) and its events. */
export function createBlockCast(
  origin: CastOrigin,
  size: TerminalSize,
  startedAt: Date,
  events: CastEvent[],
): Cast {
  return {
    header: {
      version: 3,
      term: { cols: size.cols, rows: size.rows, type: 'xterm-256color' },
      timestamp: Math.floor(startedAt.getTime() / 1000),
      title: `${origin.block} on ${origin.engine}`,
      env: { SHELL: '/bin/bash' },
      docker_talk: origin,
    },
    events,
  };
}

/** Writes a recording under `rehearsalDir`: to a temp file, then renamed, so no reader sees half of it. */
export async function writeRecording(rehearsalDir: string, path: string, cast: Cast): Promise<void> {
  const target = join(rehearsalDir, path);
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, serializeCast(cast));
  await rename(temp, target);
}
