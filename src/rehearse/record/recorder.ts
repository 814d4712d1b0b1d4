import type { CastEvent } from '../../cast/asciicast.ts';
import type { CommandResult } from '../claim-types.ts';
import type { ShellSession, TerminalSize } from '../shell-session.ts';
import { createScreen, type Screen } from './screen.ts';

/**
 * What the rehearsal types into: one per demo script. A block is recorded between `beginBlock`
 * and `endBlock`; commands outside a block (the script's set-up lines) run unrecorded.
 */
export interface DemoTerminal {
  /** Runs one command; the result's `output` is what the terminal shows of its output at its end. */
  run(command: string, onOutput?: (chunk: string) => void): Promise<CommandResult>;
  /** A block starts: a clean screen, its own clock at 0. */
  beginBlock(): void;
  /** The block's recording (see `createRecordingTerminal`), or undefined when nothing was recorded. */
  endBlock(): Promise<CastEvent[] | undefined>;
  readonly ended: boolean;
  close(): Promise<void>;
}

/** The prompt the recording shows before each command: short, the `$` in bold green. */
export const PROMPT = '\x1b[1;32m$\x1b[0m ';
/** Before the next line of a command continued with a backslash, as bash's PS2. */
export const CONTINUATION_PROMPT = '> ';

/** The presenter's pace in the recording's timeline (seconds); the rehearsal never waits for it. */
const PACE = {
  /** From the prompt to the step's marker, and from the marker to the first keystroke. */
  beforeMarker: 0.4,
  afterMarker: 0.3,
  /** A keystroke, on average, and the most a whole command may take to type. */
  keystroke: 0.045,
  longestTyping: 3.5,
  /** From the last keystroke to Enter. */
  beforeEnter: 0.2,
  /** How long the final prompt shows before the `x` event ends the recording. */
  afterLastPrompt: 0.5,
};

/**
 * A demo terminal that records each block as asciicast v3 events, as a presenter's terminal
 * would have shown it: the prompt, an `m` marker (labelled with the command) before each
 * command, the command typed at a human pace, its output at the pace it really came, the next
 * prompt; and at the end one `x` event with the exit status of the block's last command.
 *
 * The keystrokes are written into the recording's timeline only: the command is sent to the shell
 * at once, and its output is placed after the typing. So the recording's clock runs ahead of the
 * rehearsal's by the typing time, and the rehearsal takes no longer for it.
 *
 * The same bytes feed a headless terminal of the same size; a command's screen text is read from
 * it when the command ends, so the claims check exactly what the recording shows.
 */
export function createRecordingTerminal(session: ShellSession, size: TerminalSize): DemoTerminal {
  let screen: Screen = createScreen(size);
  const show = (data: string) => screen.write(data);
  /** The block's events with their times since the block's start (seconds); undefined outside a block. */
  let events: { time: number; code: CastEvent[1]; data: string }[] | undefined;
  let clock = 0;
  let lastExitCode: number | undefined;
  /** The command that runs now: close() lets it read its screen before the screen goes. */
  let running: Promise<unknown> = Promise.resolve();
  const emit = (time: number, code: CastEvent[1], data: string) => {
    clock = Math.max(clock, time);
    events?.push({ time: clock, code, data });
    if (code === 'o') show(data);
  };

  async function runCommand(command: string, onOutput?: (chunk: string) => void): Promise<CommandResult> {
    const recording = events !== undefined;
    if (recording) {
      emit(clock + PACE.beforeMarker, 'm', command);
      let time = clock + PACE.afterMarker;
      const delay = Math.min(PACE.keystroke, PACE.longestTyping / Math.max(1, command.length));
      for (const [index, char] of [...command].entries()) {
        time += delay * keystrokeJitter(index, char);
        emit(time, 'o', char === '\n' ? `\r\n${CONTINUATION_PROMPT}` : char);
      }
      emit(time + PACE.beforeEnter, 'o', '\r\n');
    } else show('\r\n');
    await screen.settled();
    const mark = screen.mark();
    const enteredAt = clock;
    const sentAt = performance.now();
    const { exitCode, milliseconds } = await session.run(command, (data, at) => {
      if (recording) emit(enteredAt + (at - sentAt) / 1000, 'o', data);
      else show(data);
      onOutput?.(data);
    });
    await screen.settled();
    const output = screen.textFrom(mark);
    if (recording) {
      lastExitCode = exitCode;
      clock = Math.max(clock, enteredAt + milliseconds / 1000);
      if (!session.ended) emit(clock, 'o', `${screen.cursorX === 0 ? '' : '\r\n'}${PROMPT}`);
    }
    return { exitCode, output, milliseconds };
  }

  return {
    get ended() {
      return session.ended;
    },
    beginBlock() {
      screen.dispose();
      screen = createScreen(size);
      events = [];
      clock = 0;
      lastExitCode = undefined;
      emit(0, 'o', PROMPT);
    },
    run(command, onOutput) {
      const done = runCommand(command, onOutput);
      running = done.catch(() => {});
      return done;
    },
    async endBlock() {
      const recorded = events;
      events = undefined;
      if (!recorded || lastExitCode === undefined) return undefined;
      recorded.push({ time: clock + PACE.afterLastPrompt, code: 'x', data: String(lastExitCode) });
      let previous = 0;
      return recorded.map(({ time, code, data }) => {
        const interval = Math.round((time - previous) * 1e6) / 1e6;
        previous += interval;
        return [interval, code, data] satisfies CastEvent;
      });
    },
    async close() {
      await session.close();
      await running;
      screen.dispose();
    },
  };
}

/** 0.6–1.4: keystrokes are not evenly spaced; fixed per position, so a recording is reproducible. */
function keystrokeJitter(index: number, char: string): number {
  return 0.6 + (((index * 7 + char.charCodeAt(0) * 13) % 9) / 8) * 0.8;
}
