import { checkClaim, createClaimContext } from '../rehearse/claim-context.ts';
import type { Claim, CommandResult } from '../rehearse/claim-types.ts';
import { CLAIMS } from '../rehearse/claims.ts';
import type { Engine } from '../rehearse/preflight.ts';

/** A command of a block as it ran live: what the terminal showed of it, as the rehearsal reads it. */
export interface LiveStep {
  command: string;
  result: CommandResult;
}

/**
 * Checks a block's claims once it has run live, the rehearsal's own claims against what the
 * live terminal showed: returns what does not hold (for the fallback's message), or undefined.
 * The outputs of every block that ran live are kept, as a claim may read an earlier block; a
 * claim that needs a block which did not run live here (it fell back) cannot be judged and is
 * passed over, not taken for a failure.
 */
export function createLiveClaimCheck(
  engine: Engine,
  examplesDir: string,
  claims: readonly Claim[] = CLAIMS,
): (block: string, steps: LiveStep[]) => Promise<string | undefined> {
  const results = new Map<string, LiveStep[]>();
  const context = createClaimContext(engine, results, examplesDir);
  return async (block, steps) => {
    results.set(block, steps);
    for (const claim of claims.filter((candidate) => candidate.block === block)) {
      const result = await checkClaim(claim, context, { blockFailed: false, onThisHost: engine.onThisHost });
      if (result.ok) continue;
      const missing = /^no command with ".*" ran in (\S+)$/.exec(result.detail);
      if (missing && missing[1] !== block) continue;
      return `the claim "${claim.asserts}" does not hold: ${result.detail}`;
    }
    return undefined;
  };
}
