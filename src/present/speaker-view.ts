import type { RevealApi } from 'reveal.js';

/** The name reveal.js's notes plugin gives its window (`window.open(…, name)`). */
const SPEAKER_WINDOW_NAME = 'reveal.js - Notes';

/**
 * Opens reveal.js's speaker view and connects it at once. The notes plugin sends its first
 * "connect" message to the new window only after a 500 ms interval, and the window creates its
 * slide frames only on that message: half a second of blank speaker view for nothing. The
 * window's script is already listening when `open()` returns (its page is written
 * synchronously), so one message sent now, in the plugin's own format, starts it; the plugin's
 * later messages are ignored once connected.
 */
export function openSpeakerView(reveal: RevealApi): void {
  const notes = reveal.getPlugin('notes') as { open(): void } | undefined;
  if (!notes) return;
  notes.open();
  // With an empty URL, window.open returns the named window without navigating it.
  const speaker = window.open('', SPEAKER_WINDOW_NAME);
  if (!speaker || speaker === window) return;
  const url = `${location.protocol}//${location.host}${location.pathname}${location.search}`;
  speaker.postMessage(
    JSON.stringify({ namespace: 'reveal-notes', type: 'connect', state: reveal.getState(), url }),
    '*',
  );
}

/**
 * Binds `S` to `openSpeakerView`, replacing the notes plugin's own binding. Not in the speaker
 * view's own frames (`?receiver`), where the plugin binds nothing either.
 */
export function bindSpeakerViewKey(reveal: RevealApi): void {
  if (/receiver/i.test(location.search)) return;
  reveal.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker notes view' }, () =>
    openSpeakerView(reveal),
  );
}
