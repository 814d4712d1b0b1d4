import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { OpenDemoTerminal } from '../rehearse/run-rehearsal.ts';

/**
 * The bench's baseline: the rehearsal as it was before it recorded. One bash per script on
 * pipes (no terminal, no screen, no recording), fed a command at a time; a marker with a random
 * token ends each command's output on both streams. Its `output` is stdout then stderr, which the
 * claims read as they did then. Only for measuring what recording costs.
 */
export const openPipeTerminal: OpenDemoTerminal = (scriptPath, env, cwd) => {
  const marker = `__docker_talk_done_${randomBytes(8).toString('hex')}`;
  const loop = 'while IFS= read -r -d "" __docker_talk_command; do eval "$__docker_talk_command"; done';
  const child = spawn('bash', ['--noprofile', '--norc', '-c', loop, scriptPath], {
    cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  let ended = false;
  let running = false;
  const exited = new Promise<number>((resolve) => {
    child.once('close', (code) => {
      ended = true;
      resolve(code ?? 143);
    });
  });
  return {
    get ended() {
      return ended;
    },
    beginBlock() {},
    endBlock: () => Promise.resolve(undefined),
    async run(command, onOutput) {
      running = true;
      const started = performance.now();
      let stdout = '';
      let stderr = '';
      let exitCode: number | undefined;
      const streams = { out: false, err: false };
      await new Promise<void>((resolve) => {
        const check = () => {
          if (exitCode !== undefined && streams.out && streams.err) resolve();
        };
        const onStdout = (chunk: string) => {
          stdout += chunk;
          onOutput?.(chunk);
          const at = stdout.indexOf(`\n${marker} `);
          const end = at < 0 ? -1 : stdout.indexOf('\n', at + 1);
          if (end < 0) return;
          exitCode = Number(stdout.slice(at + marker.length + 2, end));
          stdout = stdout.slice(0, at);
          streams.out = true;
          child.stdout.off('data', onStdout);
          check();
        };
        const onStderr = (chunk: string) => {
          stderr += chunk;
          onOutput?.(chunk);
          const at = stderr.indexOf(`\n${marker}\n`);
          if (at < 0) return;
          stderr = stderr.slice(0, at);
          streams.err = true;
          child.stderr.off('data', onStderr);
          check();
        };
        child.stdout.on('data', onStdout);
        child.stderr.on('data', onStderr);
        void exited.then((code) => {
          exitCode ??= code;
          streams.out = streams.err = true;
          child.stdout.off('data', onStdout);
          child.stderr.off('data', onStderr);
          check();
        });
        if (!ended) {
          child.stdin.write(
            `{ ${command}\n} </dev/null; __s=$?; printf '\\n%s %d\\n' '${marker}' "$__s"; ` +
              `printf '\\n%s\\n' '${marker}' >&2\0`,
          );
        }
      });
      running = false;
      const output = [stdout.replace(/\s+$/, ''), stderr.replace(/\s+$/, '')].filter(Boolean).join('\n');
      return { exitCode: exitCode ?? 1, output, milliseconds: performance.now() - started };
    },
    async close() {
      if (!ended) {
        child.stdin.end();
        if (running && child.pid) process.kill(-child.pid, 'SIGTERM');
      }
      await exited;
    },
  };
};
