// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.ts';
import { factsCheckedOn } from '../../src/deck/facts.ts';
import { TALK_IMAGES } from '../../src/rehearse/images.ts';
import { facts, sources } from '../../slides/facts.ts';

/** The dated facts stay tied to the talk: slides that exist, sources with addresses, every tag. */
const { deck } = loadDeck();
const slides = new Map(deck.entries.map((entry) => [entry.slide.id, entry.slide]));

describe('the facts that drift', () => {
  it('shows each fact on slides that exist, from a source that has an https address', () => {
    for (const fact of facts) {
      expect(fact.slides.length, fact.claim).toBeGreaterThan(0);
      for (const id of fact.slides) expect([...slides.keys()], fact.claim).toContain(id);
      expect(Object.keys(sources)).toContain(fact.source);
    }
    for (const source of Object.values(sources))
      expect(source.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
  });

  it('dates every fact with a real day, none after today', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const fact of facts) {
      expect(fact.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(fact.checked))).toBe(false);
      expect(fact.checked <= today, fact.claim).toBe(true);
    }
    expect(
      factsCheckedOn([
        { ...facts[0]!, checked: '2026-01-02' },
        { ...facts[0]!, checked: '2026-11-30' },
      ]),
    ).toBe('2026-11-30');
  });

  it('lists every image tag the Dockerfiles and demos use, and no other', () => {
    const tagged = facts.flatMap((fact) => fact.tags ?? []);
    expect([...tagged].sort()).toEqual(TALK_IMAGES.map((image) => image.reference).sort());
  });

  it('draws the further-reading slide from the sources', () => {
    const text = JSON.stringify(slides.get('further-reading')!.blocks);
    const listed = Object.values(sources).filter((source) => source.group !== 'facts');
    expect(listed.length).toBeGreaterThanOrEqual(10);
    for (const source of listed) expect(text).toContain(source.title);
    expect(text).toContain(`checked on ${factsCheckedOn(facts)}`);
  });
});
