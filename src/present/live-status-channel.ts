import type { RevealApi } from 'reveal.js';
import type { LiveDemos, LiveStatus } from './live-demos.ts';

/**
 * The live deck and its speaker view talk over a BroadcastChannel (same origin only: the deck's
 * own pages). The speaker view's frames are decks of their own (`?receiver`) with no runner: the
 * live deck tells them how its demos stand, and they hand it the presenter's fallback key.
 */
const CHANNEL = 'docker-talk-live';

type ChannelMessage = { type: 'status'; status: LiveStatus } | { type: 'ask' } | { type: 'fall-back' };

/** The key that drops the live demo for its recording, at the same step (in reveal's `?` help). */
export const FALLBACK_KEY = { keyCode: 82, key: 'R', description: 'Demo: fall back to the recording' };

/** In the live deck: says every change of status, answers a speaker view that asks, takes its key. */
export function publishLiveStatus(reveal: RevealApi, live: LiveDemos): void {
  const channel = new BroadcastChannel(CHANNEL);
  const say = () => channel.postMessage({ type: 'status', status: live.status() } satisfies ChannelMessage);
  channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
    if (event.data.type === 'ask') say();
    else if (event.data.type === 'fall-back') live.fallBack();
  };
  live.onChange(say);
  reveal.addKeyBinding(FALLBACK_KEY, () => live.fallBack());
}

/**
 * In the speaker view's current-slide frame: `onStatus` gets the live deck's status (asked for
 * at once, then at every change); the speaker window hands its keys to this frame, so the
 * fallback key is passed on to the live deck from here.
 */
export function watchLiveStatus(reveal: RevealApi, onStatus: (status: LiveStatus) => void): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
    if (event.data.type === 'status') onStatus(event.data.status);
  };
  channel.postMessage({ type: 'ask' } satisfies ChannelMessage);
  reveal.addKeyBinding(FALLBACK_KEY, () =>
    channel.postMessage({ type: 'fall-back' } satisfies ChannelMessage),
  );
  // The frame is reloaded with the deck: its channel goes with it.
  window.addEventListener('pagehide', () => channel.close(), { once: true });
}
