import type { DockerResult } from './docker-client.ts';
import type { CommandResult } from './shell-session.ts';

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
