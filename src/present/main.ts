import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/jetbrains-mono/latin-400.css';
import 'reveal.js/reveal.css';
import '../styles/theme.css';
import '../styles/slides.css';
import '../styles/diagrams.css';
import 'virtual:diagram-steps.css';
import '../styles/print.css';
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import { loadDeck } from '../deck/load.ts';
import { DeckValidationError } from '../deck/problems.ts';
import { resolveDeckConfig } from '../deck/resolve.ts';
import { validateDeck } from '../deck/validate.ts';
import { renderDeckSlides } from '../render/render-slide.ts';
import { showErrorPanel } from './error-panel.ts';
import { createRevealConfig } from './reveal-config.ts';
import { markError, markLoading, markPdfReady, markReady } from './signals.ts';
import { collectDiagramTargets, prepareDiagrams } from './diagrams.ts';

async function start(): Promise<void> {
  markLoading();
  const { deck, assets, imageUrls } = loadDeck();
  const problems = validateDeck(deck, assets);
  if (problems.length > 0) throw new DeckValidationError(problems);

  const config = resolveDeckConfig(deck.config);
  document.title = config.title;
  const revealElement = document.querySelector<HTMLElement>('.reveal');
  const slidesElement = revealElement?.querySelector<HTMLElement>('.slides');
  if (!revealElement || !slidesElement) throw new Error('index.html has no `.reveal .slides` element');
  slidesElement.replaceChildren(...renderDeckSlides(deck.entries, { examples: assets.examples, imageUrls }));

  const diagrams = await prepareDiagrams(deck, collectDiagramTargets(deck, slidesElement));

  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const reveal = new Reveal(revealElement, {
    ...createRevealConfig({ reducedMotion, totalSeconds: config.talkMinutes * 60 }),
    plugins: [Notes],
  });
  // decktape and other reveal.js tools look for the instance here.
  window.Reveal = reveal;
  // The print view (?print-pdf) lays out its pages after initialise; the exporter waits for this.
  reveal.on('pdf-ready', markPdfReady);
  await reveal.initialize();
  markReady(diagrams);
}

start().catch((error: unknown) => {
  console.error(error);
  markError(error);
  showErrorPanel(error);
});
