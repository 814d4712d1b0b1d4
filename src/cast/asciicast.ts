/**
 * asciicast v3 (https://docs.asciinema.org/manual/asciicast/v3/): the one reader and writer of
 * demo recordings, shared by the rehearsal (writes), the build and the export (read), the pane
 * in the page (reads) and the live runner (streams). Pure: no Node, no DOM.
 *
 * A file is newline-delimited JSON: a header object, then `[interval, code, data]` events, the
 * interval in seconds since the previous event. Lines starting with `#` are comments.
 */

/** The codes this project writes and reads: output, input, marker, resize, exit. */
export type CastEventCode = 'o' | 'i' | 'm' | 'r' | 'x';

export type CastEvent = [interval: number, code: CastEventCode, data: string];

/** One command of a recorded block: the `m` marker with the same index starts it. */
export interface CastStep {
  /** The command as the demo script has it (continuation lines joined by `\\\n`), the marker's label. */
  command: string;
  /** Its exit status; the recording's `x` event carries the last step's. */
  exitCode: number;
}

/**
 * Where a demo recording comes from; an extension field of the header (players ignore it).
 *
 * What a recording of a block holds (written by the rehearsal, src/rehearse/record/): the
 * prompt; then per step an `m` marker labelled with the command, the command typed (`o` events,
 * one keystroke each), Enter, the command's output at the pace it came, the next prompt; at the
 * end one `x` event with the exit status of the last step (the block's first failure, as a block
 * stops there). One `x` per recording, as the v3 spec has it (the exit of the recorded session):
 * asciinema-player's WebSocket driver ends a stream on it, and its recording driver ignores it.
 * A command the rehearsal did not run (offline, needs a registry) has no marker: `steps` are the
 * commands that ran, in order.
 */
export interface CastOrigin {
  /** The demo block, `03-containers/diff`. */
  block: string;
  /** The slide the block belongs to. */
  slide: string;
  /** The engine, for people: `Docker Engine 28.5.2 (containerd image store)`. */
  engine: string;
  /** The engine's report key (see `EngineIdentity.key`), `28.5.2-containerd`. */
  engineKey: string;
  /** sha256 of the demo script as recorded: a script changed since makes the recording stale. */
  scriptHash: string;
  /** When the block was recorded, ISO 8601. */
  recordedAt: string;
  /** The commands that ran, in the order of their markers. */
  steps: CastStep[];
}

export interface CastHeader {
  version: 3;
  term: { cols: number; rows: number; type?: string };
  /** Unix time (seconds) the recording started. */
  timestamp?: number;
  title?: string;
  env?: Record<string, string>;
  docker_talk?: CastOrigin;
}

export interface Cast {
  header: CastHeader;
  events: CastEvent[];
}

export class CastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CastError';
  }
}

const CODES: ReadonlySet<string> = new Set<CastEventCode>(['o', 'i', 'm', 'r', 'x']);

/** Reads a cast; a bad line throws a `CastError` naming `source` and the line number. */
export function parseCast(text: string, source = 'the recording'): Cast {
  const lines = text.split('\n');
  const fail = (line: number, why: string): never => {
    throw new CastError(`${source}, line ${line}: ${why}`);
  };
  let header: CastHeader | undefined;
  const events: CastEvent[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '' || (header && line.startsWith('#'))) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      fail(index + 1, 'not JSON');
    }
    if (!header) {
      const candidate = value as Partial<CastHeader> | null;
      if (candidate?.version !== 3) fail(index + 1, 'not an asciicast v3 header (version 3)');
      const cols = candidate?.term?.cols ?? 0;
      const rows = candidate?.term?.rows ?? 0;
      if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols <= 0 || rows <= 0) {
        fail(index + 1, 'the header has no term.cols and term.rows');
      }
      header = candidate as CastHeader;
      return;
    }
    if (
      !Array.isArray(value) ||
      value.length !== 3 ||
      typeof value[0] !== 'number' ||
      !(value[0] >= 0) ||
      typeof value[1] !== 'string' ||
      !CODES.has(value[1]) ||
      typeof value[2] !== 'string'
    ) {
      fail(index + 1, 'not an [interval >= 0, code, data] event');
    }
    events.push(value as CastEvent);
  });
  if (!header) throw new CastError(`${source}: empty, no asciicast header`);
  return { header, events };
}

/** Writes a cast: one JSON value per line, ending with a newline. */
export function serializeCast(cast: Cast): string {
  return [cast.header, ...cast.events].map((value) => JSON.stringify(value)).join('\n') + '\n';
}

/** The time of each event since the start, in seconds (the intervals summed). */
export function eventTimes(events: readonly CastEvent[]): number[] {
  let time = 0;
  return events.map(([interval]) => (time += interval));
}

/**
 * True when the demo script changed since the recording was made (its sha256 is not the one in
 * the header), or the recording does not say which script it was made from: the commands the
 * slide shows may no longer be the ones the recording typed.
 */
export function isStaleRecording(header: CastHeader, currentScriptHash: string): boolean {
  return header.docker_talk?.scriptHash !== currentScriptHash;
}

/** For people: why a recording is stale, or undefined when it is not. */
export function staleReason(header: CastHeader, currentScriptHash: string): string | undefined {
  if (!isStaleRecording(header, currentScriptHash)) return undefined;
  const origin = header.docker_talk;
  if (!origin) return 'the recording does not say which demo script it was made from';
  return `${origin.block.split('/')[0]}.sh changed since it was recorded on ${origin.recordedAt.slice(0, 10)}: rehearse again`;
}
