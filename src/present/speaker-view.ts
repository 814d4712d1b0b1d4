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

/** Runs `open` and returns the window it opened with `window.open`, if it opened one. */
function windowOpenedBy(open: () => void): Window | undefined {
  const original = window.open;
  let opened: Window | undefined;
  window.open = (...args: Parameters<typeof window.open>) => {
    const result = original.apply(window, args);
    opened = result ?? undefined;
    return result;
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
 */
export function createSpeakerViewOpener(reveal: RevealApi): () => void {
  /** The speaker window the last S opened (the one the plugin focuses instead of opening). */
  let current: Window | undefined;
  const open = (): void => {
    const notes = reveal.getPlugin('notes') as { open(): void } | undefined;
    if (!notes) return;
    const opened = windowOpenedBy(() => notes.open());
    if (opened) {
      current = opened;
      connectNow(reveal, opened);
      return;
    }
    const focused = current;
    if (!focused) return;
    void closed(focused).then(() => {
      if (focused.closed && current === focused) {
        current = undefined;
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
