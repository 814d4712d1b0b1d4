import type { RevealApi } from 'reveal.js';
import { DECK_THEMES, type DeckTheme } from '../deck/types.ts';

/** The key that switches the theme, as reveal.js lists it in the `?` help. */
export const THEME_KEY = { keyCode: 84, key: 'T', description: 'Switch light / dark theme' } as const;

/**
 * Every deck page of this origin hears a switch: the speaker view's two frames, and a second
 * window showing the deck to the room. (A frame's own T, forwarded from the speaker window,
 * switches the main deck the same way.)
 */
const CHANNEL = 'docker-talk:theme';

/** Shows `theme`: the CSS picks its set of custom properties by `<html data-theme>`. */
export function applyTheme(theme: DeckTheme): void {
  document.documentElement.dataset.theme = theme;
}

export function shownTheme(): DeckTheme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** `href` with `theme=` in its query (the hash, reveal's slide, kept). */
export function withThemeQuery(href: string, theme: DeckTheme): string {
  const url = new URL(href);
  url.searchParams.set('theme', theme);
  return url.href;
}

function isTheme(value: unknown): value is DeckTheme {
  return (DECK_THEMES as readonly unknown[]).includes(value);
}

/**
 * Binds T to switch between the light and the dark theme, live. The switch is written into the
 * URL query, so a reload keeps it and the speaker view's frames, which load this page's URL,
 * open in it; it is sent to every other deck page of the origin, which follow.
 */
export function bindThemeKey(reveal: RevealApi): void {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const show = (theme: DeckTheme) => {
    if (theme === shownTheme()) return;
    applyTheme(theme);
    history.replaceState(history.state, '', withThemeQuery(location.href, theme));
    window.dispatchEvent(new CustomEvent('deck:theme', { detail: theme }));
  };
  channel?.addEventListener('message', (event: MessageEvent) => {
    if (isTheme(event.data)) show(event.data);
  });
  reveal.addKeyBinding(THEME_KEY, () => {
    const next: DeckTheme = shownTheme() === 'dark' ? 'light' : 'dark';
    show(next);
    channel?.postMessage(next);
  });
}
