import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CastEvent } from '../../src/cast/asciicast.ts';
import { startPresentation, type Presentation } from '../../src/live/runner.ts';
import { loadDemoScripts } from '../../src/rehearse/demo-files.ts';
import type { DockerClient } from '../../src/rehearse/docker-client.ts';
import { readEngineState } from '../../src/rehearse/engine-state.ts';
import { ensureTalkImages, rehearsalEngines } from '../support/docker-engine.ts';
import { expectLiveClaimsHold } from '../support/live-claims.ts';
import {
  startThrowawayEngine,
  throwawayEngineAvailable,
  type ThrowawayEngine,
} from '../support/throwaway-engine.ts';

/**
 * The live runner against a real Docker Engine: a demo block runs step by step over the socket,
 * and what the terminal showed holds the rehearsal's own claims for that block; Ctrl-C in the
 * terminal of `npm run present -- --live` stops it and removes what the demos made; and with a
 * private throwaway engine killed mid-block, the page is told to fall back to the recording.
 */
const engines = await rehearsalEngines();

interface Frames {
  messages: unknown[];
  closed: Promise<{ code: number; reason: string }>;
  ws: WebSocket;
}

function openSocket(origin: string, token: string): Promise<Frames> {
  const ws = new WebSocket(
    `${origin.replace('http', 'ws')}/live`,
    ['docker-talk-live.v1', `docker-talk-token.${token}`],
    {
      origin,
    },
  );
  const messages: unknown[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const closed = new Promise<{ code: number; reason: string }>((done) =>
    ws.once('close', (code, reason) => done({ code, reason: reason.toString() })),
  );
  return new Promise((done, fail) => {
    ws.once('open', () => done({ messages, closed, ws }));
    ws.once('error', fail);
  });
}

/** The socket of a running presentation, as the page it printed would open it. */
function openPresentationSocket(presentation: Presentation): Promise<Frames> {
  const token = new URL(presentation.server.liveUrl!).hash.replace('#live=', '');
  return openSocket(presentation.server.origin, token);
}

async function until(frames: Frames, predicate: (message: Record<string, unknown>) => boolean, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (
    !frames.messages.some(
      (message) =>
        typeof message === 'object' && message !== null && predicate(message as Record<string, unknown>),
    )
  ) {
    if (Date.now() > deadline)
      throw new Error(`timed out; got ${JSON.stringify(frames.messages).slice(-2000)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** What the terminal showed for each step, the typed command taken off: step N → text. */
function outputsByStep(messages: unknown[], commands: string[]): Map<number, string> {
  const outputs = new Map<number, string>();
  let step = 0;
  for (const message of messages) {
    if (!Array.isArray(message)) continue;
    const [, code, data] = message as CastEvent;
    // One marker per step, labelled with its command, as in the recordings.
    if (code === 'm') {
      step += 1;
      expect(data, `the marker of step ${step}`).toBe(commands[step - 1]);
    } else if (code === 'o' && step > 0) outputs.set(step, (outputs.get(step) ?? '') + data);
  }
  for (const [index, command] of commands.entries()) {
    const typed = `$ ${command.replaceAll('\n', '\r\n> ')}\r\n`;
    const shown = outputs.get(index + 1) ?? '';
    expect(shown.startsWith(typed), `step ${index + 1} shows its command first`).toBe(true);
    outputs.set(index + 1, shown.slice(typed.length).replaceAll('\r\n', '\n').trim());
  }
  return outputs;
}

function emptyDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-talk-live-dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>deck</title>');
  return dir;
}

describe.skipIf(engines.length === 0).each(engines)('a live block on $label', ({ env, engine }) => {
  const docker: DockerClient = engine.docker;
  // The block runs alpine:3.24: a stand-in (cached by content) where no registry can be reached,
  // whichever test file ran first.
  beforeAll(async () => {
    await ensureTalkImages(engine, ['alpine:3.24']);
  });

  it("runs 03-containers/data step by step, and what the terminal showed holds the rehearsal's claims for it", async () => {
    const block = loadDemoScripts()
      .flatMap(({ script }) => script.blocks)
      .find((candidate) => candidate.id === '03-containers/data')!;
    const commands = block.commands.map((command) => command.text);
    const before = await readEngineState(docker);
    const log: string[] = [];
    const dist = emptyDist();
    let presentation: Presentation | undefined;
    try {
      presentation = await startPresentation({
        distDir: dist,
        live: true,
        env,
        typingDelayMs: 0,
        log: (line) => log.push(line),
      });
      const frames = await openPresentationSocket(presentation);
      for (let step = 0; step <= commands.length; step += 1) {
        frames.ws.send(JSON.stringify({ block: block.id, step }));
        if (step > 0) await until(frames, (message) => message.type === 'step-done' && message.step === step);
      }
      expect(frames.messages.filter((message) => (message as { type?: string }).type === 'fallback')).toEqual(
        [],
      );
      const outputs = outputsByStep(frames.messages, commands);
      // The rehearsal's claims for this block, fed what the live terminal showed (stdout and
      // stderr are one stream in a terminal).
      await expectLiveClaimsHold(block.id, commands, outputs, engine, 2);
      expect(outputs.get(5)).toBe('kept');
      // The runner checked the same claims itself, on its own reading of the terminal.
      expect(log).toContain(`live  ${block.id}: its claims hold`);
      // One line per step in the presenter's terminal.
      expect(log.filter((line) => line.startsWith(`live  ${block.id} step `))).toHaveLength(commands.length);
      frames.ws.close();
    } finally {
      const problems = await presentation?.stop();
      rmSync(dist, { recursive: true, force: true });
      expect(problems).toEqual([]);
    }
    const after = await readEngineState(docker);
    expect([...after.containers].filter((id) => !before.containers.has(id))).toEqual([]);
    expect([...after.volumes].filter((name) => !before.volumes.has(name))).toEqual([]);
  });

  it('falls back to the recording after a block whose claim no longer holds, naming the claim', async () => {
    // The presenter's examples with the mechanic broken: the file written is not the one read back.
    const examples = mkdtempSync(join(tmpdir(), 'docker-talk-live-claim-'));
    cpSync('assets/examples', examples, { recursive: true });
    const script = join(examples, 'demo', '03-containers.sh');
    const source = readFileSync(script, 'utf8');
    const broken = source.replace("sh -c 'echo kept > /note.txt'", "sh -c 'echo lost > /note.txt'");
    expect(broken).not.toBe(source);
    writeFileSync(script, broken);
    const block = loadDemoScripts(join(examples, 'demo'))
      .flatMap(({ script: loaded }) => loaded.blocks)
      .find((candidate) => candidate.id === '03-containers/data')!;
    const dist = emptyDist();
    const log: string[] = [];
    const presentation = await startPresentation({
      distDir: dist,
      live: true,
      examplesDir: examples,
      env,
      typingDelayMs: 0,
      log: (line) => log.push(line),
    });
    try {
      const frames = await openPresentationSocket(presentation);
      for (let step = 0; step <= block.commands.length; step += 1) {
        frames.ws.send(JSON.stringify({ block: block.id, step }));
        if (step > 0) await until(frames, (message) => message.type === 'step-done' && message.step === step);
      }
      await until(frames, (message) => message.type === 'fallback');
      const fallback = frames.messages.find((message) => (message as { type?: string }).type === 'fallback');
      expect(fallback).toMatchObject({
        type: 'fallback',
        block: block.id,
        step: block.commands.length,
        reason: 'claim failed',
      });
      expect((fallback as { message: string }).message).toContain(
        `claim failed (the claim "a file in the container's layer survives stop and start, and is gone with rm" does not hold: after stop and start the file reads "lost")`,
      );
      frames.ws.close();
    } finally {
      expect(await presentation.stop()).toEqual([]);
      rmSync(dist, { recursive: true, force: true });
      rmSync(examples, { recursive: true, force: true });
    }
  });

  it('Ctrl-C in the terminal of npm run present -- --live closes the socket, and removes what the demos made', async () => {
    const dist = emptyDist();
    const before = await readEngineState(docker);
    const child: ChildProcess = spawn(
      'node_modules/.bin/tsx',
      ['scripts/present.ts', '--live', '--dist', dist, '--port', '0'],
      {
        env: { ...env, CI: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number>((done) => child.once('close', (code) => done(code ?? -1)));
    try {
      const deadline = Date.now() + 60_000;
      while (!/open (http:\/\/127\.0\.0\.1:\d+\/#live=[0-9a-f]{64})/.test(stdout)) {
        if (Date.now() > deadline) throw new Error(`no URL printed: ${stdout} ${stderr}`);
        await new Promise((done) => setTimeout(done, 50));
      }
      const url = new URL(/open (http:\/\/127\.0\.0\.1:\d+\/#live=[0-9a-f]{64})/.exec(stdout)![1]!);
      const frames = await openSocket(url.origin, url.hash.replace('#live=', ''));
      frames.ws.send(JSON.stringify({ block: '03-containers/data', step: 1 }));
      await until(frames, (message) => message.type === 'step-done' && message.step === 1);
      expect(
        (await docker.run(['container', 'inspect', 'keeper', '--format', '{{.State.Running}}'])).stdout,
      ).toBe('true');
      child.kill('SIGINT');
      expect(await frames.closed).toEqual({ code: 1001, reason: 'the runner stopped' });
      expect(await exited).toBe(0);
      expect(stderr).toMatch(
        /live {2}03-containers\/data step 1: docker run -d --init --name keeper alpine:3\.24 sleep 600 → exit 0/,
      );
      expect(stderr).toContain(
        'cleaning up: removing the containers, images, volumes and networks the demos made',
      );
      expect((await docker.run(['container', 'inspect', 'keeper'])).code).not.toBe(0);
      const after = await readEngineState(docker);
      expect([...after.containers].filter((id) => !before.containers.has(id))).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

/** A throwaway engine of its own (never the shared ones): started here, killed mid-block. */
describe.skipIf(engines.length === 0 || !throwawayEngineAvailable())('the engine goes away mid-block', () => {
  let engine: ThrowawayEngine;
  let folder: string;
  beforeAll(async () => {
    engine = await startThrowawayEngine();
    folder = mkdtempSync(join(tmpdir(), 'docker-talk-live-engine-'));
  });
  afterAll(() => {
    engine?.remove();
    rmSync(folder, { recursive: true, force: true });
  });

  it('tells the page to fall back to the recording at the step the engine stopped answering', async () => {
    const examples = join(folder, 'examples');
    mkdirSync(join(examples, 'demo'), { recursive: true });
    writeFileSync(
      join(examples, 'demo', '01-engine.sh'),
      [
        'set -euo pipefail',
        '# block: engine  slide: engine',
        "docker version --format '{{.Server.Version}}'",
        "docker info --format '{{.ServerVersion}}'",
        'docker image ls',
        '',
      ].join('\n'),
    );
    const dist = emptyDist();
    const log: string[] = [];
    const presentation = await startPresentation({
      distDir: dist,
      live: true,
      examplesDir: examples,
      typingDelayMs: 0,
      env: engine.env,
      log: (line) => log.push(line),
    });
    try {
      const frames = await openPresentationSocket(presentation);
      frames.ws.send(JSON.stringify({ block: '01-engine/engine', step: 1 }));
      await until(frames, (message) => message.type === 'step-done' && message.step === 1);
      // The engine stops, mid-block.
      await engine.kill();
      frames.ws.send(JSON.stringify({ block: '01-engine/engine', step: 2 }));
      await until(frames, (message) => message.type === 'fallback');
      const fallback = frames.messages.find((message) => (message as { type?: string }).type === 'fallback');
      expect(fallback).toEqual({
        type: 'fallback',
        block: '01-engine/engine',
        step: 2,
        reason: 'engine not answering',
        message: `fall back to the recording at step 2: engine not answering (no answer from ${engine.host})`,
      });
      expect(
        log.some((line) =>
          line.includes('01-engine/engine step 2: falling back to the recording: engine not answering'),
        ),
      ).toBe(true);
      frames.ws.close();
    } finally {
      // The engine is gone: its cleanup can only report that.
      await presentation.stop();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
