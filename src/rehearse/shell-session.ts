import { randomBytes } from 'node:crypto';
import pty from '@lydell/node-pty';
import { DEMO_TERMINAL } from '../cast/terminal.ts';

/** What one command did in the terminal: its status and how long it took (its output went to `onData`). */
export interface TerminalRun {
  /** The command's exit code; for a signal, 128 + its number, as bash reports it. */
  exitCode: number;
  milliseconds: number;
}

export interface ShellSession {
  /**
   * Runs one command in the session, as if typed at its prompt. `onData` receives what the
   * terminal received, as it comes (`at`: `performance.now()` on arrival), with nothing of the
   * session's own machinery in it.
   */
  run(command: string, onData: (data: string, at: number) => void): Promise<TerminalRun>;
  /** True once the shell has ended (the script's `set -e` after a failure, `exit`, a signal). */
  readonly ended: boolean;
  /** Ends the shell: its EXIT traps run (the demo scripts restore their edits there). */
  close(): Promise<void>;
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

/** The OSC number of the session's own sequences: no terminal knows it, so none would show it. */
const OSC = '7719';
const CLOSE_GRACE_MS = 10_000;

/**
 * One bash for one demo script in a real pseudo-terminal, fed a command at a time: like a
 * presenter typing in a terminal, state (the working folder, variables, functions, traps) carries
 * from command to command and from block to block. `$0` is the script's path, so its own
 * `cd "$(dirname "$0")/.."` works. Programs see a terminal of `size` on stdout and stderr (docker
 * draws its progress bars), merged into one stream as on the presenter's screen.
 *
 * The commands travel on the terminal's input with echo and line editing off (`stty`), so nothing
 * is echoed: the recording types them itself. Each is NUL-terminated and run by `eval` in the
 * shell itself (not a subshell), its stdin /dev/null so it cannot swallow the commands after it.
 * Its exit status comes back in-band, after its output, as an OSC sequence with a random token
 * that this module cuts out of the stream; a terminal would ignore it anyway. Under the script's
 * own `set -e` a failing command ends the shell, exactly as it would end the script: its exit
 * code is the shell's.
 */
export function startShellSession(
  scriptPath: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  size: TerminalSize = DEMO_TERMINAL,
): ShellSession {
  const token = randomBytes(8).toString('hex');
  const sequence = `\x1b]${OSC};${token};`;
  const loop = [
    'stty -echo -icanon -isig -ixon -iexten min 1 time 0 2>/dev/null',
    `printf '\\033]${OSC};%s;ready\\007' '${token}'`,
    'while IFS= read -r -d "" __docker_talk_command; do eval "$__docker_talk_command"; done',
  ].join('\n');
  const child = pty.spawn('bash', ['--norc', '--noprofile', '-c', loop, scriptPath], {
    name: 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd,
    env: { ...env, TERM: 'xterm-256color', COLUMNS: String(size.cols), LINES: String(size.rows) },
  });

  // The stream, with the session's sequences cut out; a sequence may arrive split over chunks.
  let pending = '';
  let listener: ((data: string, at: number) => void) | undefined;
  let onSequence: ((value: string) => void) | undefined;
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  child.onData((chunk) => {
    const at = performance.now();
    pending += chunk;
    let visible = '';
    for (;;) {
      const start = pending.indexOf(sequence);
      if (start < 0) {
        // Hold back a tail that could be the start of a sequence.
        const hold = partialPrefixLength(pending, sequence);
        visible += pending.slice(0, pending.length - hold);
        pending = pending.slice(pending.length - hold);
        break;
      }
      const end = pending.indexOf('\x07', start);
      if (end < 0) {
        visible += pending.slice(0, start);
        pending = pending.slice(start);
        break;
      }
      visible += pending.slice(0, start);
      const value = pending.slice(start + sequence.length, end);
      pending = pending.slice(end + 1);
      if (visible) listener?.(visible, at);
      visible = '';
      if (value === 'ready') readyResolve();
      else onSequence?.(value);
    }
    if (visible) listener?.(visible, at);
  });

  let ended = false;
  let running = false;
  const exited = new Promise<number>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      ended = true;
      // node-pty reports the exit after the terminal's last output was read.
      if (pending) listener?.(pending, performance.now());
      pending = '';
      readyResolve();
      resolve(signal ? 128 + signal : exitCode);
    });
  });

  return {
    get ended() {
      return ended;
    },
    async run(command, onData) {
      if (running) throw new Error('one command at a time');
      running = true;
      try {
        await ready;
        const started = performance.now();
        listener = onData;
        const status = new Promise<number>((resolve) => (onSequence = (value) => resolve(Number(value))));
        if (!ended) {
          child.write(
            `{ ${command}\n} </dev/null; __docker_talk_status=$?; ` +
              `printf '\\033]${OSC};%s;%d\\007' '${token}' "$__docker_talk_status"\0`,
          );
        }
        // The shell may end instead (set -e, `exit`, a signal): its exit code is the command's.
        const exitCode = await Promise.race([status, exited]);
        return { exitCode, milliseconds: performance.now() - started };
      } finally {
        listener = undefined;
        onSequence = undefined;
        running = false;
      }
    },
    async close() {
      if (!ended) {
        // A command may still run after an interrupt: end it and its children (the whole process
        // group, bash first among them); bash runs its EXIT trap. Otherwise the loop is told to exit.
        if (running) process.kill(-child.pid, 'SIGTERM');
        else child.write('exit\0');
        const timer = setTimeout(() => {
          if (!ended) process.kill(-child.pid, 'SIGKILL');
        }, CLOSE_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** How many characters at the end of `text` are the start of `sequence`. */
function partialPrefixLength(text: string, sequence: string): number {
  for (let length = Math.min(text.length, sequence.length - 1); length > 0; length -= 1) {
    if (sequence.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}
