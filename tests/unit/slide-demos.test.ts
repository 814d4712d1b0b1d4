// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.ts';
import { demosBySlide } from '../../src/deck/resolve.ts';
import { renderSlide } from '../../src/render/render-slide.ts';

const { deck, assets, imageUrls, demos } = loadDeck();

describe('a slide’s demos in its section (read by the speaker script export)', () => {
  it('carries each command exactly, hidden, beside the notes', () => {
    const entry = deck.entries.find((candidate) => candidate.slide.id === 'build-cache')!;
    const block = demos.find((candidate) => candidate.id === '02-builds/cache')!;
    const section = renderSlide(entry, {
      examples: assets.examples,
      imageUrls,
      demos: demosBySlide(deck, demos),
    });
    const demo = section.querySelector<HTMLElement>(':scope > .slide-demo')!;
    expect(demo.hasAttribute('hidden')).toBe(true);
    expect(demo.dataset.demo).toBe('02-builds/cache');
    expect([...demo.querySelectorAll('pre')].map((pre) => pre.textContent)).toEqual(
      block.commands.map((command) => command.text),
    );
    expect(demo.querySelector('.slide-demo-status')?.textContent).toBe(block.rehearsal.summary);
  });

  it('adds nothing to a slide without a demo', () => {
    const entry = deck.entries.find((candidate) => candidate.slide.id === 'definitions')!;
    const section = renderSlide(entry, {
      examples: assets.examples,
      imageUrls,
      demos: demosBySlide(deck, demos),
    });
    expect(section.querySelector('.slide-demo')).toBeNull();
  });
});
