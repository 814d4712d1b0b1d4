import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, constants as fsConstants, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from '@lydell/node-pty';
import { createStepEndScanner, stepEndSequence } from './step-end.ts';

/** How a command ended: its exit status, or the shell's when the shell itself ended. */
export interface ShellResult {
  status: number;
  /** The shell ended (the script's `set -e` after a failure, a signal): its state is gone. */
  shellEnded: boolean;
}

export interface ScriptShell {
  /** Runs one command; `onOutput` sees the terminal's output as it comes. One at a time. */
  run(command: string, onOutput: (text: string) => void): Promise<ShellResult>;
  readonly running: boolean;
  readonly ended: boolean;
  /** Ends the shell's whole process group (the command that runs, and the shell). */
  kill(): Promise<void>;
}

export interface ScriptShellOptions {
  /** The demo script: `$0` of the shell, so its own `cd "$(dirname "$0")/.."` works. */
  scriptPath: string;
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
}

/**
 * One `bash --norc --noprofile` in a real pseudo-terminal for one demo script, fed a command at
 * a time, so state (the folder, variables, functions, `set -e`) carries from command to command
 * and block to block, as in the presenter's own terminal.
 *
 * Commands reach the shell through a FIFO in a private folder, never through the terminal: the
 * terminal's input is written by nothing at all, so there is no keystroke path into it. Each
 * command is `eval`ed with stdin from /dev/null (as the rehearsal runs it); then the shell
 * prints the step's end (see `step-end.ts`) with the exit status.
 *
 * The pseudo-terminal makes the shell a session and process group leader; a non-interactive
 * bash runs its commands in that same group, so ending the group ends the step and all it started.
 */
export function startScriptShell(options: ScriptShellOptions): ScriptShell {
  const nonce = randomBytes(12).toString('hex');
  const folder = mkdtempSync(join(tmpdir(), 'docker-talk-live-'));
  const fifo = join(folder, 'commands');
  execFileSync('mkfifo', ['-m', '600', fifo]);
  // Read and write: opening a FIFO this way does not wait for the reader (Linux, macOS).
  const writer = openSync(fifo, fsConstants.O_RDWR);
  const { prefix, terminator } = stepEndSequence(nonce);
  const printfEnd = `printf '${escapeForPrintf(prefix)}%d${escapeForPrintf(terminator)}' "$?"`;
  const loop =
    `exec 3<${quote(fifo)}; ` +
    `while IFS= read -r -d '' __docker_talk_command <&3; do eval "$__docker_talk_command" </dev/null; ${printfEnd}; done`;
  const terminal = pty.spawn('bash', ['--norc', '--noprofile', '-c', loop, options.scriptPath], {
    name: options.env.TERM ?? 'xterm-256color',
    cols: options.cols,
    rows: options.rows,
    cwd: options.cwd,
    env: options.env,
  });
  let ended = false;
  let exitStatus = 0;
  let listener: ((text: string) => void) | undefined;
  const exited = new Promise<void>((resolve) => {
    terminal.onExit(({ exitCode, signal }) => {
      ended = true;
      exitStatus = signal ? 128 + signal : exitCode;
      closeSync(writer);
      rmSync(folder, { recursive: true, force: true });
      resolve();
    });
  });
  terminal.onData((data) => listener?.(data));
  let running = false;

  return {
    get running() {
      return running;
    },
    get ended() {
      return ended;
    },
    async run(command, onOutput) {
      if (running) throw new Error('one command at a time');
      if (ended) return { status: exitStatus, shellEnded: true };
      running = true;
      const scanner = createStepEndScanner(nonce);
      try {
        return await new Promise<ShellResult>((resolve) => {
          listener = (data) => {
            const { show, status } = scanner.push(data);
            if (show) onOutput(show);
            if (status !== undefined) resolve({ status, shellEnded: false });
          };
          void exited.then(() => resolve({ status: exitStatus, shellEnded: true }));
          writeSync(writer, `${command}\0`);
        });
      } finally {
        listener = undefined;
        running = false;
      }
    },
    async kill() {
      if (ended) return;
      const group = -terminal.pid;
      signalGroup(group, 'SIGTERM');
      const killed = setTimeout(() => signalGroup(group, 'SIGKILL'), 2000);
      await exited;
      clearTimeout(killed);
      // What the shell left behind in its group (a child that ignored SIGTERM) goes too.
      signalGroup(group, 'SIGKILL');
    },
  };
}

function signalGroup(group: number, signal: NodeJS.Signals) {
  try {
    process.kill(group, signal);
  } catch {
    // The group is gone already.
  }
}

function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function escapeForPrintf(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char === '%') return '%%';
      if (char === '\\') return '\\\\';
      if (char === "'") return `'\\''`;
      return code < 0x20 ? `\\${code.toString(8).padStart(3, '0')}` : char;
    })
    .join('');
}
