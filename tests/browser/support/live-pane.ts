import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { createLiveServer, type LiveServer } from '../../../src/live/server.ts';
import { createLiveSession, type LiveSession } from '../../../src/live/session.ts';
import { loadDemoScripts } from '../../../src/rehearse/demo-files.ts';
import { testLiveEndpoint } from '../../support/live-session.ts';
import { expectedTail, fixtureSteps } from './demo-pane.ts';
import { buildPaneFixture, PANE_FIXTURE } from './demo-pane-deck.ts';

/**
 * The live runner's server on the demo pane's fixture deck, for the live pane's browser tests
 * (Chromium and Firefox): its real session runs the fixture's commands (ordinary shell commands,
 * no engine) in bash under node-pty, and the test sees what the page asked of it.
 */
export interface LivePaneRunner {
  server: LiveServer;
  /** What the page asked the runner, in order: `01-files/listing 2`, `leave`. */
  asked: string[];
  sessions: LiveSession[];
  /** Takes a tool off the shells' PATH: the next command that needs it exits 127. */
  removeTool(tool: string): void;
  /** How long a closed socket's session takes to end (a shell that is slow to go). */
  closeDelayMs: number;
  /** Tools back, no delay: after each test. */
  reset(): void;
  close(): Promise<void>;
}

const TOKEN = 'c0ffee00'.repeat(8);
/** bash and the fixture's commands beyond its builtins, each a link in the shells' PATH. */
const TOOLS = ['bash', 'seq', 'mkdir', 'touch', 'ls', 'date'];
export const LIVE_ENGINE_LINE = 'Docker Engine 0.0-test at unix:///nowhere';
export const LISTING = fixtureSteps('01-files/listing');

export async function startLivePaneRunner(outDir: string): Promise<LivePaneRunner> {
  const dist = await buildPaneFixture(outDir);
  const work = mkdtempSync(join(tmpdir(), 'docker-talk-live-pane-'));
  cpSync(PANE_FIXTURE, join(work, 'examples'), { recursive: true });
  // The shells' whole PATH: a tool removed from it makes a command fail, as on a real machine.
  const tools = join(work, 'bin');
  mkdirSync(tools);
  const linkTools = () => {
    for (const tool of TOOLS) {
      rmSync(join(tools, tool), { force: true });
      symlinkSync(tool === 'bash' ? '/bin/bash' : `/usr/bin/${tool}`, join(tools, tool));
    }
  };
  linkTools();
  const scripts = loadDemoScripts(join(work, 'examples', 'demo'));
  const runner: Omit<LivePaneRunner, 'server'> = {
    asked: [],
    sessions: [],
    removeTool: (tool) => unlinkSync(join(tools, tool)),
    closeDelayMs: 0,
    reset() {
      linkTools();
      runner.closeDelayMs = 0;
    },
    async close() {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
  const server = await createLiveServer({
    distDir: dist,
    live: testLiveEndpoint(scripts, {
      token: TOKEN,
      engine: LIVE_ENGINE_LINE,
      createSession: (send) => {
        const session = createLiveSession({
          scripts,
          cwd: join(work, 'examples'),
          env: { PATH: tools, HOME: '/', TERM: 'xterm-256color', LANG: 'C.UTF-8', DOCKER_HOST: 'unix:///x' },
          stepTimeoutMs: 20_000,
          typingDelayMs: 0,
          engineAnswers: async () => true,
          log: () => undefined,
          send,
        });
        runner.sessions.push(session);
        return {
          run: (block, step) => (runner.asked.push(`${block} ${step}`), session.run(block, step)),
          leave: () => (runner.asked.push('leave'), session.leave()),
          close: async () => {
            await new Promise((done) => setTimeout(done, runner.closeDelayMs));
            await session.close();
          },
        };
      },
    }),
  });
  return Object.assign(runner, { server });
}

/** The pane of the current slide: which source shows, how far, and its bar's label. */
export function paneNow() {
  const pane = document.querySelector<HTMLElement>('section.present .demo-pane');
  return {
    source: pane?.dataset.source ?? null,
    ran: pane?.dataset.ran ?? null,
    label: pane?.querySelector('.demo-pane-source')?.textContent ?? null,
  };
}

/** Waits until the pane shows `source` at `ran` commands. */
export async function expectPane(page: Page, source: 'live' | 'recording', ran: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(paneNow), { timeout: 10_000, interval: 50, message: `${source} at ${ran}` })
    .toMatchObject({ source, ran: String(ran) });
}

/** What the live terminal shows after `ran` commands: the recording's screen without its last prompt. */
export function liveTail(ran: number): string[] {
  return expectedTail(LISTING, ran).slice(0, -1);
}
