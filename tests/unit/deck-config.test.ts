import { describe, expect, it } from 'vitest';
import { DeckValidationError, formatProblem } from '../../src/deck/problems.ts';
import { resolveDeckConfig, resolveTheme } from '../../src/deck/resolve.ts';
import type { DeckConfigInput, DeckInput } from '../../src/deck/types.ts';
import { validateDeck } from '../../src/deck/validate.ts';
import { goodSlide, entriesOf } from '../fixtures/bad-slides.ts';

const assets = { examples: new Map<string, string>(), images: new Set<string>() };

function deckWith(config: Partial<DeckConfigInput>): DeckInput {
  return { config: { title: 'T', author: 'A', ...config }, entries: entriesOf(goodSlide) };
}

function problemsOf(config: Partial<DeckConfigInput>): string[] {
  return validateDeck(deckWith(config), assets).map(formatProblem);
}

describe('the deck config’s public address', () => {
  it.each([
    'https://example.org/talks/docker/',
    'https://talks.example.org',
    'https://example.org/t?lang=en#top',
  ])('accepts %s', (url) => {
    expect(problemsOf({ url })).toEqual([]);
  });

  it.each([
    ['http://example.org/talks/', 'is http, not https'],
    ['https://me:secret@example.org/', 'carries a user name or password'],
    ['https://me@example.org/', 'carries a user name or password'],
    ['example.org/talks', 'is not a URL'],
    ['https://localhost/talk', 'has no public host name'],
    ['https://example.org/my talk', 'contains spaces'],
    ['ftp://example.org/', 'is ftp, not https'],
  ])('refuses %s, naming slides/deck.ts and the fix', (url, why) => {
    expect(problemsOf({ url })).toEqual([
      `slides/deck.ts: the public address "${url}" ${why}. Fix: set \`url\` to the https:// address where the slides are published, e.g. "https://example.org/talks/docker/", or remove it.`,
    ]);
  });

  it('is a named validation error, naming the module the loader found', () => {
    const deck = { ...deckWith({ url: 'http://example.org/' }), configModule: 'tests/fixtures/x/deck.ts' };
    const problems = validateDeck(deck, assets);
    const error = new DeckValidationError(problems);
    expect(error).toBeInstanceOf(DeckValidationError);
    expect(error.name).toBe('DeckValidationError');
    expect(error.message).toMatch(
      /^docker-talk: the deck has 1 problem:\n {2}- tests\/fixtures\/x\/deck\.ts: the public address/,
    );
  });

  it('refuses a theme it does not know', () => {
    expect(problemsOf({ theme: 'sepia' as 'dark' })).toEqual([
      'slides/deck.ts: the theme "sepia" is not known. Fix: set `theme` to light or dark.',
    ]);
  });

  it('resolves to no address and the light theme when the config sets neither', () => {
    expect(resolveDeckConfig({ title: 'T', author: 'A' })).toMatchObject({ url: null, theme: 'light' });
  });
});

describe('resolveTheme: defaults < deck config < URL query', () => {
  it.each([
    ['light', '', 'light'],
    ['dark', '', 'dark'],
    ['light', '?theme=dark', 'dark'],
    ['dark', '?theme=light', 'light'],
    ['dark', '?print-pdf&theme=dark&margin=0', 'dark'],
    ['dark', '?theme=sepia', 'dark'],
    ['light', '?receiver&theme=dark', 'dark'],
  ] as const)('config %s with query "%s" shows %s', (configured, query, shown) => {
    expect(resolveTheme(configured, query)).toBe(shown);
  });
});
