import { createLiveSession } from '../../src/live/session.ts';

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
