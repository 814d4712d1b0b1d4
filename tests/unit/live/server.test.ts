import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { KnownBlock } from '../../../src/live/guard.ts';
import { createLiveServer, type LiveServer } from '../../../src/live/server.ts';
import type { createLiveSession } from '../../../src/live/session.ts';
import { loadDemoScripts } from '../../../src/rehearse/demo-files.ts';
import { scriptHash } from '../../../src/rehearse/report.ts';
import { createTestLiveSession } from '../../support/live-session.ts';

/**
 * The runner's server with a `ws` client in Node, as a page or an attacker would talk to it:
 * every refusal arrives as a close code and reason; the one allowed session runs a fixture
 * block (no engine needed: the engine check is a stub).
 */
const TOKEN = 'c0ffee'.repeat(10) + 'abcd';
let folder: string;
let distDir: string;
let examplesDir: string;
let server: LiveServer;
let port: number;

function endpoint() {
  const scripts = loadDemoScripts(join(examplesDir, 'demo'));
  const blocks = new Map<string, KnownBlock>();
  for (const { script } of scripts) {
    for (const block of script.blocks)
      blocks.set(block.id, { steps: block.commands.length, script: script.file });
  }
  const hashes = scripts.map(({ path, source, script }) => ({
    path,
    file: script.file,
    hash: scriptHash(source),
  }));
  return {
    token: TOKEN,
    blocks,
    changedScripts: () =>
      new Set(
        hashes
          .filter(({ path, hash }) => scriptHash(readFileSync(path, 'utf8')) !== hash)
          .map(({ file }) => file),
      ),
    hello: {
      blocks: [...blocks].map(([id, block]) => ({ id, steps: block.steps })),
      engine: 'a stub',
      stepTimeoutSeconds: 20,
    },
    createSession: (send: Parameters<typeof createLiveSession>[0]['send']) =>
      createTestLiveSession(scripts, examplesDir, send),
  };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'docker-talk-live-test-'));
  distDir = join(folder, 'dist');
  examplesDir = join(folder, 'examples');
  cpSync(resolve('tests/fixtures/live'), examplesDir, { recursive: true });
  cpSync(resolve('tests/fixtures/live'), distDir, { recursive: true });
  writeFileSync(
    join(distDir, 'index.html'),
    '<!doctype html><title>deck</title><script type="module" src="./app.js"></script>',
  );
  writeFileSync(join(distDir, 'app.js'), 'console.log("deck")');
  server = await createLiveServer({ distDir, live: endpoint() });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  // The session ends its shell when its socket closes; the next test may open a new one.
  const deadline = Date.now() + 5000;
  while (server.sessionOpen && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
});

interface Client {
  ws: WebSocket;
  messages: unknown[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  until(predicate: (messages: unknown[]) => boolean): Promise<void>;
}

function connect(
  options: { origin?: string | null; host?: string; protocols?: string[]; path?: string } = {},
): Client {
  const origin = options.origin === undefined ? `http://127.0.0.1:${port}` : options.origin;
  const ws = new WebSocket(
    `ws://127.0.0.1:${port}${options.path ?? '/live'}`,
    options.protocols ?? ['docker-talk-live.v1', `docker-talk-token.${TOKEN}`],
    { ...(origin === null ? {} : { origin }), headers: options.host ? { Host: options.host } : {} },
  );
  sockets.push(ws);
  const messages: unknown[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  return {
    ws,
    messages,
    opened: new Promise((done, fail) => {
      ws.once('open', () => done());
      ws.once('error', fail);
    }),
    closed: new Promise((done) =>
      ws.once('close', (code, reason) => done({ code, reason: reason.toString() })),
    ),
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    async until(predicate) {
      const deadline = Date.now() + 10_000;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(messages).slice(-1000)}`);
        await new Promise((done) => setTimeout(done, 20));
      }
    },
  };
}

const hasType = (type: string, step?: number) => (messages: unknown[]) =>
  messages.some(
    (message) =>
      typeof message === 'object' &&
      message !== null &&
      (message as { type?: string }).type === type &&
      (step === undefined || (message as { step?: number }).step === step),
  );

describe('the live server refuses, each with its close code and reason', () => {
  it.each([
    ['a demo container’s page', 'http://127.0.0.1:8081'],
    ['the registry demo’s port', 'http://127.0.0.1:5050'],
    ['another page on localhost', 'http://localhost:8082'],
  ])('a foreign Origin: %s (4403)', async (_, origin) => {
    const client = connect({ origin });
    expect(await client.closed).toEqual({
      code: 4403,
      reason: `Origin must be http://127.0.0.1:${port}, not "${origin}"`,
    });
    expect(client.messages).toEqual([]);
  });

  it('the same port under the name localhost: another origin (4403)', async () => {
    const client = connect({ origin: `http://localhost:${port}` });
    expect(await client.closed).toEqual({
      code: 4403,
      reason: `Origin must be http://127.0.0.1:${port}, not "http://localhost:${port}"`,
    });
  });

  it('no Origin at all (not a page): 4403', async () => {
    expect((await connect({ origin: null }).closed).code).toBe(4403);
  });

  it('no token (4401)', async () => {
    const client = connect({ protocols: ['docker-talk-live.v1'] });
    expect(await client.closed).toEqual({
      code: 4401,
      reason: 'no token: open the URL the present command printed',
    });
    expect(client.messages).toEqual([]);
  });

  it('a wrong token (4401)', async () => {
    const client = connect({ protocols: ['docker-talk-live.v1', `docker-talk-token.${'0'.repeat(64)}`] });
    expect(await client.closed).toEqual({
      code: 4401,
      reason: 'wrong token: open the URL this present run printed',
    });
  });

  it('a wrong Host, as DNS rebinding sends it (4421), on the socket and on files', async () => {
    const client = connect({ host: `rebound.example:${port}` });
    expect(await client.closed).toEqual({
      code: 4421,
      reason: `Host must be 127.0.0.1:${port}, not "rebound.example:${port}"`,
    });
    const file = await get('/index.html', `rebound.example:${port}`);
    expect(file.status).toBe(421);
    expect((await get('/index.html', `localhost:${port}`)).status).toBe(421);
  });

  it('a step out of order (4422)', async () => {
    const client = connect();
    await client.opened;
    client.send({ block: '01-steps/echo', step: 2 });
    expect(await client.closed).toEqual({
      code: 4422,
      reason: 'step 2 of 01-steps/echo out of order: expected 0 or 1',
    });
  });

  it('the same step twice (4422)', async () => {
    const client = connect();
    await client.opened;
    client.send({ block: '01-steps/echo', step: 1 });
    client.send({ block: '01-steps/echo', step: 1 });
    expect(await client.closed).toEqual({
      code: 4422,
      reason: 'step 1 of 01-steps/echo out of order: expected 2',
    });
  });

  it('an unknown block (4404)', async () => {
    const client = connect();
    await client.opened;
    client.send({ block: '01-steps/rm-everything', step: 0 });
    expect(await client.closed).toEqual({
      code: 4404,
      reason: 'no block "01-steps/rm-everything" in the demo scripts',
    });
  });

  it('a message with command text (4400), and runs nothing', async () => {
    const client = connect();
    await client.opened;
    client.send({ block: '01-steps/echo', step: 1, command: 'touch /tmp/docker-talk-pwned' });
    expect(await client.closed).toEqual({
      code: 4400,
      reason: 'the runner takes no command text from the page: field "command" refused',
    });
    expect(client.messages.filter((message) => Array.isArray(message))).toEqual([]);
  });

  it('a binary message (4400)', async () => {
    const client = connect();
    await client.opened;
    client.ws.send(Buffer.from('{"block":"01-steps/echo","step":1}'));
    expect((await client.closed).code).toBe(4400);
  });

  it('a second session while one is open (4409); the first goes on', async () => {
    const first = connect();
    await first.opened;
    const second = connect();
    expect(await second.closed).toEqual({
      code: 4409,
      reason: 'another session holds the runner: one deck at a time',
    });
    first.send({ block: '01-steps/echo', step: 1 });
    await first.until(hasType('step-done', 1));
  });

  it('a block whose script changed on disk since start (4412)', async () => {
    const path = join(examplesDir, 'demo', '01-steps.sh');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('echo before', 'echo before; touch /tmp/docker-talk-pwned'));
    try {
      const client = connect();
      await client.opened;
      client.send({ block: '01-steps/fails', step: 1 });
      expect(await client.closed).toEqual({
        code: 4412,
        reason: '01-steps.sh changed since present started: restart it to run the new commands',
      });
    } finally {
      writeFileSync(path, original);
    }
  });

  it('any bind address other than loopback, by name', async () => {
    for (const bindAddress of ['0.0.0.0', '::', '192.168.0.10']) {
      await expect(createLiveServer({ distDir, bindAddress })).rejects.toThrow(
        `docker-talk present: refusing to listen on ${bindAddress}: the live runner runs commands on this machine`,
      );
    }
  });
});

describe('the live server allows the deck itself', () => {
  it('says hello, then streams a step and says it is done', async () => {
    const client = connect();
    await client.opened;
    expect(client.ws.protocol).toBe('docker-talk-live.v1');
    client.send({ block: '01-steps/echo', step: 0 });
    client.send({ block: '01-steps/echo', step: 1 });
    await client.until(hasType('step-done', 1));
    expect(client.messages[0]).toMatchObject({
      type: 'hello',
      blocks: expect.arrayContaining([{ id: '01-steps/echo', steps: 3 }]),
    });
    expect(client.messages[1]).toMatchObject({ version: 3, term: { cols: 96, rows: 14 } });
    const output = client.messages
      .filter((message): message is [number, string, string] => Array.isArray(message) && message[1] === 'o')
      .map((message) => message[2])
      .join('');
    expect(output).toContain('hello from examples');
  });

  it('after leaving a slide, a block starts over at step 0 or 1', async () => {
    const client = connect();
    await client.opened;
    client.send({ block: '01-steps/echo', step: 1 });
    await client.until(hasType('step-done', 1));
    client.send({ block: null, step: null });
    client.send({ block: '01-steps/echo', step: 1 });
    await client.until((messages) => messages.filter(hasTypeOne('step-done')).length === 2);
  });

  it('serves the deck on the same origin, and no served file holds the token', async () => {
    const page = await get('/', `127.0.0.1:${port}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>deck</title>');
    for (const file of walk(distDir)) {
      const served = await get(`/${file}`, `127.0.0.1:${port}`);
      expect(served.status, file).toBe(200);
      expect(served.body, file).not.toContain(TOKEN);
    }
    expect(server.liveUrl).toBe(`http://127.0.0.1:${port}/#live=${TOKEN}`);
    expect(server.url).not.toContain(TOKEN);
    expect((await get('/live', `127.0.0.1:${port}`)).status).toBe(426);
  });

  it('serves the speaker view’s frames and the print view with a policy that forbids the socket', async () => {
    for (const path of ['/?receiver', '/index.html?receiver&x=1', '/?print-pdf', '/?a=1&print-pdf']) {
      const served = await get(path, `127.0.0.1:${port}`);
      expect(served.status, path).toBe(200);
      expect(served.headers['content-security-policy'], path).toBe(`connect-src http://127.0.0.1:${port}`);
    }
    expect((await get('/', `127.0.0.1:${port}`)).headers['content-security-policy']).toBeUndefined();
  });
});

function hasTypeOne(type: string) {
  return (message: unknown) =>
    typeof message === 'object' && message !== null && (message as { type?: string }).type === type;
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory()
      ? walk(join(dir, name), `${prefix}${name}/`)
      : [`${prefix}${name}`],
  );
}

function get(
  path: string,
  host: string,
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => done({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    req.once('error', fail);
    req.end();
  });
}
