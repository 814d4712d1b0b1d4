import type { ImageStore } from './report.ts';

/**
 * Claims are pure data over the engine's output: nothing here touches Node, so the deck's own
 * tests can check the table against the slides.
 */

/** What one typed command did. */
export interface CommandResult {
  /** The command's exit code; for a signal, 128 + its number, as bash reports it. */
  exitCode: number;
  stdout: string;
  stderr: string;
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
