import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandLookup, type ClaimContext, type CommandResult } from '../../src/rehearse/claim-types.ts';
import type { EngineRecording } from '../../src/rehearse/claim-evidence.ts';

/** Real engine output, recorded by `npm run rehearse -- --offline --evidence tests/fixtures/engine-output`. */
export const ENGINE_OUTPUT_DIR = resolve('tests/fixtures/engine-output');

/** The engine keys that have a recording (`20.10.24-overlay2`, `28.5.2-containerd`). */
export function recordedEngines(): string[] {
  return readdirSync(ENGINE_OUTPUT_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A fresh copy each call: a test mutates its own. */
export function loadRecording(engine: string): EngineRecording {
  return JSON.parse(
    readFileSync(join(ENGINE_OUTPUT_DIR, engine, 'evidence.json'), 'utf8'),
  ) as EngineRecording;
}

/**
 * Recorded evidence, replayed as the ClaimContext of a rehearsal: each command's text as the
 * claims read it. A docker call, container or example the recording does not hold is an error of
 * the test, never an empty answer a claim could pass or fail on.
 */
export function replayContext(recording: EngineRecording): ClaimContext {
  const results = new Map(
    Object.entries(recording.blocks).map(([block, ran]) => [
      block,
      ran.map(({ command, exitCode, milliseconds, output }) => {
        const result: CommandResult = { exitCode, milliseconds, output: output.join('\n') };
        return { command, result };
      }),
    ]),
  );
  const missing = (what: string, known: string[]) =>
    new Error(
      `replayContext: the ${recording.engine} recording has no ${what}; it holds:\n  ${known.join('\n  ')}\nRecord again (see ${join(ENGINE_OUTPUT_DIR, 'README.md')})`,
    );
  return {
    ...commandLookup(results),
    async docker(args) {
      const found = recording.docker.find((call) => JSON.stringify(call.args) === JSON.stringify(args));
      if (!found)
        throw missing(
          `answer to docker ${JSON.stringify(args)}`,
          recording.docker.map((call) => JSON.stringify(call.args)),
        );
      return { code: found.code, stdout: found.stdout.join('\n'), stderr: found.stderr.join('\n') };
    },
    async listExport(container) {
      const listing = recording.exports[container];
      if (!listing) throw missing(`export of container ${container}`, Object.keys(recording.exports));
      return [...listing];
    },
    example(path) {
      const text = recording.examples[path];
      if (!text) throw missing(`example file ${path}`, Object.keys(recording.examples));
      return text.join('\n');
    },
    engineOnThisHost: recording.engineOnThisHost,
    store: recording.store,
  };
}
