import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ClaimContext } from '../../src/rehearse/claim-types.ts';
import { CLAIMS } from '../../src/rehearse/claims.ts';
import type { Engine } from '../../src/rehearse/preflight.ts';

/**
 * Checks the rehearsal's own claims for `block` against what a live terminal showed: `outputs`
 * maps step N to what command N printed (stdout and stderr are one stream in a terminal); the
 * claims' own engine questions go to `engine`. Fails the test on any claim that does not hold.
 */
export async function expectLiveClaimsHold(
  block: string,
  commands: readonly string[],
  outputs: ReadonlyMap<number, string>,
  engine: Engine,
  claimCount: number,
): Promise<void> {
  const context: ClaimContext = {
    output(blockId, command) {
      expect(blockId).toBe(block);
      const index = commands.findIndex((text) =>
        typeof command === 'string' ? text.includes(command) : command.test(text),
      );
      expect(index, `a command with ${String(command)}`).toBeGreaterThanOrEqual(0);
      return { exitCode: 0, output: outputs.get(index + 1)!, milliseconds: 0 };
    },
    outputs: () => [],
    docker: (args) => engine.docker.run(args),
    example: (path) => readFileSync(join('assets/examples', path), 'utf8'),
    engineOnThisHost: true,
    store: engine.store,
    listExport: () => Promise.reject(new Error(`not used by ${block}`)),
  };
  const claims = CLAIMS.filter((claim) => claim.block === block);
  expect(claims.length).toBe(claimCount);
  for (const claim of claims) await expect(claim.check(context), claim.asserts).resolves.toBeTypeOf('string');
}
