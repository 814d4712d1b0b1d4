import { h } from './dom.ts';

/**
 * Speaker notes as reveal.js expects them: `<aside class="notes">`. Blank lines split
 * paragraphs. Text only: reveal's notes plugin shows the aside's HTML, so it must hold no markup
 * from the author.
 */
export function renderNotes(notes: string): HTMLElement {
  const paragraphs = notes
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => h('p', {}, [paragraph.replace(/\s+/g, ' ')]));
  return h('aside', { class: 'notes' }, paragraphs);
}
