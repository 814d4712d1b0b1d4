import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ClaimContext, CommandResult, DockerResult } from './claim-types.ts';
import type { ImageStore } from './report.ts';

/**
 * Real engine output for the claims' unit tests: what every command of a rehearsal printed and
 * every question a claim asked the engine itself, recorded during a real rehearsal
 * (`npm run rehearse -- --offline --evidence DIR`) and replayed as a ClaimContext by the tests. A
 * claim's check then runs on what an engine really printed, and on copies broken on purpose.
 */

/** One typed command, as the terminal will show it: stdout, then stderr, in one text. */
export interface RecordedCommand {
  command: string;
  exitCode: number;
  milliseconds: number;
  /** One line an entry, so a fixture reads (and diffs) like the terminal. */
  output: string[];
}

/** One call a claim made through `context.docker(args)`. */
export interface RecordedDocker {
  args: string[];
  code: number;
  stdout: string[];
  stderr: string[];
}

export interface EngineRecording {
  /** `20.10.24-overlay2`, `28.5.2-containerd`: the report's engine key, and the fixture's folder. */
  engine: string;
  recordedAt: string;
  store: ImageStore;
  engineOnThisHost: boolean;
  /** Every command that ran, per block id, in order. */
  blocks: Record<string, RecordedCommand[]>;
  /** The first answer to each distinct `docker(args)` a claim asked, in the order asked. */
  docker: RecordedDocker[];
  /** `listExport(container)` answers, by the container id a claim passed. */
  exports: Record<string, string[]>;
  /** `example(path)` answers: the example files a claim compared with the engine. */
  examples: Record<string, string[]>;
}

export function lines(text: string): string[] {
  return text.split('\n');
}

/**
 * Wraps the rehearsal's ClaimContext: answers come from the engine, unchanged, and each
 * `docker`, `listExport` and `example` answer is kept for `recording()`.
 */
export function createEvidenceContext(context: ClaimContext): {
  context: ClaimContext;
  recorded(): Pick<EngineRecording, 'docker' | 'exports' | 'examples'>;
} {
  const docker = new Map<string, RecordedDocker>();
  const exports: Record<string, string[]> = {};
  const examples: Record<string, string[]> = {};
  const keep = (args: readonly string[], result: DockerResult) => {
    const key = JSON.stringify(args);
    if (!docker.has(key))
      docker.set(key, {
        args: [...args],
        code: result.code,
        stdout: lines(result.stdout),
        stderr: lines(result.stderr),
      });
  };
  return {
    context: {
      output: (block, command) => context.output(block, command),
      outputs: (block, command) => context.outputs(block, command),
      async docker(args) {
        const result = await context.docker(args);
        keep(args, result);
        return result;
      },
      async listExport(container) {
        const listing = await context.listExport(container);
        exports[container] = listing;
        return listing;
      },
      example(path) {
        const text = context.example(path);
        examples[path] = lines(text);
        return text;
      },
      engineOnThisHost: context.engineOnThisHost,
      store: context.store,
    },
    recorded: () => ({ docker: [...docker.values()], exports, examples }),
  };
}

/** The commands of a rehearsal, per block, as fixtures keep them. */
export function recordCommands(
  results: ReadonlyMap<string, readonly { command: string; result: CommandResult }[]>,
): Record<string, RecordedCommand[]> {
  return Object.fromEntries(
    [...results].map(([block, ran]) => [
      block,
      ran.map(({ command, result }) => ({
        command,
        exitCode: result.exitCode,
        milliseconds: Math.round(result.milliseconds),
        output: lines(result.output),
      })),
    ]),
  );
}

/** Writes `<dir>/<engine key>/evidence.json`; returns its path. */
export async function writeEngineEvidence(dir: string, recording: EngineRecording): Promise<string> {
  const path = join(dir, recording.engine, 'evidence.json');
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(recording, null, 2)}\n`);
  return path;
}
