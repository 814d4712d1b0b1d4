import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ClaimFailed,
  commandLookup,
  type Claim,
  type ClaimContext,
  type CommandResult,
} from './claim-types.ts';
import type { DockerClient } from './docker-client.ts';
import type { Engine } from './preflight.ts';

/**
 * What a claim is checked against: the commands that ran (per block, as the terminal showed
 * them) and the engine itself. Shared by the rehearsal and the live runner, so a claim holds or
 * fails the same way in both.
 */
export function createClaimContext(
  engine: Engine,
  results: Map<string, { command: string; result: CommandResult }[]>,
  examplesDir: string,
): ClaimContext {
  return {
    ...commandLookup(results),
    docker: (args) => engine.docker.run(args),
    example: (path) => readFileSync(join(examplesDir, path), 'utf8'),
    engineOnThisHost: engine.onThisHost,
    store: engine.store,
    listExport: (container) => listExport(engine.docker, container),
  };
}

function listExport(docker: DockerClient, container: string): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const exporter = spawn(docker.path, ['export', container], {
      env: docker.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tar = spawn('tar', ['-t'], { stdio: ['pipe', 'pipe', 'inherit'] });
    exporter.stdout.pipe(tar.stdin);
    let listing = '';
    tar.stdout.on('data', (chunk: Buffer) => (listing += chunk.toString()));
    tar.once('error', reject);
    tar.once('close', (code) =>
      code === 0
        ? resolvePromise(listing.split('\n').filter(Boolean))
        : reject(new Error(`tar -t exited ${code}`)),
    );
  });
}

/** A claim's result as the report keeps it: a `ClaimFailed` says what the engine showed instead. */
export async function checkClaim(
  claim: Claim,
  context: ClaimContext,
  { blockFailed, onThisHost }: { blockFailed: boolean; onThisHost: boolean },
): Promise<{ asserts: string; ok: boolean; detail: string }> {
  if (blockFailed)
    return { asserts: claim.asserts, ok: false, detail: 'not checked: a command of its block failed' };
  if (claim.hostOnly && !onThisHost) {
    return {
      asserts: claim.asserts,
      ok: true,
      detail: 'host-only: skipped, the engine is not on this machine',
    };
  }
  try {
    return { asserts: claim.asserts, ok: true, detail: await claim.check(context) };
  } catch (error) {
    const detail =
      error instanceof ClaimFailed ? error.message : `the check itself failed: ${(error as Error).message}`;
    return { asserts: claim.asserts, ok: false, detail };
  }
}
