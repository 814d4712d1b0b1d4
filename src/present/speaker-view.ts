import type { RevealApi } from 'reveal.js';

/** How long a closing speaker window may take to report `closed` before S gives up waiting. */
const CLOSING_WAIT_MS = 2_000;
const CLOSING_POLL_MS = 10;

/**
 * Connects a speaker window at once. The notes plugin sends its first "connect" message to the
 * new window only after a 500 ms interval, and the window creates its slide frames only on that
 * message: half a second of blank speaker view for nothing. The window's script is already
 * listening when `open()` returns (its page is written synchronously), so one message sent now,
 * in the plugin's own format, starts it; the plugin's later messages are ignored once connected.
 */
function connectNow(reveal: RevealApi, speaker: Window): void {
  const url = `${location.protocol}//${location.host}${location.pathname}${location.search}`;
  speaker.postMessage(
    JSON.stringify({ namespace: 'reveal-notes', type: 'connect', state: reveal.getState(), url }),
    '*',
  );
}

/** Resolves once `speaker.closed` is true, or after `CLOSING_WAIT_MS` (it was not closing). */
function closed(speaker: Window): Promise<void> {
  const deadline = performance.now() + CLOSING_WAIT_MS;
  return new Promise((resolve) => {
    const check = () => {
      if (speaker.closed || performance.now() > deadline) resolve();
      else setTimeout(check, CLOSING_POLL_MS);
    };
    check();
  });
}

/**
 * What the notes plugin asks of its window once that window has closed: `closed` (at S),
 * `postMessage` (at every slide change) and `focus`. Nothing here keeps a window alive.
 */
const CLOSED_WINDOW = { closed: true, postMessage: () => undefined, focus: () => undefined };

/** A speaker window, and the handle the notes plugin gets for it. */
interface SpeakerWindow {
  window: Window;
  /** Points the plugin's handle at `CLOSED_WINDOW`, so nothing of ours holds the window. */
  release(): void;
}

/**
 * A closed window stays in memory, global object and all, for as long as anything references
 * it: measured here, about 0.2 MB for an empty popup and 0.47 MB for the speaker view. The notes
 * plugin keeps its last window until the next S. Handing it this forwarding handle instead, and
 * pointing the handle at `CLOSED_WINDOW` once the window has closed, lets the window go.
 */
function releasable(speaker: Window): { handle: Window; speaker: SpeakerWindow } {
  let target: object = speaker;
  const handle = new Proxy(
    {},
    {
      get: (_, key) => {
        const value: unknown = Reflect.get(target, key);
        // Window methods must be called on the window itself, not on the handle.
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
      set: (_, key, value) => Reflect.set(target, key, value),
    },
  ) as Window;
  return { handle, speaker: { window: speaker, release: () => (target = CLOSED_WINDOW) } };
}

/** Runs `open` (the plugin's), giving it a releasable handle for the window it opens, if any. */
function windowOpenedBy(open: () => void): SpeakerWindow | undefined {
  const original = window.open;
  let opened: SpeakerWindow | undefined;
  window.open = (...args: Parameters<typeof window.open>) => {
    const result = original.apply(window, args);
    if (!result) return result;
    const { handle, speaker } = releasable(result);
    opened = speaker;
    return handle;
  };
  try {
    open();
  } finally {
    window.open = original;
  }
  return opened;
}

/**
 * Returns what `S` does: open reveal.js's speaker view, or focus it when it is open.
 *
 * A closed window reports `closed` only some milliseconds after it has gone (the browser tells
 * this page later, after `close()` has returned to whoever closed it); in that gap the notes
 * plugin takes it for open and focuses it, so S right after closing the speaker view did
 * nothing. So when the plugin opens no window, S watches the one it focused: if that turns out
 * to be closing, S asks the plugin again once it is closed, and the plugin opens a new one.
 * Once a speaker window has closed (its `pagehide`, then `closed`), it is released.
 */
export function createSpeakerViewOpener(reveal: RevealApi): () => void {
  /** The speaker window the last S opened (the one the plugin focuses instead of opening). */
  let current: SpeakerWindow | undefined;
  const release = (speaker: SpeakerWindow) => {
    speaker.release();
    if (current === speaker) current = undefined;
  };
  const open = (): void => {
    const notes = reveal.getPlugin('notes') as { open(): void } | undefined;
    if (!notes) return;
    const opened = windowOpenedBy(() => notes.open());
    if (opened) {
      current = opened;
      opened.window.addEventListener(
        'pagehide',
        () => void closed(opened.window).then(() => opened.window.closed && release(opened)),
        { once: true },
      );
      connectNow(reveal, opened.window);
      return;
    }
    const focused = current;
    if (!focused) return;
    void closed(focused.window).then(() => {
      if (focused.window.closed && current === focused) {
        release(focused);
        open();
      }
    });
  };
  return open;
}

/**
 * Binds `S` to the speaker view opener, replacing the notes plugin's own binding. Not in the
 * speaker view's own frames (`?receiver`), where the plugin binds nothing either.
 */
export function bindSpeakerViewKey(reveal: RevealApi): void {
  if (/receiver/i.test(location.search)) return;
  reveal.addKeyBinding(
    { keyCode: 83, key: 'S', description: 'Speaker notes view' },
    createSpeakerViewOpener(reveal),
  );
}
