/**
 * What a live block's terminal has shown so far, for the pane's player. The runner's stream
 * arrives whether or not the block's player exists yet (step 0 prepares the shell before the
 * slide's pane has drawn, a reload reconnects mid-slide): the feed keeps the block's output
 * since its last header, and a player that attaches later is handed all of it first.
 */
export interface LiveSink {
  /** A fresh terminal: the runner started the block again. */
  reset(): void;
  output(text: string): void;
}

export interface LiveFeed {
  /** Hands `sink` everything so far, then what comes; returns how to stop. */
  attach(sink: LiveSink): () => void;
  reset(): void;
  output(text: string): void;
  /** Everything since the last reset, as one string. */
  readonly text: string;
}

export function createLiveFeed(): LiveFeed {
  let chunks: string[] = [];
  const sinks = new Set<LiveSink>();
  return {
    attach(sink) {
      if (chunks.length > 0) sink.output(chunks.join(''));
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    reset() {
      chunks = [];
      for (const sink of sinks) sink.reset();
    },
    output(text) {
      chunks.push(text);
      for (const sink of sinks) sink.output(text);
    },
    get text() {
      return chunks.join('');
    },
  };
}

/** What asciinema-player hands a driver, and what it asks of one (its `Core`, 3.x). */
interface DriverCallbacks {
  dispatch(event: string, data?: unknown): void;
}

interface Driver {
  init(): void;
  play(): boolean;
  stop(): void;
  getTiming(): { time: number; rate: number; sampledAt: number };
}

/**
 * A player source that plays a live feed: asciinema-player takes a function as its source and
 * calls it as a driver (`getDriver` in its core: a function source is the driver factory). Its
 * own WebSocket driver cannot be used: it opens a socket of its own, without the runner's token,
 * and would read the runner's control frames as terminal data.
 */
export function liveDriver(feed: LiveFeed, size: { cols: number; rows: number }) {
  return ({ dispatch }: DriverCallbacks): Driver => {
    const started = performance.now();
    let detach: (() => void) | undefined;
    const timing = () => ({
      time: (performance.now() - started) / 1000,
      rate: 1,
      sampledAt: performance.timeOrigin + performance.now(),
    });
    return {
      init() {
        dispatch('reset', { size });
      },
      play() {
        if (detach) return true;
        dispatch('play');
        dispatch('playing');
        detach = feed.attach({
          reset: () => dispatch('reset', { size }),
          output: (text) => dispatch('output', text),
        });
        return true;
      },
      stop() {
        detach?.();
        detach = undefined;
      },
      getTiming: timing,
    };
  };
}
