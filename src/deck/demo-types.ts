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
  /**
   * The recording the pane replays: the latest of this very script that passed, on any engine.
   * Null when there is none ("not rehearsed yet"). Its steps' output and the cast itself are in
   * `virtual:demo-recordings`, loaded when a demo slide is near.
   */
  recording: DemoRecordingData | null;
}

/** Where a block's recording comes from, for people: the pane's bar, the speaker view, the PDFs. */
export interface DemoRecordingData {
  /** The engine, for people: `Engine 28.5.2 (containerd store)`. */
  engine: string;
  /** The engine's report key, `28.5.2-containerd`. */
  engineKey: string;
  /** When the block was recorded, ISO 8601. */
  recordedAt: string;
}

/** What one command printed, as the report has it (the terminal's text at its end, ANSI resolved). */
export interface DemoStepOutput {
  command: string;
  exitCode: number;
  screen: string;
}

/**
 * `virtual:demo-recordings`: the heavy part of the demo data, imported only when a demo slide is
 * near (or before printing): each recorded block's output per command, and a loader of its cast.
 */
export interface DemoRecordingsModule {
  /** By block id: what each command printed, in the order typed. */
  outputs: Readonly<Record<string, readonly DemoStepOutput[]>>;
  /** By block id: the asciicast v3 text of the recording. */
  casts: Readonly<Record<string, () => Promise<string>>>;
}
