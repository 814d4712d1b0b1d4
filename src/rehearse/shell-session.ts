import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { CommandResult } from './claim-types.ts';

export type { CommandResult };

export interface ShellSession {
  /** Runs one command in the session, as if typed at its prompt; `onOutput` sees output as it comes. */
  run(command: string, onOutput?: (chunk: string) => void): Promise<CommandResult>;
  /** True once the shell has ended (the script's `set -e` after a failure, `exit`, a signal). */
  readonly ended: boolean;
  /** Ends the shell: its EXIT traps run (the demo scripts restore their edits there). */
  close(): Promise<void>;
}

/**
 * One bash for one demo script, fed a command at a time: like a presenter typing in a terminal,
 * state (the working folder, variables, functions, traps) carries from command to command and
 * from block to block. `$0` is the script's path, so its own `cd "$(dirname "$0")/.."` works.
 *
 * Each command is sent NUL-terminated and run by `eval` in the shell itself (not a subshell), its
 * stdin closed so it cannot swallow the commands after it; a marker with a random token then ends
 * its output on both streams. Under the script's own `set -e` a failing command ends the shell,
 * exactly as it would end the script: its exit code is the shell's.
 */
export function startShellSession(scriptPath: string, env: NodeJS.ProcessEnv, cwd: string): ShellSession {
  const token = randomBytes(8).toString('hex');
  const marker = `__docker_talk_done_${token}`;
  const loop = 'while IFS= read -r -d "" __docker_talk_command; do eval "$__docker_talk_command"; done';
  const child: ChildProcessWithoutNullStreams = spawn(
    'bash',
    ['--noprofile', '--norc', '-c', loop, scriptPath],
    {
      cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: Ctrl-C reaches the rehearsal, which ends the shell and its children
      // in order (the EXIT traps restore the demo's edits) and then cleans up the engine.
      detached: true,
    },
  );
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  const exited = new Promise<number>((resolve) => {
    child.once('close', (code, signal) => resolve(code ?? 128 + signalNumber(signal)));
  });

  let running = false;
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    get ended() {
      return ended;
    },
    async run(command, onOutput) {
      if (running) throw new Error('one command at a time');
      running = true;
      const started = performance.now();
      let stdout = '';
      let stderr = '';
      let exitCode: number | undefined;
      let stdoutDone = false;
      let stderrDone = false;
      const outcome = new Promise<void>((resolve) => {
        const check = () => {
          if (exitCode !== undefined && stdoutDone && stderrDone) resolve();
        };
        const onStdout = (chunk: string) => {
          stdout += chunk;
          const at = stdout.indexOf(`\n${marker} `);
          if (at >= 0) {
            const rest = stdout.slice(at + marker.length + 2);
            const newline = rest.indexOf('\n');
            if (newline < 0) return;
            exitCode = Number(rest.slice(0, newline));
            stdout = stdout.slice(0, at);
            stdoutDone = true;
            child.stdout.off('data', onStdout);
            check();
          } else onOutput?.(chunk);
        };
        const onStderr = (chunk: string) => {
          stderr += chunk;
          const at = stderr.indexOf(`\n${marker}\n`);
          if (at >= 0) {
            stderr = stderr.slice(0, at);
            stderrDone = true;
            child.stderr.off('data', onStderr);
            check();
          } else onOutput?.(chunk);
        };
        child.stdout.on('data', onStdout);
        child.stderr.on('data', onStderr);
        void exited.then((code) => {
          // The shell ended (set -e, `exit`, a signal): what it printed is all there is.
          exitCode ??= code;
          stdoutDone = true;
          stderrDone = true;
          child.stdout.off('data', onStdout);
          child.stderr.off('data', onStderr);
          check();
        });
      });
      const wrapped =
        `{ ${command}\n} </dev/null; __docker_talk_status=$?; ` +
        `printf '\\n%s %d\\n' '${marker}' "$__docker_talk_status"; printf '\\n%s\\n' '${marker}' >&2\0`;
      if (child.exitCode === null && child.signalCode === null) child.stdin.write(wrapped);
      await outcome;
      running = false;
      return {
        exitCode: exitCode ?? 1,
        stdout: stdout.replace(/\s+$/, ''),
        stderr: stderr.replace(/\s+$/, ''),
        milliseconds: performance.now() - started,
      };
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin.end();
        // A command may still run after an interrupt: end it and its children; bash runs its EXIT trap.
        if (running && child.pid) process.kill(-child.pid, 'SIGTERM');
      }
      await exited;
    },
  };
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return signal ? (numbers[signal] ?? 0) : 0;
}
