/**
 * Engines that cannot come with `npm ci` (Firefox, a Docker Engine) are optional on a developer's
 * machine and required in CI. Where one is missing, its test file prints one line saying what is
 * skipped and how to get it, and skips; with TALK_REQUIRE_ENGINES=1 (set by .ci/run) the same
 * absence is an error, so CI can never skip a suite unseen.
 */
export const REQUIRE_ENGINES_VARIABLE = 'TALK_REQUIRE_ENGINES';

export interface EngineCheck {
  /** What is skipped, e.g. "Firefox browser tests". */
  suite: string;
  /** Why the engine is missing, or undefined when it is there. */
  missing: string | undefined;
  /** How to get it, e.g. "sudo apt-get install -y firefox-esr". */
  howToGet: string;
}

/** The message for a missing engine: what is skipped, why, and how to get it. */
export function describeMissingEngine(check: EngineCheck): string {
  return `docker-talk: skipped ${check.suite}: ${check.missing}. To run them: ${check.howToGet}`;
}

/**
 * True when the engine is there. When it is not: throws where engines are required, otherwise
 * prints the skip line once and returns false (use with `describe.skipIf(!available)`).
 */
export function engineAvailable(check: EngineCheck, env: NodeJS.ProcessEnv = process.env): boolean {
  if (check.missing === undefined) return true;
  const message = describeMissingEngine(check);
  if (env[REQUIRE_ENGINES_VARIABLE] === '1') {
    throw new Error(`${message}\n(${REQUIRE_ENGINES_VARIABLE}=1: a missing engine fails the run)`);
  }
  // stderr, not console: vitest shows it for the file even when every test in it is skipped.
  process.stderr.write(`${message}\n`);
  return false;
}
