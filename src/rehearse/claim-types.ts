import type { ImageStore } from './report.ts';

/**
 * Claims are pure data over the engine's output: nothing here touches Node, so the deck's own
 * tests can check the table against the slides.
 */

/** What one typed command did. */
export interface CommandResult {
  /** The command's exit code; for a signal, 128 + its number, as bash reports it. */
  exitCode: number;
  /**
   * What the terminal shows of the command's output when it ends: stdout and stderr as one
   * stream (a terminal merges them), ANSI and progress redraws resolved, lines the terminal
   * wrapped joined again, right-trimmed, no trailing empty lines.
   */
  output: string;
  milliseconds: number;
}

/** The result of one docker CLI call the rehearsal makes itself (not a presenter's command). */
export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What a claim can look at: the commands' results, and the engine itself. */
export interface ClaimContext {
  /** The result of the first command in `block` whose text contains `command` (or matches it). */
  output(block: string, command: string | RegExp): CommandResult;
  /** Every such result, in the order they ran. */
  outputs(block: string, command: string | RegExp): CommandResult[];
  /** The paths in a container's exported filesystem (`docker export`), without running anything in it. */
  listExport(container: string): Promise<string[]>;
  /** Asks the engine, as the rehearsal (not as the presenter). */
  docker(args: readonly string[]): Promise<DockerResult>;
  /** The text of a file under assets/examples. */
  example(path: string): string;
  /** True when the engine runs on this machine, so host-only steps ran. */
  engineOnThisHost: boolean;
  /**
   * How the engine keeps images. Where the two stores really print different things (a
   * whiteout row's few kB, the push of an attestation), a claim asserts each store's own output.
   */
  store: ImageStore;
}

/** One thing a slide says that the engine can prove or refute. */
export interface Claim {
  /** The slide the claim backs. */
  slide: string;
  /** The demo block after which it is checked (`03-containers/many`). */
  block: string;
  /** What is asserted, in words. */
  asserts: string;
  /** The files to look at when it fails: the slide module, the example file. */
  fix: readonly string[];
  /** Checked only where host-only steps run (the engine on this machine). */
  hostOnly?: boolean;
  /** Resolves with the evidence, or throws `ClaimFailed` saying what the engine showed instead. */
  check(context: ClaimContext): Promise<string>;
}

export class ClaimFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimFailed';
  }
}

/** Fails the claim unless `condition` holds. */
export function expectThat(condition: boolean, whatWasSeen: string): void {
  if (!condition) throw new ClaimFailed(whatWasSeen);
}

/**
 * `output` and `outputs` over the commands that ran, per block: the rehearsal's lookup, and the
 * tests' over recorded output, so a claim finds its command the same way in both.
 */
export function commandLookup<Result>(
  results: ReadonlyMap<string, readonly { command: string; result: Result }[]>,
): {
  output(block: string, command: string | RegExp): Result;
  outputs(block: string, command: string | RegExp): Result[];
} {
  const outputs = (block: string, command: string | RegExp) =>
    (results.get(block) ?? [])
      .filter((entry) =>
        typeof command === 'string' ? entry.command.includes(command) : command.test(entry.command),
      )
      .map((entry) => entry.result);
  return {
    output(block, command) {
      const [first] = outputs(block, command);
      if (!first) throw new ClaimFailed(`no command with "${String(command)}" ran in ${block}`);
      return first;
    },
    outputs,
  };
}

/** The rehearsal's line for a claim that does not hold: its own slide first, then what was seen. */
export function claimFailureLine(claim: Pick<Claim, 'slide' | 'asserts' | 'fix'>, detail: string): string {
  return `slide "${claim.slide}": the claim "${claim.asserts}" does not hold: ${detail}. Fix: ${claim.fix.join(' or ')}`;
}
