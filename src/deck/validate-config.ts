import type { DeckProblem } from './problems.ts';
import { DECK_THEMES, type DeckInput } from './types.ts';

/** Where a deck's config lives when the loader does not say (the talk's). */
export const DEFAULT_CONFIG_MODULE = 'slides/deck.ts';

/**
 * Why `url` cannot be the slides' public address, or null when it can. The address is printed
 * and encoded for anyone in the room to open: it must be a full https:// address with a host
 * name, and must not carry a user name or password (a QR code on a slide is public).
 */
export function publicUrlProblem(url: string): string | null {
  if (url.trim() !== url || /\s/.test(url)) return 'contains spaces';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'https:') return `is ${parsed.protocol.replace(/:$/, '')}, not https`;
  if (parsed.username || parsed.password) return 'carries a user name or password';
  if (!parsed.hostname.includes('.')) return 'has no public host name';
  return null;
}

/** Checks the deck config (`slides/deck.ts`): its theme and its public address. */
export function validateDeckConfig(deck: DeckInput): DeckProblem[] {
  const problems: DeckProblem[] = [];
  const module = deck.configModule ?? DEFAULT_CONFIG_MODULE;
  const report = (message: string, fix: string) => problems.push({ module, slideId: '', message, fix });
  const { theme, url } = deck.config;
  if (theme !== undefined && !(DECK_THEMES as readonly string[]).includes(theme)) {
    report(`the theme "${String(theme)}" is not known`, `set \`theme\` to ${DECK_THEMES.join(' or ')}`);
  }
  if (url !== undefined) {
    const problem = typeof url === 'string' ? publicUrlProblem(url) : 'is not a string';
    if (problem) {
      report(
        `the public address "${String(url)}" ${problem}`,
        'set `url` to the https:// address where the slides are published, e.g. "https://example.org/talks/docker/", or remove it',
      );
    }
  }
  return problems;
}
