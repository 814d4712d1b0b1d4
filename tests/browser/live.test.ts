import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  openWatchedPage,
  supportTranspiledCallbacks,
  waitForDeck,
} from '../../src/export/driver/deck-page.ts';
import { openSpeakerWindow, waitForSpeakerFrames } from '../../src/export/driver/speaker-window.ts';
import { createLiveServer, type LiveServer } from '../../src/live/server.ts';
import { loadDemoScripts } from '../../src/rehearse/demo-files.ts';
import { useSharedBrowser } from './support/shared-browser.ts';
import { createTestLiveSession, testLiveEndpoint } from '../support/live-session.ts';

/**
 * The live runner's server with the built deck in a real Chromium: the token arrives in the
 * URL fragment and is gone from the URL before reveal.js and the speaker view see it; the
 * page's own origin may open the socket (the deck's Content-Security-Policy lets it), a page of
 * another localhost origin may not, even holding the token; and the build holds none of the
 * runner's code.
 */
const browser = useSharedBrowser();
const TOKEN = 'feedface'.repeat(8);
const FIXTURE = resolve('tests/fixtures/live');
let server: LiveServer;
let sessions = 0;
let foreign: Server;
let foreignOrigin: string;

beforeAll(async () => {
  const scripts = loadDemoScripts(join(FIXTURE, 'demo'));
  server = await createLiveServer({
    distDir: inject('distDir'),
    // The fixture's blocks, none of them the talk's: the deck asks the runner for none of them.
    live: testLiveEndpoint(scripts, {
      token: TOKEN,
      engine: 'stub',
      createSession: (send) => {
        sessions += 1;
        return createTestLiveSession(scripts, FIXTURE, send);
      },
    }),
  });
  // Another localhost origin, as a demo container's page on 127.0.0.1:8081 would be.
  foreign = createServer((_, response) => response.end('<!doctype html><title>a demo container</title>'));
  await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', () => done()));
  foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await server?.close();
  // Chromium keeps its connections to the page open: without closing them, close() waits for
  // them (measured: 33 s of idle before the next test file).
  foreign?.closeAllConnections();
  await new Promise<void>((done) => foreign?.close(() => done()));
});

/**
 * Opens the socket from inside a page, as the deck's client does; resolves with what came first:
 * a message, a close, the constructor's exception, or nothing at all within 3 s (a socket the
 * page's policy blocked gets no event in Chromium).
 */
function openFromPage(url: string, token: string) {
  return new Promise<{ message?: { type: string }; code?: number; reason?: string; blocked?: string }>(
    (done) => {
      try {
        const ws = new WebSocket(url, ['docker-talk-live.v1', `docker-talk-token.${token}`]);
        ws.onmessage = (event) => {
          done({ message: JSON.parse(String(event.data)) as { type: string } });
          ws.close();
        };
        ws.onclose = (event) => done({ code: event.code, reason: event.reason });
        setTimeout(() => done({ blocked: `no answer, readyState ${ws.readyState}` }), 3000);
      } catch (error) {
        done({ blocked: String(error) });
      }
    },
  );
}

describe('the live deck in Chromium', () => {
  it('takes the token out of the URL before reveal.js starts, keeps it for the tab, and connects with it (one session)', async () => {
    const { page, problems } = await openWatchedPage(browser(), server.origin);
    try {
      await page.goto(`${server.liveUrl}&/container-is-a-process`);
      await waitForDeck(page);
      expect(page.url()).not.toContain(TOKEN);
      // The slide named after the token is where the deck opened.
      expect(page.url()).toMatch(/#\/container-is-a-process$/);
      expect(await page.evaluate(() => sessionStorage.getItem('docker-talk-live-token'))).toBe(TOKEN);
      // The deck connects by itself and holds the runner's one session; a second socket, even
      // from its own page with the token, is refused.
      await expect.poll(() => server.sessionOpen, { timeout: 10_000 }).toBe(true);
      const answer = await page.evaluate(openFromPage, `${server.origin.replace('http', 'ws')}/live`, TOKEN);
      expect(answer).toEqual({ code: 4409, reason: 'another session holds the runner: one deck at a time' });
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);

      // The speaker view's frames load the deck again (?receiver): no token in their URLs.
      const speaker = await openSpeakerWindow(page);
      await waitForSpeakerFrames(speaker);
      const frameUrls = speaker.frames().map((frame) => frame.url());
      expect(frameUrls.some((url) => url.includes('receiver'))).toBe(true);
      for (const url of frameUrls) expect(url).not.toContain(TOKEN);
      await speaker.close();
    } finally {
      await page.close();
    }
  });

  it('a page of another localhost origin is refused (4403) even with the token; localhost:<same port> gets no deck (421)', async () => {
    const page = await browser().newPage();
    await supportTranspiledCallbacks(page);
    try {
      await page.goto(foreignOrigin);
      const answer = await page.evaluate(openFromPage, `${server.origin.replace('http', 'ws')}/live`, TOKEN);
      expect(answer).toEqual({
        code: 4403,
        reason: `Origin must be ${server.origin}, not "${foreignOrigin}"`,
      });
      const port = new URL(server.origin).port;
      const response = await page.goto(`http://localhost:${port}/`);
      expect(response?.status()).toBe(421);
    } finally {
      await page.close();
    }
  });

  it.each(['?receiver', '?print-pdf'])(
    'a %s page cannot open the socket even with the token (the server forbids it), nor keeps the token',
    async (query) => {
      const before = sessions;
      const { page, problems } = await openWatchedPage(browser(), server.origin);
      try {
        await page.goto(`${server.origin}/${query}${new URL(server.liveUrl!).hash}`);
        await page.waitForFunction(() => window.deckStatus?.state === 'ready', { timeout: 30_000 });
        expect(page.url()).not.toContain(TOKEN);
        expect(await page.evaluate(() => sessionStorage.getItem('docker-talk-live-token'))).toBeNull();
        const answer = await page.evaluate(
          openFromPage,
          `${server.origin.replace('http', 'ws')}/live`,
          TOKEN,
        );
        // Blocked by the page's policy before any handshake: no hello, no session.
        expect(answer.message).toBeUndefined();
        expect(answer.code ?? 1006).toBe(1006);
        expect(sessions).toBe(before);
        expect(problems.consoleErrors.join('\n')).toContain(
          `Connecting to '${server.origin.replace('http', 'ws')}/live' violates the following Content Security Policy directive: "connect-src ${server.origin}"`,
        );
      } finally {
        await page.close();
      }
    },
  );
});

describe('the built deck holds none of the runner', () => {
  /**
   * String literals only the runner's code has (they survive minification): its pty, its shell's
   * flags and step-end sequence, its guard's and session's messages.
   */
  const RUNNER_MARKERS = [
    '@lydell/node-pty',
    '--noprofile',
    '7777;docker-talk-',
    'timingSafeEqual',
    'the runner takes no command text from the page',
    'refusing to listen on',
    'another session holds the runner',
    'fall back to the recording at step',
  ];

  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) =>
      statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
    );
  }

  it('no file of the build contains the runner’s code (each marker is in src/live, so the check can fail)', () => {
    const runner = files(resolve('src/live'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    for (const marker of RUNNER_MARKERS) expect(runner, marker).toContain(marker);
    const built = files(inject('distDir'));
    expect(built.length).toBeGreaterThan(3);
    for (const path of built) {
      const text = readFileSync(path, 'latin1');
      for (const marker of RUNNER_MARKERS)
        expect(text.includes(marker), `${path} holds "${marker}"`).toBe(false);
    }
  });
});
