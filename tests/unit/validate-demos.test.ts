import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/deck/problems.ts';
import { validateDemos } from '../../src/deck/validate-demos.ts';
import { badDemos, goodDemos, quotingDemos, type DemoCase } from '../fixtures/bad-demos.ts';
import { entriesOf } from '../fixtures/bad-slides.ts';

function messagesFor({ slides, blocks }: DemoCase): string[] {
  return validateDemos({ config: { title: 'T', author: 'A' }, entries: entriesOf(...slides) }, blocks).map(
    formatProblem,
  );
}

describe('validateDemos', () => {
  it('accepts a slide and a block that name each other', () => {
    expect(messagesFor(goodDemos)).toEqual([]);
  });

  it('accepts output quoted from a command the block has', () => {
    expect(messagesFor(quotingDemos)).toEqual([]);
  });

  it.each([
    [
      'quotesUnknownCommand',
      /^slides\/fixture-diff-and-commit\.ts \(slide "diff-and-commit"\): the output block quotes "docker diff web1", but the demo "03-containers\/diff" \(assets\/examples\/demo\/03-containers\.sh:37\) has no such command\. Fix: quote one of its commands exactly as the script has it: "docker diff web-1", "docker commit web-1 hello-layers:patched"\.$/,
    ],
    [
      'quotesUnknownBlock',
      /^slides\/fixture-diff-and-commit\.ts \(slide "diff-and-commit"\): the output block quotes the demo "03-containers\/dif", which is not a block of the demo scripts\. Fix: use one of "03-containers\/diff"\.$/,
    ],
    [
      'unknownDemoId',
      /^slides\/fixture-build-cache\.ts \(slide "build-cache"\): the demo "02-builds\/cahce" is not a block of the demo scripts\. Fix: use one of "02-builds\/cache"/,
    ],
    [
      'blockForMissingSlide',
      /^assets\/examples\/demo\/02-builds\.sh \(slide "cache-ordr"\): the demo block "02-builds\/order" \(line 23\) names the slide "cache-ordr", which the deck does not have\. Fix: correct "slide:"/,
    ],
    [
      'blockNoSlideNames',
      /^slides\/fixture-build-cache\.ts \(slide "build-cache"\): the demo block "02-builds\/cache" \(assets\/examples\/demo\/02-builds\.sh:13\) names this slide, but the slide does not name it\. Fix: add `demo: '02-builds\/cache'`/,
    ],
    [
      'slideAndBlockDisagree',
      /^slides\/fixture-good\.ts \(slide "good"\): the demo "02-builds\/cache" belongs to the slide "build-cache" \(assets\/examples\/demo\/02-builds\.sh:13 says "slide: build-cache"\)\. Fix: name the block on its own slide/,
    ],
    [
      'freeTextDemoInNotes',
      /^slides\/fixture-build-cache\.ts \(slide "build-cache"\): the notes still give a demo as free text \("Demo: …"\)\. Fix: remove the "Demo:" sentence: the speaker view shows the commands of `demo`/,
    ],
    [
      'freeTextDemoInStepNotes',
      /^slides\/fixture-good\.ts \(slide "good"\): the notes still give a demo as free text.*Fix: move the commands into a "# block:" of a demo script, name it in `demo`/,
    ],
  ] as const)('reports %s with the module and the fix', (name, pattern) => {
    const messages = messagesFor(badDemos[name]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(pattern);
  });
});
