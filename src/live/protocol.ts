/**
 * The live runner's wire protocol, shared by the runner (Node, `src/live/`) and the page's client
 * (`src/present/live-client.ts`). Pure: no Node, no DOM. The runner's code stays out of the
 * page; only these names and numbers are in both.
 *
 * Connecting: `ws://<the deck's own host:port>/live` with the subprotocols
 * `[LIVE_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token]` (a browser can set no header, and a token in
 * the URL would sit in logs and history; Kubernetes passes its bearer token the same way).
 *
 * Page to runner, JSON text frames, nothing else:
 * - `{"block": "03-containers/union", "step": 0}`: the slide of the block is shown; the block's
 *   shell is made ready (its script's set-up lines run, unseen). Optional: step 1 does it too.
 * - `{"block": "03-containers/union", "step": N}` (N ≥ 1): run the block's Nth command. Steps
 *   come strictly in order: N is the last step of that block plus one.
 * - `{"block": null, "step": null}`: the slide was left (or the presenter fell back): end the
 *   running step's processes. The script's shell stays for its next block, as a terminal would.
 *
 * Runner to page, JSON text frames: an asciicast v3 stream (a header object with `version: 3`
 * at the start of each block, then `[interval, code, data]` events: `o` output, `m` a marker per
 * step labelled with its command (as in the recordings), `x` when the block's shell ended), interleaved with control objects
 * that carry a `type`. Without the control objects, the frames are what asciinema-player's
 * `v3.asciicast` WebSocket handler reads.
 */

/** The subprotocol the page asks for; the runner answers with it. */
export const LIVE_PROTOCOL = 'docker-talk-live.v1';
/** The token travels as a second subprotocol: `docker-talk-token.<64 hex digits>`. */
export const TOKEN_PROTOCOL_PREFIX = 'docker-talk-token.';
/** The socket's path below the deck's base. */
export const LIVE_PATH = '/live';
/** The URL fragment parameter that carries the token to the page: `#live=<token>`. */
export const FRAGMENT_PARAMETER = 'live';

/** Why the runner closed the socket: WebSocket close codes in the application range. */
export const CLOSE = {
  /** The runner stopped (Ctrl-C in its terminal). */
  runnerStopped: 1001,
  /** Not JSON, not the `{block, step}` shape, an unknown field, command text. */
  badMessage: 4400,
  /** No token, or not this start's token. */
  badToken: 4401,
  /** The `Origin` is not the deck's own origin. */
  foreignOrigin: 4403,
  /** A block that is not in the demo scripts as loaded at start. */
  unknownBlock: 4404,
  /** Another session holds the runner. */
  secondSession: 4409,
  /** The block's script changed on disk since the runner started. */
  scriptChanged: 4412,
  /** The `Host` is not the runner's own `host:port` (DNS rebinding). */
  wrongHost: 4421,
  /** A step that is not the next one of its block. */
  stepOutOfOrder: 4422,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** The one message shape the page sends. */
export type LiveRequest = { block: string; step: number } | { block: null; step: null };

/** Sent once the socket is accepted: what can run live. */
export interface LiveHello {
  type: 'hello';
  /** Block ids that can run, in the order of the talk, with their number of steps (commands). */
  blocks: { id: string; steps: number }[];
  /** The engine, for people: `Docker Engine 20.10.24 at unix:///…`. */
  engine: string;
  stepTimeoutSeconds: number;
}

/** A step ran to its end with exit code 0. */
export interface LiveStepDone {
  type: 'step-done';
  block: string;
  step: number;
  seconds: number;
}

/** Why the page should show the recording instead. */
export type FallbackReason =
  'engine not answering' | 'step timed out' | 'non-zero exit' | 'claim failed' | 'shell ended';

/** The live run cannot go on: the page switches to the block's recording at `step`. */
export interface LiveFallback {
  type: 'fallback';
  block: string;
  step: number;
  reason: FallbackReason;
  /** For people: `fall back to the recording at step 3: step timed out (after 60 s)`. */
  message: string;
}

export type LiveControl = LiveHello | LiveStepDone | LiveFallback;

/**
 * Pages that only show and never run: reveal's speaker-view frames (`?receiver`, the deck loaded
 * twice more in the popup) and the print view (`?print-pdf`, the PDF export). The page's client
 * does not connect there, and the runner's server serves such pages with a policy that forbids
 * the socket (see `src/live/server.ts`).
 */
export function isViewOnly(search: string): boolean {
  return /[?&](receiver|print-pdf)(?:[=&]|$)/i.test(search);
}
