import type { LiveFallback, LiveHello } from '../live/protocol.ts';
import { connectLive, type ConnectOptions, type LiveConnection } from './live-client.ts';
import { createLiveFeed, type LiveFeed } from './live-feed.ts';

/**
 * The presenting deck's live demos (`npm run present -- --live`): which blocks run live now,
 * which fell back to their recording and why, and the runner's stream for each. The pane asks
 * `show(block, ran)` at every step; the answer says which terminal to show, and a press that
 * reaches the next step asks the runner to run it. Knows nothing of the DOM or the player.
 */
export type PaneSourceKind = 'live' | 'recording';

/** What the speaker view says of the live demos. */
export interface LiveStatus {
  /** `connecting`, `live` (the runner answered), `stopped` (the socket closed for good). */
  state: 'connecting' | 'live' | 'stopped';
  /** `Docker Engine 28.5.2 at unix:///…`, once the runner said it. */
  engine?: string;
  /** Why the runner is gone, for people. */
  stopped?: string;
  /** The blocks that fell back: block id → what happened, for people. */
  fellBack: Record<string, string>;
}

export interface LiveDemos {
  /**
   * The pane is at `ran` commands of `block`: the source to show. `live` when the runner runs
   * the block and is at that step, or the press asks it for the next one now; `recording` for a
   * block it cannot run, that fell back, or a step the live terminal has not reached or passed
   * (going back shows the recording; going forward again to the live step shows live again).
   */
  show(block: string, ran: number): PaneSourceKind;
  /** The current slide has no live block: the running step ends. */
  leave(): void;
  /** The presenter's key: the live block shows its recording at the same step from now on. */
  fallBack(): void;
  /** The runner's stream for `block` (a fresh terminal at each start of the block). */
  feed(block: string): LiveFeed;
  status(): LiveStatus;
  /** Called after every change of status, and when the runner answers (a pane asks again). */
  onChange(listener: () => void): void;
  close(): void;
}

export interface LiveDemosOptions {
  token: string;
  url: string;
  /** For tests: the socket and the retry timing (see `connectLive`). */
  connect?: Pick<ConnectOptions, 'createSocket' | 'secondSessionRetries' | 'retryDelayMs'>;
}

export function startLiveDemos(options: LiveDemosOptions): LiveDemos {
  const feeds = new Map<string, LiveFeed>();
  const listeners = new Set<() => void>();
  const status: LiveStatus = { state: 'connecting', fellBack: {} };
  let hello: LiveHello | undefined;
  /** The block the runner is in, and the last step asked of it. */
  let current: { block: string; step: number } | undefined;
  /** The block of the last header: the runner's events are for it. */
  let streaming: string | undefined;

  const feed = (block: string) => {
    let found = feeds.get(block);
    if (!found) feeds.set(block, (found = createLiveFeed()));
    return found;
  };
  const changed = () => listeners.forEach((listener) => listener());
  const fellBack = (block: string, message: string) => {
    status.fellBack[block] = message;
    if (current?.block === block) current = undefined;
    changed();
  };

  const connection: LiveConnection = connectLive({
    ...options.connect,
    token: options.token,
    url: options.url,
    on: {
      hello(received) {
        hello = received;
        current = undefined;
        status.state = 'live';
        status.engine = received.engine;
        changed();
      },
      header(header) {
        streaming = header.title;
        if (streaming) feed(streaming).reset();
      },
      event([, code, data]) {
        if (code === 'o' && streaming) feed(streaming).output(data);
      },
      fallback(fallback: LiveFallback) {
        fellBack(fallback.block, fallback.message);
      },
      retrying() {
        current = undefined;
        status.state = 'connecting';
        changed();
      },
      closed(close) {
        current = undefined;
        status.state = 'stopped';
        status.stopped = close.refused
          ? `the runner refused this page: ${close.reason}`
          : close.code === 1001
            ? 'the runner stopped'
            : `the connection to the runner closed (${close.code}${close.reason ? `: ${close.reason}` : ''})`;
        changed();
      },
    },
  });

  // Nothing is asked before the runner said which blocks it runs: a block it does not know
  // would close the socket (4404). The hello re-syncs the pane.
  const runs = (block: string) =>
    status.state === 'live' &&
    status.fellBack[block] === undefined &&
    hello?.blocks.some((known) => known.id === block) === true;

  return {
    show(block, ran) {
      if (!runs(block)) return 'recording';
      if (current?.block === block) {
        if (ran === current.step) return 'live';
        if (ran === current.step + 1 && connection.step(block, ran)) {
          current.step = ran;
          return 'live';
        }
        return 'recording';
      }
      // A block starts live only from its beginning: the slide shown (0) or its first command.
      if ((ran === 0 || ran === 1) && connection.step(block, ran)) {
        current = { block, step: ran };
        return 'live';
      }
      return 'recording';
    },
    leave() {
      if (!current) return;
      current = undefined;
      connection.leave();
    },
    fallBack() {
      if (!current) return;
      const { block, step } = current;
      connection.leave();
      fellBack(block, `the presenter fell back to the recording at step ${step}`);
    },
    feed,
    status: () => structuredClone(status),
    onChange(listener) {
      listeners.add(listener);
    },
    close() {
      connection.close();
    },
  };
}
