import type { DatedFact } from './types.ts';

/**
 * Facts that drift: a version, a date, a default, an image tag. Each is checked against its
 * source on a date and shown on named slides, so a later review knows what to re-check and where.
 */
export interface Source {
  /** The page's own title. */
  title: string;
  url: string;
  /**
   * Where it is listed: the further-reading slide's two columns (`specs`, `docker`), or, for the
   * sources of dated facts only, the handouts (`facts`).
   */
  group: 'specs' | 'docker' | 'facts';
}

export interface Fact {
  /** What the talk says, in a sentence. */
  claim: string;
  /** Ids of the slides where it shows (on the slide, in its diagram or in its notes). */
  slides: readonly string[];
  /** A key of the sources table. */
  source: string;
  /** When it was last checked against the source, YYYY-MM-DD. */
  checked: string;
  /** Image references the claim covers (every tag a Dockerfile or demo uses is listed in one). */
  tags?: readonly string[];
}

/** Identity helpers: the types check the table where it is written. */
export function defineSources<K extends string>(sources: Record<K, Source>): Record<K, Source> {
  return sources;
}

/** Facts about `sources`: a fact naming a source the table lacks does not type-check. */
export function defineFacts<K extends string>(
  _sources: Record<K, Source>,
  facts: readonly (Fact & { source: K })[],
): readonly Fact[] {
  return facts;
}

/** Each fact with its source written out, as the deck config carries them to the speaker script. */
export function datedFacts(facts: readonly Fact[], sources: Record<string, Source>): DatedFact[] {
  return facts.map((fact) => {
    const source = sources[fact.source];
    if (!source)
      throw new Error(`the fact "${fact.claim}" names the source "${fact.source}", which the table lacks`);
    return { claim: fact.claim, source: { title: source.title, url: source.url }, checked: fact.checked };
  });
}

/** The latest date any fact was checked: what `notes.pdf` prints as "facts checked on". */
export function factsCheckedOn(facts: readonly { checked: string }[]): string {
  return (
    facts
      .map((fact) => fact.checked)
      .sort()
      .at(-1) ?? ''
  );
}

/** The sources of one group, in the table's order, for the further-reading slide. */
export function sourcesIn(sources: Record<string, Source>, group: Source['group']): Source[] {
  return Object.values(sources).filter((source) => source.group === group);
}
