/**
 * The demo blocks as the deck receives them (`virtual:demo-blocks`, generated at build time from
 * `assets/examples/demo/*.sh` and `.rehearsal/report.json`). Plain data: the build writes it in
 * Node, the page and the validation read it.
 */

/** What a rehearsal says about one block. */
export type DemoRehearsalStatus = 'passed' | 'failed' | 'not rehearsed';

export interface DemoRehearsal {
  status: DemoRehearsalStatus;
  /** One line for the speaker, e.g. `rehearsed ✔ on Engine 20.10.24, 2026-12-01`. */
  summary: string;
}

export interface DemoCommandData {
  /** Exactly what the presenter types (continuation lines kept, with their backslashes). */
  text: string;
  /** 1-based line in the script. */
  line: number;
  /** Needs a registry and was left out of an offline rehearsal. */
  needsRegistry: boolean;
}

export interface DemoBlockData {
  /** `02-builds/cache`: script name without `.sh`, a slash, the block's name. */
  id: string;
  /** Path of the script from the project root, for error messages. */
  script: string;
  /** 1-based line of the block's `# block:` comment. */
  line: number;
  /** The slide the block's comment names (`slide: ID`). */
  slideId: string;
  /** The comment lines under the marker: what the block shows. */
  description: string;
  commands: DemoCommandData[];
  rehearsal: DemoRehearsal;
}
