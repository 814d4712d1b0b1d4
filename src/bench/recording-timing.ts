import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openRecordingTerminal, runRehearsal, type OpenDemoTerminal } from '../rehearse/run-rehearsal.ts';
import { openPipeTerminal } from './pipe-terminal.ts';

export { openPipeTerminal, openRecordingTerminal };

/**
 * Commands like the demos' own, without an engine: short answers, a table, a progress line
 * redrawn 200 times, a few hundred lines of build-like output.
 */
const WORKLOAD = [
  'echo hello',
  'printf "%s\\n" one two three >&2',
  'for i in $(seq 1 200); do printf "\\r%d/200 [%-20.*s]" "$i" $((i / 10)) "===================="; done; echo',
  'for i in $(seq 1 300); do echo "#$i [2/4] COPY app/package.json app/package-lock.json /app/ 0.${i}s done"; done',
  'ls -la /usr/bin | head -n 100',
  'x=1; echo "x is $x"',
  'seq 1 2000 | tail -n 3',
];

/** Milliseconds for one block of WORKLOAD (run 5 times) in a fresh terminal of `open`. */
export async function measureSession(open: OpenDemoTerminal): Promise<{ ms: number; commands: number }> {
  const started = performance.now();
  const terminal = open(resolve('tests/fixtures/terminal/demo.sh'), { PATH: process.env.PATH }, tmpdir());
  terminal.beginBlock();
  let commands = 0;
  for (let round = 0; round < 5; round += 1) {
    for (const command of WORKLOAD) {
      const result = await terminal.run(command);
      if (result.exitCode !== 0) throw new Error(`bench workload: \`${command}\` exited ${result.exitCode}`);
      commands += 1;
    }
  }
  await terminal.endBlock();
  await terminal.close();
  return { ms: performance.now() - started, commands };
}

/** One whole offline rehearsal typed into `open`'s terminals, its report in a folder of its own. */
export async function measureRehearsalWith(
  open: OpenDemoTerminal,
): Promise<{ seconds: number; problems: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'docker-talk-bench-rehearsal-'));
  try {
    const started = performance.now();
    const outcome = await runRehearsal(
      { offline: true, rehearsalDir: dir },
      { line: () => {} },
      new AbortController().signal,
      process.env,
      open,
    );
    return { seconds: (performance.now() - started) / 1000, problems: outcome.failures.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
