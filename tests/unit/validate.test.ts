import { describe, expect, it } from 'vitest';
import { DeckValidationError, formatProblem } from '../../src/deck/problems.ts';
import { validateDeck, type AssetIndex } from '../../src/deck/validate.ts';
import type { DeckInput, SlideInput } from '../../src/deck/types.ts';
import { badSlides, entriesOf, goodSlide } from '../fixtures/bad-slides.ts';

const assets: AssetIndex = {
  examples: new Map([['Dockerfile', 'FROM alpine\nRUN echo hi\nCMD ["sh"]\n']]),
  images: new Set(['ok.svg']),
};

function deckOf(...slides: SlideInput[]): DeckInput {
  return { config: { title: 'T', author: 'A' }, entries: entriesOf(...slides) };
}

function messagesFor(slide: SlideInput): string[] {
  return validateDeck(deckOf(goodSlide, slide), assets).map(formatProblem);
}

describe('validateDeck', () => {
  it('accepts a good slide', () => {
    expect(validateDeck(deckOf(goodSlide), assets)).toEqual([]);
  });

  it.each([
    ['missingNotes', /slides\/fixture-no-notes\.ts .*no speaker notes.*Fix: write `notes`/],
    ['blankNotes', /fixture-blank-notes\.ts .*no speaker notes/],
    ['emptySlide', /fixture-empty\.ts .*the slide is empty.*Fix: add at least one block/],
    [
      'unknownLanguage',
      /fixture-unknown-language\.ts .*language "cobol" is not known.*use one of dockerfile/,
    ],
    ['missingCodeFile', /fixture-missing-code\.ts .*"assets\/examples\/Nope\.dockerfile" does not exist/],
    ['missingImage', /fixture-missing-image\.ts .*"assets\/images\/nope\.svg" does not exist/],
    ['badHighlight', /highlight "2-40" goes past the 3 lines shown/],
    ['badId', /id "Not A Slug" is not a slug/],
    [
      'plainHttpLink',
      /fixture-plain-http-link\.ts .*the bullet "Storage drivers" links to "http:\/\/docs\.docker\.com\/storage\/"\. Fix: link to a full https:\/\/ address/,
    ],
    ['stepsWithoutFragments', /has 2 steps after the first but the slide has 1 fragments/],
  ] as const)('reports %s with the module and the fix', (name, pattern) => {
    const messages = messagesFor(badSlides[name]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(pattern);
  });

  it('reports a duplicate id, naming the module that used it first', () => {
    const twin = { ...goodSlide };
    const problems = validateDeck(
      {
        config: { title: 'T', author: 'A' },
        entries: [
          { slide: goodSlide, module: 'slides/01-a.ts' },
          { slide: twin, module: 'slides/02-b.ts' },
        ],
      },
      assets,
    );
    expect(problems.map(formatProblem)).toEqual([
      'slides/02-b.ts (slide "good"): the id "good" is already used by slides/01-a.ts. Fix: give each slide its own id.',
    ]);
  });

  it('collects every problem into one error that names the project', () => {
    const error = new DeckValidationError(
      validateDeck(deckOf(badSlides.blankNotes, badSlides.emptySlide), assets),
    );
    expect(error.message).toMatch(/^docker-talk: the deck has 2 problems:/);
  });
});
