import type { DeckOutline } from '../deck-outline.ts';

/**
 * Reads the deck's outline from the live page (passed to `page.evaluate`: uses nothing from
 * Node), live or print view. Titles and notes come from the rendered slides, so the handout says
 * what the deck says.
 */
export function readDeckOutline(): DeckOutline {
  const text = (element: Element | null | undefined) =>
    (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const paragraphs = (aside: Element | null | undefined) =>
    aside ? [...aside.querySelectorAll('p')].map((p) => text(p)).filter(Boolean) : [];
  const config = window.Reveal.getConfig() as { totalTime?: number };
  return {
    title: document.title,
    author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '',
    subject: document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? '',
    talkMinutes: (config.totalTime ?? 0) / 60,
    facts: window.deckFacts ?? [],
    url:
      document.querySelector<HTMLAnchorElement>('.slides section .slide-address a')?.getAttribute('href') ??
      null,
    // The print view repeats a slide once per step: keep each slide's first page.
    slides: window.Reveal.getSlides()
      .filter((section, index, all) => all.findIndex((other) => other.id === section.id) === index)
      .map((section) => {
        const fragments = [...section.querySelectorAll('.fragment')];
        const timing = Number(section.dataset.timing);
        return {
          id: section.id,
          title: text(section.querySelector('.slide-title')),
          module: section.dataset.module ?? '',
          timing: Number.isFinite(timing) && timing > 0 ? timing : null,
          notes: paragraphs(section.querySelector(':scope > aside.notes')),
          stepNotes: fragments.map((fragment) => {
            const own = paragraphs(fragment.querySelector('aside.notes'));
            return own.length > 0 ? own.join(' ') : null;
          }),
          fragments: fragments.length,
          links: [...section.querySelectorAll<HTMLAnchorElement>('.slide-frame a[href^="https://"]')].map(
            (anchor) => ({ text: text(anchor), url: anchor.href }),
          ),
          // Commands keep their line breaks: not through `text`, which folds whitespace.
          demos: [...section.querySelectorAll<HTMLElement>(':scope > .slide-demo')].map((demo) => ({
            id: demo.dataset.demo ?? '',
            status: text(demo.querySelector('.slide-demo-status')),
            commands: [...demo.querySelectorAll('.slide-demo-command')].map((pre) => pre.textContent ?? ''),
            ...(demo.dataset.recording ? { recording: demo.dataset.recording } : {}),
            outputs: [...demo.querySelectorAll('.slide-demo-step')].map(
              (step) => step.querySelector('.slide-demo-output')?.textContent ?? null,
            ),
          })),
        };
      }),
  };
}
