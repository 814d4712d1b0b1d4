import type { KnownBlock } from '../../src/live/guard.ts';
import type { LiveEndpoint } from '../../src/live/server.ts';
import { createLiveSession } from '../../src/live/session.ts';
import type { loadDemoScripts } from '../../src/rehearse/demo-files.ts';

type SessionOptions = Parameters<typeof createLiveSession>[0];

/**
 * A live session for tests that need no engine: a fixed clean environment, the engine always
 * "answering", no typing delay and no log, so a test sees only what its scripts print.
 */
export function createTestLiveSession(
  scripts: SessionOptions['scripts'],
  cwd: string,
  send: SessionOptions['send'],
): ReturnType<typeof createLiveSession> {
  return createLiveSession({
    scripts,
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: '/',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      DOCKER_HOST: 'unix:///x',
    },
    stepTimeoutMs: 20_000,
    typingDelayMs: 0,
    engineAnswers: async () => true,
    log: () => undefined,
    send,
  });
}

/**
 * The runner's endpoint for tests, from demo scripts as loaded: every block known, no script
 * changed, and a hello that lists them with the given engine line.
 */
export function testLiveEndpoint(
  scripts: ReturnType<typeof loadDemoScripts>,
  options: { token: string; engine: string; createSession: LiveEndpoint['createSession'] },
): LiveEndpoint {
  const blocks = new Map<string, KnownBlock>(
    scripts.flatMap(({ script }) =>
      script.blocks.map(
        (block) => [block.id, { steps: block.commands.length, script: script.file }] as const,
      ),
    ),
  );
  return {
    token: options.token,
    blocks,
    changedScripts: () => new Set(),
    hello: {
      blocks: [...blocks].map(([id, block]) => ({ id, steps: block.steps })),
      engine: options.engine,
      stepTimeoutSeconds: 20,
    },
    createSession: options.createSession,
  };
}
