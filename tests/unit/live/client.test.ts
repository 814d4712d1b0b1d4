import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CastEvent, CastHeader } from '../../../src/cast/asciicast.ts';
import type { LiveFallback, LiveHello, LiveStepDone } from '../../../src/live/protocol.ts';
import { createLiveServer, type LiveServer } from '../../../src/live/server.ts';
import { createTestLiveSession, testLiveEndpoint } from '../../support/live-session.ts';
import {
  connectLive,
  liveAllowedHere,
  liveSocketUrl,
  takeLiveToken,
  type LiveConnection,
  type WebSocketLike,
} from '../../../src/present/live-client.ts';
import { loadDemoScripts } from '../../../src/rehearse/demo-files.ts';

const TOKEN = '0123456789abcdef'.repeat(4);

function page(url: string) {
  const parsed = new URL(url);
  const replaced: string[] = [];
  const stored = new Map<string, string>();
  return {
    location: {
      protocol: parsed.protocol,
      host: parsed.host,
      pathname: parsed.pathname,
      search: parsed.search,
      hash: parsed.hash,
    },
    history: { replaceState: (_: unknown, __: string, next?: string) => replaced.push(next ?? '') },
    storage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    },
    replaced,
    stored,
  };
}

describe('takeLiveToken: the token leaves the URL before reveal.js reads the hash', () => {
  it('takes #live=<token>, leaves no fragment, and keeps the token for a reload', () => {
    const p = page(`http://127.0.0.1:4180/#live=${TOKEN}`);
    expect(takeLiveToken(p.location, p.history, p.storage)).toBe(TOKEN);
    expect(p.replaced).toEqual(['/']);
    expect([...p.stored.values()]).toEqual([TOKEN]);
  });

  it('keeps the slide named after it: #live=<token>&/lifecycle/2 becomes #/lifecycle/2', () => {
    const p = page(`http://127.0.0.1:4180/index.html?x=1#live=${TOKEN}&/lifecycle/2`);
    expect(takeLiveToken(p.location, p.history, p.storage)).toBe(TOKEN);
    expect(p.replaced).toEqual(['/index.html?x=1#/lifecycle/2']);
  });

  it('after a reload (no fragment) the kept token is used; a slide hash is left alone', () => {
    const first = page(`http://127.0.0.1:4180/#live=${TOKEN}`);
    takeLiveToken(first.location, first.history, first.storage);
    const reloaded = { ...page('http://127.0.0.1:4180/#/lifecycle/2'), storage: first.storage };
    expect(takeLiveToken(reloaded.location, reloaded.history, reloaded.storage)).toBe(TOKEN);
    expect(reloaded.replaced).toEqual([]);
  });

  it.each(['?receiver', '?receiver&x=1', '?print-pdf', '?a=1&print-pdf'])(
    'never goes live in %s (speaker frames, print view), and still clears the URL',
    (search) => {
      const p = page(`http://127.0.0.1:4180/${search}#live=${TOKEN}`);
      p.stored.set('docker-talk-live-token', TOKEN);
      expect(takeLiveToken(p.location, p.history, p.storage)).toBeUndefined();
      expect(p.replaced).toEqual([`/${search}`]);
      expect(liveAllowedHere(search)).toBe(false);
    },
  );

  it('is not live without a token, or with something that is not one', () => {
    for (const hash of ['', '#/lifecycle', '#live=', '#live=xyz', `#live=${TOKEN.toUpperCase()}`]) {
      const p = page(`http://127.0.0.1:4180/${hash}`);
      expect(takeLiveToken(p.location, p.history, p.storage), hash).toBeUndefined();
    }
    expect(liveAllowedHere('?receivers-are-not-receiver')).toBe(true);
  });

  it('names the socket on the page’s own origin', () => {
    expect(liveSocketUrl({ protocol: 'http:', host: '127.0.0.1:4180' })).toBe('ws://127.0.0.1:4180/live');
  });
});

describe('connectLive against the runner’s server', () => {
  let folder: string;
  let server: LiveServer;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'docker-talk-live-client-'));
    cpSync(resolve('tests/fixtures/live'), join(folder, 'examples'), { recursive: true });
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>deck</title>');
    const scripts = loadDemoScripts(join(folder, 'examples', 'demo'));
    server = await createLiveServer({
      distDir: folder,
      live: testLiveEndpoint(scripts, {
        token: TOKEN,
        engine: 'stub',
        createSession: (send) => createTestLiveSession(scripts, join(folder, 'examples'), send),
      }),
    });
  });
  afterEach(async () => {
    // The runner frees its one session once the closed socket's shell has ended.
    await until(() => !server.sessionOpen);
  });
  afterAll(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  function open(origin: string, token = TOKEN, retries?: { count: number; delayMs: number }) {
    const seen = {
      retries: [] as number[],
      hello: [] as LiveHello[],
      headers: [] as CastHeader[],
      events: [] as CastEvent[],
      done: [] as LiveStepDone[],
      fallbacks: [] as LiveFallback[],
      closed: [] as { code: number; reason: string; refused: boolean }[],
    };
    const connection: LiveConnection = connectLive({
      token,
      url: liveSocketUrl(new URL(server.url)),
      createSocket: (url, protocols) => new WebSocket(url, protocols, { origin }) as unknown as WebSocketLike,
      ...(retries ? { secondSessionRetries: retries.count, retryDelayMs: retries.delayMs } : {}),
      on: {
        retrying: (attempt) => seen.retries.push(attempt),
        hello: (hello) => seen.hello.push(hello),
        header: (header) => seen.headers.push(header),
        event: (event) => seen.events.push(event),
        stepDone: (done) => seen.done.push(done),
        fallback: (fallback) => seen.fallbacks.push(fallback),
        closed: (close) => seen.closed.push(close),
      },
    });
    return { connection, seen };
  }

  async function until(predicate: () => boolean) {
    const deadline = Date.now() + 10_000;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((done) => setTimeout(done, 20));
    }
  }

  it('runs steps in order, sends nothing out of order, and hands on the stream and the controls', async () => {
    const { connection, seen } = open(server.origin);
    // Sent before the socket opened: queued, then sent in order.
    expect(connection.step('01-steps/echo', 0)).toBe(true);
    expect(connection.step('01-steps/echo', 1)).toBe(true);
    // Not the next step: the runner would close the socket; the client does not send it.
    expect(connection.step('01-steps/echo', 1)).toBe(false);
    expect(connection.step('01-steps/echo', 3)).toBe(false);
    await until(() => seen.done.length === 1);
    expect(connection.step('01-steps/echo', 2)).toBe(true);
    await until(() => seen.done.length === 2);
    expect(seen.hello[0]!.blocks).toContainEqual({ id: '01-steps/echo', steps: 3 });
    expect(seen.headers).toHaveLength(1);
    expect(seen.events.filter(([, code]) => code === 'm').map(([, , data]) => data)).toEqual([
      'echo "$greeting from $(basename "$PWD")"',
      "printf 'line %s\\n' 1 2 3",
    ]);
    expect(seen.done.map((done) => done.step)).toEqual([1, 2]);
    connection.close();
    await until(() => seen.closed.length === 1);
    expect(seen.closed[0]).toEqual({ code: 1000, reason: 'the deck closed', refused: false });
  });

  it('after a fallback, sends no more steps of that block', async () => {
    const { connection, seen } = open(server.origin);
    connection.step('01-steps/fails', 1);
    connection.step('01-steps/fails', 2);
    await until(() => seen.fallbacks.length === 1);
    expect(seen.fallbacks[0]).toMatchObject({ step: 2, reason: 'non-zero exit' });
    expect(connection.step('01-steps/fails', 3)).toBe(false);
    connection.close();
    await until(() => seen.closed.length === 1);
  });

  it('reports a refusal with its code and reason', async () => {
    const { seen } = open('http://127.0.0.1:8081');
    await until(() => seen.closed.length === 1);
    expect(seen.closed[0]).toEqual({
      code: 4403,
      reason: `Origin must be ${server.origin}, not "http://127.0.0.1:8081"`,
      refused: true,
    });
    const wrong = open(server.origin, 'f'.repeat(64));
    await until(() => wrong.seen.closed.length === 1);
    expect(wrong.seen.closed[0]).toMatchObject({ code: 4401, refused: true });
  });

  it('after a reload meets the old session (4409), tries again and runs once that session ended', async () => {
    const first = open(server.origin);
    first.connection.step('01-steps/echo', 1);
    await until(() => first.seen.done.length === 1);
    // The reload: a second page connects while the first one's session still holds the runner.
    const second = open(server.origin, TOKEN, { count: 5, delayMs: 100 });
    expect(second.connection.step('01-steps/echo', 0)).toBe(true);
    await until(() => second.seen.retries.length === 1);
    expect(second.seen.closed).toEqual([]);
    expect(second.connection.state).toBe('connecting');
    first.connection.close();
    await until(() => second.seen.hello.length === 1);
    // What it asked of the refused socket never ran: it starts the block again, from step 1.
    expect(second.connection.step('01-steps/echo', 1)).toBe(true);
    await until(() => second.seen.done.length === 1);
    expect(second.seen.done[0]).toMatchObject({ block: '01-steps/echo', step: 1 });
    second.connection.close();
    await until(() => second.seen.closed.length === 1);
  });

  it('gives up after its retries, and says the runner was held by another session', async () => {
    const first = open(server.origin);
    first.connection.step('01-steps/echo', 0);
    await until(() => first.seen.hello.length === 1);
    const second = open(server.origin, TOKEN, { count: 2, delayMs: 50 });
    await until(() => second.seen.closed.length === 1);
    expect(second.seen.retries).toEqual([1, 2]);
    expect(second.seen.closed[0]).toMatchObject({ code: 4409, refused: true });
    first.connection.close();
    await until(() => first.seen.closed.length === 1);
  });
});
