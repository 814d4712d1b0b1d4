import type { DatedFact } from '../deck/types.ts';

/** What the exporter knows of each slide, read from the rendered deck (what the audience sees). */
export interface SlideOutline {
  id: string;
  title: string;
  /** The slide module, for error messages. */
  module: string;
  /** Planned seconds, if the slide has a timing. */
  timing: number | null;
  notes: string[];
  /** Notes of each step after the first (null where the step has none of its own). */
  stepNotes: (string | null)[];
  /** Steps after the first (fragments). */
  fragments: number;
  /** The slide's links (further reading): the handouts print each address beside its title. */
  links: { text: string; url: string }[];
  /** The slide's demos: commands in the speaker script; with what they printed in every handout. Default: none. */
  demos?: DemoOutline[];
}

/** One demo block of a slide: what the presenter types, and whether it was rehearsed. */
export interface DemoOutline {
  id: string;
  /** The rehearsal status line, e.g. `rehearsed ✔ on Engine 20.10.24, 2026-12-01`. */
  status: string;
  /** Each command exactly as typed (continuation lines included). */
  commands: string[];
  /** Where the printed output comes from, `Engine 20.10.24 (overlay2), 2026-12-01`; absent: not recorded. */
  recording?: string;
  /** What each command printed (the recording's screen text), by command; null where not recorded. */
  outputs?: (string | null)[];
}

export interface DeckOutline {
  title: string;
  author: string;
  subject: string;
  talkMinutes: number;
  slides: SlideOutline[];
  /** The slides' public address, as the title slide links to it; null when none is configured. */
  url: string | null;
  /** The deck's dated facts: the speaker script ends with them. */
  facts: readonly DatedFact[];
}

/** First page (0-based) of each slide in a PDF that has `pagesOf(slide)` pages per slide. */
export function firstPages(
  slides: readonly SlideOutline[],
  pagesOf: (slide: SlideOutline) => number,
): number[] {
  const starts: number[] = [];
  let page = 0;
  for (const slide of slides) {
    starts.push(page);
    page += pagesOf(slide);
  }
  return starts;
}

export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  return `${minutes}:${String(rest).padStart(2, '0')}`;
}
