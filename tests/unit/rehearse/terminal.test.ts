import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import xterm from '@xterm/headless';
import { afterAll, describe, expect, it } from 'vitest';
import type { CastEvent } from '../../../src/cast/asciicast.ts';
import { validateRecording } from '../../../src/cast/validate.ts';
import { parseDemoScript } from '../../../src/rehearse/demo-script.ts';
import { createRecordingTerminal, type DemoTerminal } from '../../../src/rehearse/record/recorder.ts';
import { createBlockCast } from '../../../src/rehearse/record/recordings.ts';
import { startShellSession } from '../../../src/rehearse/shell-session.ts';

/**
 * The demo terminal in a real pseudo-terminal, with no Docker: tests/fixtures/terminal/demo.sh
 * prints on both streams, redraws a progress line, prints a line longer than the terminal, fails
 * under set -e and has an EXIT trap. What the claims read (the screen text), what the recording
 * holds and what replaying it shows are checked against values written here.
 */
const SCRIPT = resolve('tests/fixtures/terminal/demo.sh');
const SIZE = { cols: 96, rows: 14 };
const scratch = mkdtempSync(join(tmpdir(), 'docker-talk-terminal-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function open(trapFile: string): DemoTerminal {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TRAP_FILE: trapFile };
  return createRecordingTerminal(startShellSession(SCRIPT, env, scratch, SIZE), SIZE);
}

const script = parseDemoScript('demo.sh', readFileSync(SCRIPT, 'utf8'));
const block = (name: string) => script.blocks.find((candidate) => candidate.name === name)!;

/** What a player shows at the end of the recording: its output events through a terminal of its size. */
async function replay(events: readonly CastEvent[]): Promise<string[]> {
  const terminal = new xterm.Terminal({ ...SIZE, allowProposedApi: true });
  for (const [, code, data] of events) {
    if (code === 'o') await new Promise<void>((done) => terminal.write(data, done));
  }
  const buffer = terminal.buffer.active;
  const rows: string[] = [];
  for (let y = buffer.baseY; y < buffer.baseY + SIZE.rows; y += 1) {
    rows.push(buffer.getLine(y)!.translateToString(true));
  }
  terminal.dispose();
  return rows;
}

interface Ran {
  outputs: { command: string; exitCode: number; output: string }[];
  events: CastEvent[];
  ended: boolean;
}

async function runBlock(terminal: DemoTerminal, name: string): Promise<Ran> {
  terminal.beginBlock();
  const outputs = [];
  for (const { text } of block(name).commands) {
    if (terminal.ended) break;
    const { exitCode, output } = await terminal.run(text);
    outputs.push({ command: text, exitCode, output });
  }
  return { outputs, events: (await terminal.endBlock())!, ended: terminal.ended };
}

describe('the demo terminal (a real pseudo-terminal, no Docker)', () => {
  const trapFile = join(scratch, 'trap.txt');
  const terminal = open(trapFile);
  let basics: Ran;
  let fails: Ran;

  it('runs the set-up lines, then a block: both streams, redraws resolved, long lines joined, state kept', async () => {
    for (const { text } of script.preamble) expect((await terminal.run(text)).exitCode, text).toBe(0);
    basics = await runBlock(terminal, 'basics');
    expect(basics.outputs.map(({ exitCode, output }) => [exitCode, output])).toEqual([
      [0, 'hello'],
      [0, 'to stderr'],
      [0, 'progress 3/3'],
      [0, 'a'.repeat(150)],
      [0, ''],
      // $0 is the script; the variable set by the command before carries; tput sees 96x14.
      [0, 'kept in demo.sh and 96x14'],
    ]);
    expect(basics.ended).toBe(false);
  });

  it('records the block: a marker per command, typed after a prompt, then its output, then x', () => {
    const markers = basics.events.filter(([, code]) => code === 'm').map(([, , label]) => label);
    expect(markers).toEqual([
      'echo hello',
      "printf 'to stderr\\n' >&2",
      `for i in 1 2 3; do printf '\\rprogress %d/3' "$i"; sleep 0.05; done; echo`,
      "printf 'a%.0s' {1..150}; echo",
      'greeting=kept',
      'echo "$greeting in $(basename "$0")" \\\n  "and $(tput cols)x$(tput lines)"',
    ]);
    expect(basics.events.at(-1)).toEqual([0.5, 'x', '0']);
    // Typed one keystroke at a time, after the marker: "echo hello" is 10 events of one character.
    const first = basics.events.findIndex(([, code]) => code === 'm');
    const typed = basics.events.slice(first + 1, first + 11).map(([, , data]) => data);
    expect(typed.join('')).toBe('echo hello');
    expect(typed.every((data) => data.length === 1)).toBe(true);
    // The whole command takes human time in the recording: more than 0.3 s for 10 keystrokes.
    const typingSeconds = basics.events
      .slice(first + 2, first + 12)
      .reduce((sum, [interval]) => sum + interval, 0);
    expect(typingSeconds).toBeGreaterThan(0.3);
  });

  it('replays to the screen a presenter would have shown, with nothing of the machinery', async () => {
    expect(await replay(basics.events)).toEqual([
      '$ echo hello',
      'hello',
      "$ printf 'to stderr\\n' >&2",
      'to stderr',
      `$ for i in 1 2 3; do printf '\\rprogress %d/3' "$i"; sleep 0.05; done; echo`,
      'progress 3/3',
      "$ printf 'a%.0s' {1..150}; echo",
      'a'.repeat(96),
      'a'.repeat(54),
      '$ greeting=kept',
      '$ echo "$greeting in $(basename "$0")" \\',
      '>   "and $(tput cols)x$(tput lines)"',
      'kept in demo.sh and 96x14',
      '$ ',
    ]);
    const shown = basics.events.map(([, , data]) => data).join('');
    expect(shown).not.toMatch(/7719|__docker_talk|stty/);
  });

  it('ends the shell at a failure under set -e with its exit code; the EXIT trap runs; the rest does not', async () => {
    fails = await runBlock(terminal, 'fails');
    expect(fails.outputs).toEqual([
      { command: 'echo before', exitCode: 0, output: 'before' },
      {
        command: 'ls /nonexistent-docker-talk-fixture',
        exitCode: 2,
        output: "ls: cannot access '/nonexistent-docker-talk-fixture': No such file or directory",
      },
    ]);
    expect(fails.ended).toBe(true);
    expect(fails.events.at(-1)![1]).toBe('x');
    expect(fails.events.at(-1)![2]).toBe('2');
    await terminal.close();
    expect(readFileSync(trapFile, 'utf8')).toBe(`trap ran in ${resolve('tests/fixtures/terminal')}\n`);
  });

  it('writes casts that the validator passes, and fails when a marker, an exit code or the time is wrong', () => {
    const origin = (name: string, steps: { command: string; exitCode: number }[]) => ({
      block: `demo/${name}`,
      slide: 'fixture',
      engine: 'Docker Engine 0 (none)',
      engineKey: '0-none',
      scriptHash: 'f'.repeat(64),
      recordedAt: '2026-12-05T07:00:00.000Z',
      steps,
    });
    const expectedOf = (name: string, ran: Ran) => ({
      size: SIZE,
      blockCommands: block(name).commands.map(({ text }) => text),
      steps: ran.outputs.map(({ command, exitCode }) => ({ command, exitCode })),
    });
    for (const [name, ran] of [
      ['basics', basics],
      ['fails', fails],
    ] as const) {
      const cast = createBlockCast(origin(name, expectedOf(name, ran).steps), SIZE, new Date(), ran.events);
      expect(validateRecording(cast, expectedOf(name, ran)), name).toEqual([]);
    }

    const steps = expectedOf('fails', fails).steps;
    const good = createBlockCast(origin('fails', steps), SIZE, new Date(), fails.events);
    const expected = expectedOf('fails', fails);
    // The report says the failing command exited 1, the recording says 2.
    expect(
      validateRecording(good, { ...expected, steps: [steps[0]!, { ...steps[1]!, exitCode: 1 }] }).join('\n'),
    ).toMatch(/the x event says 2, the last step exited 1/);
    // Markers swapped.
    const swapped = structuredClone(good);
    const markerAt = swapped.events.flatMap(([, code], index) => (code === 'm' ? [index] : []));
    const [a, b] = markerAt as [number, number];
    [swapped.events[a]![2], swapped.events[b]![2]] = [swapped.events[b]![2], swapped.events[a]![2]];
    expect(validateRecording(swapped, expected).join('\n')).toMatch(/markers .* are not the steps that ran/);
    // Time going back.
    const back = structuredClone(good);
    back.events[3]![0] = -0.5;
    expect(validateRecording(back, expected).join('\n')).toMatch(/event 4 goes back in time/);
    // The session's status sequence left in the output.
    const leaked = structuredClone(good);
    leaked.events.splice(4, 0, [0, 'o', '\u001b]7719;0123456789abcdef;0\u0007']);
    expect(validateRecording(leaked, expected).join('\n')).toMatch(/machinery/);
    // Shown at another size than recorded.
    expect(validateRecording(good, { ...expected, size: { cols: 80, rows: 24 } }).join('\n')).toMatch(
      /recorded at 96x14, shown at 80x24/,
    );
  });

  it('ends a command that still runs, and its children, on close: the EXIT trap runs', async () => {
    const trap = join(scratch, 'trap-close.txt');
    const interrupted = open(trap);
    for (const { text } of script.preamble) await interrupted.run(text);
    interrupted.beginBlock();
    const running = interrupted.run('sleep 317 & sleep 317; wait');
    await new Promise((done) => setTimeout(done, 300));
    const started = performance.now();
    await interrupted.close();
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await running).exitCode).toBeGreaterThan(128);
    expect(readFileSync(trap, 'utf8')).toMatch(/^trap ran in /);
    // No sleep of this test is left: the process group went with the shell.
    const left = execFileSync('ps', ['-eo', 'args']).toString();
    expect(left).not.toMatch(/^sleep 317$/m);
  });
});
