/**
 * The page's side of the live runner (`npm run present -- --live`): takes the token out of the
 * URL before reveal.js reads the hash, connects to the runner's socket with it, asks for a
 * block's steps in order, and hands on what comes back: an asciicast v3 stream (a header per
 * block, then events) and control messages (step done, fall back to the recording). It knows
 * nothing of the pane or the player; the pane feeds them from here.
 *
 * Written against small interfaces, not the DOM's own types, so it runs in a test with the `ws`
 * client and in Node's type-check as well as in the page.
 */
import type { CastEvent, CastHeader } from '../cast/asciicast.ts';
import {
  CLOSE,
  FRAGMENT_PARAMETER,
  isViewOnly,
  LIVE_PATH,
  LIVE_PROTOCOL,
  TOKEN_PROTOCOL_PREFIX,
  type LiveFallback,
  type LiveHello,
  type LiveRequest,
  type LiveStepDone,
} from '../live/protocol.ts';

export { CLOSE };

/** What the client reads of `location`. */
export interface LocationLike {
  protocol: string;
  host: string;
  pathname: string;
  search: string;
  hash: string;
}

export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string): void;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The part of a WebSocket the client uses: the browser's, or the `ws` package's in a test. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly protocol: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

const OPEN = 1;
const TOKEN_PATTERN = /^[0-9a-f]{64}$/;
const STORAGE_KEY = 'docker-talk-live-token';

/**
 * Never in reveal's speaker-view frames (`?receiver`: the deck loaded twice more in the popup)
 * nor in the print view (`?print-pdf`, the PDF export): those only show, they never run.
 */
export function liveAllowedHere(search: string): boolean {
  return !isViewOnly(search);
}

/**
 * Takes `#live=<token>` (and `#live=<token>&/slide-id/2`, which keeps the slide) out of the URL
 * with `history.replaceState`, before reveal.js reads the hash: reveal would take it for a
 * slide, and the notes plugin hands the hash to the speaker view's frames. The token is kept in
 * `storage` (the tab's sessionStorage: a reload stays live; other origins cannot read it).
 * Returns the token, or undefined when this page is not live. In `?receiver` and `?print-pdf`
 * pages it reads nothing and returns undefined, but still removes a token from the URL.
 */
export function takeLiveToken(
  location: LocationLike,
  history: HistoryLike,
  storage?: StorageLike,
): string | undefined {
  const match = new RegExp(`^#${FRAGMENT_PARAMETER}=([^&]*)(?:&(.*))?$`).exec(location.hash);
  if (match) {
    const rest = match[2] ?? '';
    history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }
  if (!liveAllowedHere(location.search)) return undefined;
  const given = match?.[1];
  if (given !== undefined && TOKEN_PATTERN.test(given)) {
    storage?.setItem(STORAGE_KEY, given);
    return given;
  }
  const kept = storage?.getItem(STORAGE_KEY) ?? undefined;
  return kept !== undefined && TOKEN_PATTERN.test(kept) ? kept : undefined;
}

let taken: string | undefined;

/**
 * `takeLiveToken` for this page: call it before reveal.js starts. The token is kept for
 * `liveToken()`, which the pane asks when it connects.
 */
export function takeLiveTokenFromPage(): string | undefined {
  const page = globalThis as unknown as {
    location: LocationLike;
    history: HistoryLike;
    sessionStorage?: StorageLike;
  };
  let storage: StorageLike | undefined;
  try {
    storage = page.sessionStorage;
  } catch {
    // Storage refused (a privacy setting): live until the next reload only.
  }
  taken = takeLiveToken(page.location, page.history, storage);
  return taken;
}

/** The token `takeLiveTokenFromPage` took, or undefined when the deck is not live here. */
export function liveToken(): string | undefined {
  return taken;
}

/** The runner's socket on the deck's own origin: `ws://127.0.0.1:4180/live`. */
export function liveSocketUrl(location: Pick<LocationLike, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${LIVE_PATH}`;
}

export interface LiveHandlers {
  /** The runner accepted the socket: the blocks it can run. */
  hello?(hello: LiveHello): void;
  /** A block starts: a fresh terminal of `term.cols` × `term.rows`. */
  header?(header: CastHeader): void;
  /** Output (`o`), a step's marker (`m`, labelled with its command), the block's shell ended (`x`). */
  event?(event: CastEvent): void;
  stepDone?(done: LiveStepDone): void;
  /** Show the block's recording from `step` on; the runner runs nothing more of that block. */
  fallback?(fallback: LiveFallback): void;
  /**
   * Another session still held the runner (4409): the client tries again in a moment. A reload
   * meets this: the old page's session ends only once the runner has ended its shell.
   */
  retrying?(attempt: number): void;
  /** The socket closed for good: `refused` when the runner said why (a close code of 4400–4499). */
  closed?(close: { code: number; reason: string; refused: boolean }): void;
}

export interface LiveConnection {
  /**
   * The presenter is at `step` of `block` (0: the slide is shown, N: its Nth command). Sent only
   * when it is the next step the runner expects (0 or 1 for a block it is not in, else the last
   * step plus one) and the block has not fallen back; returns whether it was sent. Going back
   * sends nothing: the pane shows the recording there.
   */
  step(block: string, step: number): boolean;
  /** The slide was left, or the presenter fell back: the running step ends. */
  leave(): void;
  close(): void;
  readonly state: 'connecting' | 'open' | 'closed';
}

export interface ConnectOptions {
  token: string;
  /** Default: `liveSocketUrl(location)`. */
  url: string;
  on: LiveHandlers;
  /** Default: the page's `WebSocket`. */
  createSocket?: (url: string, protocols: string[]) => WebSocketLike;
  /** How often a 4409 (another session) is tried again, and after how long. Default: 5, 1 s. */
  secondSessionRetries?: number;
  retryDelayMs?: number;
}

export function connectLive(options: ConnectOptions): LiveConnection {
  const createSocket =
    options.createSocket ??
    ((url: string, protocols: string[]) =>
      new (globalThis as unknown as { WebSocket: new (u: string, p: string[]) => WebSocketLike }).WebSocket(
        url,
        protocols,
      ));
  const retries = options.secondSessionRetries ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  let socket: WebSocketLike;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let state: LiveConnection['state'] = 'connecting';
  let block: string | undefined;
  let last = -1;
  const fellBack = new Set<string>();
  let pending: LiveRequest[] = [];

  const send = (request: LiveRequest) => {
    if (state === 'open' && socket.readyState === OPEN) socket.send(JSON.stringify(request));
    else if (state === 'connecting') pending.push(request);
  };

  const open = () => {
    socket = createSocket(options.url, [LIVE_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${options.token}`]);
    socket.onopen = () => {
      state = 'open';
      for (const request of pending.splice(0)) socket.send(JSON.stringify(request));
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      const frame = JSON.parse(event.data) as unknown;
      if (Array.isArray(frame)) {
        options.on.event?.(frame as CastEvent);
        return;
      }
      const object = frame as { version?: number; type?: string };
      if (object.version === 3) options.on.header?.(frame as CastHeader);
      else if (object.type === 'hello') options.on.hello?.(frame as LiveHello);
      else if (object.type === 'step-done') options.on.stepDone?.(frame as LiveStepDone);
      else if (object.type === 'fallback') {
        fellBack.add((frame as LiveFallback).block);
        options.on.fallback?.(frame as LiveFallback);
      }
    };
    socket.onclose = (event) => {
      if (state !== 'closed' && event.code === CLOSE.secondSession && attempt < retries) {
        // What was asked of the refused socket never ran: the page asks again from step 0 or 1.
        attempt += 1;
        state = 'connecting';
        block = undefined;
        last = -1;
        pending = [];
        options.on.retrying?.(attempt);
        retryTimer = setTimeout(open, retryDelayMs);
        return;
      }
      state = 'closed';
      options.on.closed?.({
        code: event.code,
        reason: event.reason,
        refused: event.code >= 4400 && event.code < 4500,
      });
    };
    socket.onerror = () => undefined;
  };
  open();

  return {
    get state() {
      return state;
    },
    step(id, step) {
      if (state === 'closed' || fellBack.has(id)) return false;
      const next = id === block ? step === last + 1 : step === 0 || step === 1;
      if (!next) return false;
      block = id;
      last = step;
      send({ block: id, step });
      return true;
    },
    leave() {
      if (block === undefined) return;
      block = undefined;
      last = -1;
      send({ block: null, step: null });
    },
    close() {
      state = 'closed';
      clearTimeout(retryTimer);
      socket.close(1000, 'the deck closed');
    },
  };
}
