import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CastEvent, CastHeader } from '../../../src/cast/asciicast.ts';
import { loadDemoScripts } from '../../../src/rehearse/demo-files.ts';
import type { LiveControl } from '../../../src/live/protocol.ts';
import type { LiveStep } from '../../../src/live/claims.ts';
import {
  createLiveSession,
  type LiveFrame,
  type LiveSession,
  type SessionOptions,
} from '../../../src/live/session.ts';

/**
 * The session runs steps of a fixture script in a real pseudo-terminal (no engine: the engine
 * check is a stub), streams asciicast v3, and signals fallbacks. tests/fixtures/live/demo/.
 */
const FIXTURE = resolve('tests/fixtures/live');
const ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: '/nonexistent-home',
  TERM: 'xterm-256color',
  LANG: 'C.UTF-8',
  DOCKER_HOST: 'unix:///nonexistent/docker.sock',
};

interface Harness {
  session: LiveSession;
  frames: LiveFrame[];
  log: string[];
  /** The text of every `o` event so far. */
  output(): string;
  controls(): LiveControl[];
  until(predicate: (frames: LiveFrame[]) => boolean, ms?: number): Promise<void>;
}

let open: LiveSession | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

function harness(
  overrides: {
    stepTimeoutMs?: number;
    engineAnswers?: () => Promise<boolean>;
    checkClaims?: SessionOptions['checkClaims'];
  } = {},
): Harness {
  const frames: LiveFrame[] = [];
  const log: string[] = [];
  const session = createLiveSession({
    scripts: loadDemoScripts(join(FIXTURE, 'demo')),
    cwd: FIXTURE,
    env: ENV,
    stepTimeoutMs: overrides.stepTimeoutMs ?? 20_000,
    typingDelayMs: 0,
    engineAnswers: overrides.engineAnswers ?? (async () => true),
    ...(overrides.checkClaims ? { checkClaims: overrides.checkClaims } : {}),
    log: (line) => log.push(line),
    send: (frame) => frames.push(frame),
  });
  open = session;
  const events = () => frames.filter((frame): frame is CastEvent => Array.isArray(frame));
  return {
    session,
    frames,
    log,
    output: () =>
      events()
        .filter(([, code]) => code === 'o')
        .map(([, , data]) => data)
        .join(''),
    controls: () => frames.filter((frame): frame is LiveControl => !Array.isArray(frame) && 'type' in frame),
    async until(predicate, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!predicate(frames)) {
        if (Date.now() > deadline)
          throw new Error(`timed out; frames: ${JSON.stringify(frames).slice(-1500)}`);
        await new Promise((done) => setTimeout(done, 20));
      }
    },
  };
}

describe('a live session', () => {
  it('streams a block as asciicast v3: a header, a marker per step, the command typed, then its output', async () => {
    const h = harness();
    await h.session.run('01-steps/echo', 0);
    await h.session.run('01-steps/echo', 1);
    await h.session.run('01-steps/echo', 2);
    await h.session.run('01-steps/echo', 3);

    const header = h.frames[0] as CastHeader;
    expect(header).toMatchObject({ version: 3, term: { cols: 96, rows: 14 }, title: '01-steps/echo' });
    const events = h.frames.filter((frame): frame is CastEvent => Array.isArray(frame));
    expect(events.filter(([, code]) => code === 'm').map(([, , label]) => label)).toEqual([
      'echo "$greeting from $(basename "$PWD")"',
      "printf 'line %s\\n' 1 2 3",
      'echo "second \\\nline"',
    ]);
    for (const [interval] of events) expect(interval).toBeGreaterThanOrEqual(0);
    const output = h.output();
    // The set-up line set `greeting` and moved to the fixture's folder, unseen.
    expect(output).not.toContain('set -euo pipefail');
    expect(output).toContain('$ echo "$greeting from $(basename "$PWD")"\r\nhello from live\r\n');
    expect(output).toContain("$ printf 'line %s\\n' 1 2 3\r\nline 1\r\nline 2\r\nline 3\r\n");
    // A continued command shows as typed, with the shell's continuation prompt.
    expect(output).toContain('$ echo "second \\\r\n> line"\r\nsecond line\r\n');
    // The command shows before its output: the marker, the typed text, the output.
    const marker = events.findIndex(([, code, data]) => code === 'm' && data.startsWith('echo "$greeting'));
    const typedE = events.findIndex(
      ([, code, data], index) => index > marker && code === 'o' && data === 'e',
    );
    const answer = events.findIndex(([, code, data]) => code === 'o' && data.includes('hello from live'));
    expect(marker).toBeGreaterThan(-1);
    expect(typedE).toBeGreaterThan(marker);
    expect(answer).toBeGreaterThan(typedE);
    expect(h.controls()).toEqual([
      { type: 'step-done', block: '01-steps/echo', step: 1, seconds: expect.any(Number) },
      { type: 'step-done', block: '01-steps/echo', step: 2, seconds: expect.any(Number) },
      { type: 'step-done', block: '01-steps/echo', step: 3, seconds: expect.any(Number) },
    ]);
    // One line per step in the presenter's terminal.
    expect(h.log).toHaveLength(3);
    expect(h.log[0]).toMatch(
      /^live {2}01-steps\/echo step 1: echo "\$greeting from \$\(basename "\$PWD"\)" → exit 0 \(\d+\.\d s\)$/,
    );
  });

  it('gives the shell only the environment it was handed (the runner hands it PATH, HOME, TERM, LANG, DOCKER_HOST)', async () => {
    process.env.DOCKER_TALK_LIVE_TEST_SECRET = 'must-not-leak';
    try {
      const h = harness();
      await h.session.run('01-steps/env', 1);
      const names = h
        .output()
        .split('\r\n')
        .slice(1)
        .filter((line) => /^[A-Z_][A-Z0-9_]*$/.test(line));
      // bash adds PWD, OLDPWD (the set-up's cd), SHLVL and _ itself; nothing else may appear.
      expect(names.sort()).toEqual([
        'DOCKER_HOST',
        'HOME',
        'LANG',
        'OLDPWD',
        'PATH',
        'PWD',
        'SHLVL',
        'TERM',
        '_',
      ]);
    } finally {
      delete process.env.DOCKER_TALK_LIVE_TEST_SECRET;
    }
  });

  it('falls back when a step times out, and ends its process group', async () => {
    const h = harness({ stepTimeoutMs: 1500 });
    await h.session.run('01-steps/slow', 1);
    expect(h.controls()).toEqual([
      {
        type: 'fallback',
        block: '01-steps/slow',
        step: 1,
        reason: 'step timed out',
        message: 'fall back to the recording at step 1: step timed out (after 1.5 s)',
      },
    ]);
    expect(sleepers('30.123')).toEqual([]);
    expect(h.log.at(-1)).toContain('falling back to the recording: step timed out');
  });

  it('falls back on a non-zero exit, naming the step', async () => {
    const h = harness();
    await h.session.run('01-steps/fails', 1);
    await h.session.run('01-steps/fails', 2);
    await h.session.run('01-steps/fails', 3);
    expect(h.controls().map((control) => control.type === 'fallback' && control.message)).toEqual([
      false,
      'fall back to the recording at step 2: non-zero exit (exit 1)',
      'fall back to the recording at step 3: shell ended (an earlier step of this block fell back)',
    ]);
    // `echo after` never ran: the shell ended with the script's set -e, as the script would.
    expect(h.output()).not.toContain('after\r\n');
    expect(h.frames.some((frame) => Array.isArray(frame) && frame[1] === 'x' && frame[2] === '1')).toBe(true);
  });

  it('says "engine not answering" when the engine is gone, before a block starts and after a failed step', async () => {
    let answers = true;
    const h = harness({ engineAnswers: async () => answers });
    await h.session.run('01-steps/fails', 1);
    answers = false;
    await h.session.run('01-steps/fails', 2);
    expect(h.controls().at(-1)).toMatchObject({ type: 'fallback', step: 2, reason: 'engine not answering' });
    await h.session.run('01-steps/echo', 0);
    expect(h.controls().at(-1)).toEqual({
      type: 'fallback',
      block: '01-steps/echo',
      step: 0,
      reason: 'engine not answering',
      message:
        'fall back to the recording at step 0: engine not answering (no answer from unix:///nonexistent/docker.sock)',
    });
  });

  it('ends the running step when the slide is left, and runs the next block after', async () => {
    const h = harness();
    void h.session.run('01-steps/slow', 1);
    await h.until(() => sleepers('30.123').length > 0);
    await h.session.leave();
    expect(sleepers('30.123')).toEqual([]);
    await h.session.run('01-steps/echo', 1);
    expect(h.output()).toContain('hello from live');
    expect(h.log.some((line) => line.includes('ended: the slide was left'))).toBe(true);
  });

  it('ends the running step when it closes', async () => {
    const h = harness();
    void h.session.run('01-steps/slow', 1);
    await h.until(() => sleepers('30.123').length > 0);
    await h.session.close();
    expect(sleepers('30.123')).toEqual([]);
  });

  it("after a block's last command, checks its claims on what the terminal showed, and falls back when one does not hold", async () => {
    const seen: { block: string; steps: LiveStep[] }[] = [];
    let verdict: string | undefined =
      'the claim "the greeting names the folder" does not hold: it said "hello from live"';
    const h = harness({
      checkClaims: async (block, steps) => {
        seen.push({ block, steps: structuredClone(steps) });
        return verdict;
      },
    });
    for (const step of [0, 1, 2, 3]) await h.session.run('01-steps/echo', step);
    // What each command printed as the screen showed it (the rehearsal's reading), not the raw stream.
    const took = { exitCode: 0, milliseconds: expect.any(Number) };
    expect(seen).toEqual([
      {
        block: '01-steps/echo',
        steps: [
          {
            command: 'echo "$greeting from $(basename "$PWD")"',
            result: { ...took, output: 'hello from live' },
          },
          { command: "printf 'line %s\\n' 1 2 3", result: { ...took, output: 'line 1\nline 2\nline 3' } },
          { command: 'echo "second \\\nline"', result: { ...took, output: 'second line' } },
        ],
      },
    ]);
    expect(h.controls().at(-1)).toEqual({
      type: 'fallback',
      block: '01-steps/echo',
      step: 3,
      reason: 'claim failed',
      message: `fall back to the recording at step 3: claim failed (${verdict})`,
    });
    // Claims that hold: the log says so, and nothing falls back.
    verdict = undefined;
    const controls = h.controls().length;
    for (const step of [0, 1, 2, 3]) await h.session.run('01-steps/echo', step);
    expect(h.log.at(-1)).toBe('live  01-steps/echo: its claims hold');
    expect(
      h
        .controls()
        .slice(controls)
        .filter((control) => control.type === 'fallback'),
    ).toEqual([]);
    expect(seen).toHaveLength(2);
  });
});

/** Processes whose command line holds `sleep <seconds>`. */
function sleepers(seconds: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0]?.endsWith('sleep') && args[1] === seconds) found.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}
