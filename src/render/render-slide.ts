import { countAuthoredFragments, countSlideSteps, flattenBlocks } from '../deck/resolve.ts';
import type { DeckEntry, DiagramBlock } from '../deck/types.ts';
import { h } from './dom.ts';
import { renderInline } from './inline.ts';
import { renderBlock, type BlockContext } from './render-blocks.ts';
import { renderNotes } from './notes.ts';
import { renderSlideDemos } from './slide-demos.ts';
import type { DemoBlockData } from '../deck/demo-types.ts';
import { renderDemoPane, type DemoOutputs } from './demo-terminal.ts';

export interface AssetUrls {
  examples: ReadonlyMap<string, string>;
  imageUrls: ReadonlyMap<string, string>;
  /** The demo blocks of each slide, by slide id (the pane, the speaker script). Default: none. */
  demos?: ReadonlyMap<string, readonly DemoBlockData[]>;
  /** Every demo block by id (quoted output may name any). Default: none. */
  demoBlocks?: ReadonlyMap<string, DemoBlockData>;
  /** The recordings' output, when loaded before rendering (print, the speaker view). */
  demoOutputs?: DemoOutputs;
}

/**
 * One slide as a reveal.js `<section>`: its id is the slide id (the URL hash `#/<id>`),
 * `data-timing` feeds the speaker view's pacing, and the notes are an `<aside class="notes">`.
 */
export function renderSlide(entry: DeckEntry, assets: AssetUrls): HTMLElement {
  const { slide } = entry;
  const diagram = flattenBlocks(slide.blocks).find(
    (block): block is DiagramBlock => block.kind === 'diagram' && (block.steps?.length ?? 0) > 1,
  );
  const stepNotes = diagram?.steps?.map((step) => step.notes) ?? [];
  let nextIndex = 0;
  const context: BlockContext = {
    ...assets,
    diagramMarkers: countAuthoredFragments(slide) === 0,
    nextFragment(notes) {
      const index = nextIndex++;
      // An authored fragment that drives a diagram step takes that step's notes if it has none.
      const text = notes ?? stepNotes[index + 1];
      return { index, notes: text ? renderNotes(text) : null };
    },
  };
  const isTitle = slide.layout === 'title';
  const heading = h(isTitle ? 'h1' : 'h2', { class: 'slide-title' }, [slide.title]);
  const subtitle = slide.subtitle ? h('p', { class: 'slide-subtitle' }, renderInline(slide.subtitle)) : null;
  const body = h(
    'div',
    { class: 'slide-body' },
    slide.blocks.map((block) => renderBlock(block, context)),
  );
  const demos = assets.demos?.get(slide.id) ?? [];
  // The demo's steps come after the slide's own: one per command, numbered on from them.
  const pane =
    demos.length > 0 ? renderDemoPane(slide.id, demos, countSlideSteps(slide), assets.demoOutputs) : null;
  return h(
    'section',
    {
      id: slide.id,
      class: `slide layout-${slide.layout ?? 'content'}`,
      'data-timing': slide.timing,
      'data-module': entry.module,
    },
    [
      // reveal.js sets `display` on the section itself, so the layout lives on an inner frame.
      h('div', { class: `slide-frame${pane ? ' has-demo-pane' : ''}` }, [
        h('header', { class: 'slide-header' }, [heading, subtitle]),
        body,
        pane,
      ]),
      renderNotes(slide.notes),
      ...renderSlideDemos(demos, assets.demoOutputs),
    ],
  );
}

export function renderDeckSlides(entries: readonly DeckEntry[], assets: AssetUrls): HTMLElement[] {
  return entries.map((entry) => renderSlide(entry, assets));
}
