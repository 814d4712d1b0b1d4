import { createHash, timingSafeEqual } from 'node:crypto';
import { PROJECT_NAME } from '../deck/problems.ts';
import { CLOSE, LIVE_PROTOCOL, TOKEN_PROTOCOL_PREFIX, type LiveRequest } from './protocol.ts';

/**
 * The live runner's door, in front of everything it does (Jupyter keeps authentication as its
 * own layer in front of every handler; so does this). Pure functions: each decides allow or
 * refuse from the facts it is given, and every refusal carries a WebSocket close code and a
 * reason short enough for a close frame (at most 123 bytes).
 */

export interface Refusal {
  allow: false;
  code: number;
  reason: string;
}
export type Decision = { allow: true } | Refusal;

const ALLOW: Decision = { allow: true };
const refuse = (code: number, reason: string): Refusal => ({ allow: false, code, reason });

/** Addresses the runner may listen on: loopback only. `localhost` is taken as 127.0.0.1. */
const LOOPBACK: Readonly<Record<string, string>> = {
  '127.0.0.1': '127.0.0.1',
  localhost: '127.0.0.1',
  '::1': '::1',
};

export class BindAddressError extends Error {
  constructor(address: string) {
    super(
      `${PROJECT_NAME} present: refusing to listen on ${address}: the live runner runs commands on this machine, ` +
        'so it listens on loopback only (127.0.0.1, ::1 or localhost)',
    );
    this.name = 'BindAddressError';
  }
}

/** The loopback address to listen on, or a `BindAddressError` for anything else. */
export function loopbackAddress(address: string): string {
  const loopback = LOOPBACK[address.trim().toLowerCase()];
  if (loopback === undefined) throw new BindAddressError(address);
  return loopback;
}

/** `127.0.0.1:4180`, `[::1]:4180`: the one `Host` the runner answers to. */
export function hostOf(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** What the runner knows of itself, fixed at start. */
export interface GuardConfig {
  /** The exact `Host` header: `127.0.0.1:4180`. */
  host: string;
  /** The deck's own origin, exactly: `http://127.0.0.1:4180`. */
  origin: string;
  /** This start's secret, 64 hex digits. */
  token: string;
}

/** What a WebSocket handshake says, and whether a session is open already. */
export interface ConnectionFacts {
  host: string | undefined;
  origin: string | undefined;
  /** The `Sec-WebSocket-Protocol` header as sent. */
  protocols: string | undefined;
  sessionOpen: boolean;
}

/** Any request to the runner's server (a file of the deck too) must name the runner's own host. */
export function checkHost(config: GuardConfig, host: string | undefined): Decision {
  // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 sends
  // `Host: evil.example`. `localhost:PORT` is refused too: it is another origin than the deck's.
  if (host !== config.host) return refuse(CLOSE.wrongHost, `Host must be ${config.host}, not ${show(host)}`);
  return ALLOW;
}

/**
 * A socket may open only from the deck's own page, with this start's token, when no other
 * session holds the runner. The order matters for what a refused page learns: a page of another
 * origin is told only that its origin is wrong, never whether its token was.
 */
export function checkConnection(config: GuardConfig, facts: ConnectionFacts): Decision {
  const host = checkHost(config, facts.host);
  if (!host.allow) return host;
  // Exactly the deck's origin: another localhost port (a demo container's page on
  // 127.0.0.1:8081, a dev server) is another origin, and `localhost` is not `127.0.0.1`.
  if (facts.origin !== config.origin) {
    return refuse(CLOSE.foreignOrigin, `Origin must be ${config.origin}, not ${show(facts.origin)}`);
  }
  const protocols = (facts.protocols ?? '')
    .split(',')
    .map((protocol) => protocol.trim())
    .filter(Boolean);
  if (!protocols.includes(LIVE_PROTOCOL)) {
    return refuse(CLOSE.badMessage, `the subprotocol ${LIVE_PROTOCOL} is required`);
  }
  const tokens = protocols.filter((protocol) => protocol.startsWith(TOKEN_PROTOCOL_PREFIX));
  if (tokens.length === 0)
    return refuse(CLOSE.badToken, 'no token: open the URL the present command printed');
  const [token] = tokens;
  if (
    tokens.length > 1 ||
    token === undefined ||
    !sameSecret(token.slice(TOKEN_PROTOCOL_PREFIX.length), config.token)
  ) {
    return refuse(CLOSE.badToken, 'wrong token: open the URL this present run printed');
  }
  if (facts.sessionOpen) {
    return refuse(CLOSE.secondSession, 'another session holds the runner: one deck at a time');
  }
  return ALLOW;
}

/** Constant time, whatever the lengths: both sides are hashed to 32 bytes first. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected)) && expected.length > 0;
}

/** Field names a page could use to smuggle a command: named in the refusal. */
const COMMAND_FIELDS = /^(command|commands|cmd|text|input|data|keys|line|script|shell|args|exec|run)$/i;

/** A message from the page: exactly `{block, step}`, nothing more. */
export type Parsed = { ok: true; request: LiveRequest } | { ok: false; code: number; reason: string };

export function parseRequest(raw: string): Parsed {
  const bad = (reason: string): Parsed => ({ ok: false, code: CLOSE.badMessage, reason });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return bad('a message is JSON {block, step}; this one is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return bad('a message is a JSON object {block, step}');
  }
  const keys = Object.keys(value);
  const smuggled = keys.find((key) => COMMAND_FIELDS.test(key));
  if (smuggled !== undefined) {
    return bad(`the runner takes no command text from the page: field "${clip(smuggled, 20)}" refused`);
  }
  const unknown = keys.filter((key) => key !== 'block' && key !== 'step');
  if (unknown.length > 0)
    return bad(`a message is {block, step} only: unknown field "${clip(unknown[0] ?? '', 20)}"`);
  const { block, step } = value as { block?: unknown; step?: unknown };
  if (block === null && step === null) return { ok: true, request: { block: null, step: null } };
  if (typeof block !== 'string' || !keys.includes('step')) {
    return bad('a message is {block: "script/name", step: N} or {block: null, step: null}');
  }
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) {
    return bad(
      typeof step === 'string'
        ? 'the runner takes no command text from the page: step must be a number'
        : 'step must be a whole number, 0 or more',
    );
  }
  return { ok: true, request: { block, step } };
}

/** A block as the runner loaded it at start. */
export interface KnownBlock {
  /** How many commands (steps) it has. */
  steps: number;
  /** Its script file, `03-containers.sh`. */
  script: string;
}

/** Where the session is: the block it runs, and the last step that ran (0: set up, none run). */
export interface StepState {
  block: string | undefined;
  step: number;
}

export type StepDecision = { allow: true; next: StepState } | Refusal;

/**
 * Whether `request` may run now. `changedScripts` are the script files whose content on disk is
 * no longer what the runner loaded at start (the caller reads the disk; this stays pure).
 * Steps go strictly in order within a block, from 0 (set up) or 1 (the first command); a new
 * block starts at 0 or 1 again. Returns the state after the step when it is allowed.
 */
export function checkStep(
  blocks: ReadonlyMap<string, KnownBlock>,
  changedScripts: ReadonlySet<string>,
  state: StepState,
  request: { block: string; step: number },
): StepDecision {
  const known = blocks.get(request.block);
  if (!known) return refuse(CLOSE.unknownBlock, `no block "${clip(request.block, 60)}" in the demo scripts`);
  if (changedScripts.has(known.script)) {
    return refuse(
      CLOSE.scriptChanged,
      `${known.script} changed since present started: restart it to run the new commands`,
    );
  }
  const continuing = state.block === request.block;
  const expected = continuing ? [state.step + 1] : [0, 1];
  if (!expected.includes(request.step)) {
    return refuse(
      CLOSE.stepOutOfOrder,
      `step ${request.step} of ${clip(request.block, 40)} out of order: expected ${expected.join(' or ')}`,
    );
  }
  if (request.step > known.steps) {
    return refuse(CLOSE.stepOutOfOrder, `${request.block} has ${known.steps} steps, not ${request.step}`);
  }
  return { allow: true, next: { block: request.block, step: request.step } };
}

function show(value: string | undefined): string {
  return value === undefined ? 'none' : `"${clip(value, 40)}"`;
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
