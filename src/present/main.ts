import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/jetbrains-mono/latin-400.css';
import 'reveal.js/reveal.css';
import '../styles/theme.css';
import '../styles/slides.css';
import '../styles/diagrams.css';
import 'virtual:diagram-steps.css';
import '../styles/demo-pane.css';
import '../styles/print.css';
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import { loadDeck } from '../deck/load.ts';
import { DeckValidationError } from '../deck/problems.ts';
import { demosBySlide, resolveDeckConfig, resolveTheme } from '../deck/resolve.ts';
import { validateDeck } from '../deck/validate.ts';
import { validateDemos } from '../deck/validate-demos.ts';
import { renderDeckSlides } from '../render/render-slide.ts';
import { addPublicAddress } from './address.ts';
import { showErrorPanel } from './error-panel.ts';
import { liveSocketUrl, takeLiveTokenFromPage } from './live-client.ts';
import { startLiveDemos } from './live-demos.ts';
import { publishLiveStatus } from './live-status-channel.ts';
import { createRevealConfig } from './reveal-config.ts';
import { bindSpeakerViewKey } from './speaker-view.ts';
import { attachSpeakerDemos } from './speaker-demos.ts';
import { applyTheme, bindThemeKey } from './theme.ts';
import { attachDemoPanes, bindPaneToggle } from './demo-pane.ts';
import { attachBodyFit } from './fit-body.ts';
import { markDiagramsDrawn, markError, markLoading, markPdfReady, markReady } from './signals.ts';
import { byDistanceFrom, openingSlideIndex } from './urgency.ts';
import { collectDiagramTargets, prepareDiagrams } from './diagrams.ts';
import type { DiagramTarget, DrawReport } from '../diagrams/draw.ts';

async function start(): Promise<void> {
  // Live (`npm run present -- --live`): the token leaves the URL before anything reads the hash.
  const liveToken = takeLiveTokenFromPage();
  markLoading();
  const { deck, assets, imageUrls, demos } = loadDeck();
  const problems = [...validateDeck(deck, assets), ...validateDemos(deck, demos)];
  if (problems.length > 0) throw new DeckValidationError(problems);

  const config = resolveDeckConfig(deck.config);
  applyTheme(resolveTheme(config.theme, location.search));
  document.title = config.title;
  setMeta('author', config.author);
  setMeta('description', config.subject);
  window.deckFacts = config.facts;
  const revealElement = document.querySelector<HTMLElement>('.reveal');
  const slidesElement = revealElement?.querySelector<HTMLElement>('.slides');
  if (!revealElement || !slidesElement) throw new Error('index.html has no `.reveal .slides` element');
  const slideDemos = demosBySlide(deck, demos);
  const demoBlocks = new Map(demos.map((block) => [block.id, block]));
  // The print view and the speaker view's frames show the demos' static screens, with their
  // output, from the start; the presenting deck loads the recordings when a demo slide is near.
  const staticDemos = /[?&](print-pdf|receiver)\b/.test(location.search);
  const loadRecordings = () => import('virtual:demo-recordings');
  const demoOutputs =
    staticDemos && demos.some((block) => block.recording) ? (await loadRecordings()).outputs : undefined;
  const sections = renderDeckSlides(deck.entries, {
    examples: assets.examples,
    imageUrls,
    demos: slideDemos,
    demoBlocks,
    demoOutputs,
  });
  slidesElement.replaceChildren(...sections);
  // The QR code is drawn before reveal.js starts, so the print view clones it into its pages.
  if (config.url) await addPublicAddress(sections, config.url);

  const targets = collectDiagramTargets(deck, slidesElement);
  // Preparing (drawing code, fonts) starts now; it is awaited only when a diagram is drawn, so
  // an opening slide without one does not wait for it. The no-op handler keeps a failure from
  // being reported as unhandled before it is awaited (and shown) below.
  const preparing = prepareDiagrams(deck, targets);
  preparing.catch(() => undefined);
  // Draw what the opening slide shows before reveal.js starts, the rest right after, nearest
  // first (the next slide's diagrams are drawn long before a presenter moves on). The print
  // view clones its pages once, at start, and the speaker view's frames may show any slide:
  // those draw everything first.
  const drawAllFirst = /[?&](print-pdf|receiver)\b/.test(location.search);
  const opening = openingSlideIndex(
    location.hash,
    deck.entries.map((entry) => entry.slide.id),
  );
  const slideOf = (target: DiagramTarget) => deck.entries.indexOf(target.entry);
  const ordered = byDistanceFrom(targets, slideOf, opening);
  const firstView = drawAllFirst ? ordered : ordered.filter((target) => slideOf(target) === opening);
  const firstDrawer = firstView.length > 0 ? await preparing : null;
  const drawnFirst = (await firstDrawer?.draw(firstView)) ?? NOTHING_DRAWN;

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
  bindSpeakerViewKey(reveal);
  bindThemeKey(reveal);
  bindPaneToggle(reveal);
  attachSpeakerDemos(reveal, slideDemos);
  const fitBodies = attachBodyFit(reveal, /[?&]print-pdf\b/.test(location.search));
  markReady(drawnFirst);
  // Never in the print view or the speaker view's frames: nothing plays twice, nothing runs there.
  if (!staticDemos) {
    // Live only with the runner's token (taken above; never in `?receiver` or `?print-pdf`).
    const live = liveToken ? startLiveDemos({ token: liveToken, url: liveSocketUrl(location) }) : undefined;
    if (live) publishLiveStatus(reveal, live);
    attachDemoPanes(reveal, { demos: slideDemos, blocks: demoBlocks, loadRecordings, live });
  }

  const rest = ordered.filter((target) => !firstView.includes(target));
  const diagrams = await preparing;
  const drawnLater = (await diagrams?.draw(rest)) ?? NOTHING_DRAWN;
  diagrams?.close();
  // A diagram inserted after reveal.js laid out the slides needs a new layout.
  if (rest.length > 0) reveal.layout();
  fitBodies();
  markDiagramsDrawn({
    drawn: drawnFirst.drawn + drawnLater.drawn,
    fromCache: drawnFirst.fromCache + drawnLater.fromCache,
    keys: [...drawnFirst.keys, ...drawnLater.keys],
  });
}

const NOTHING_DRAWN: DrawReport = { drawn: 0, fromCache: 0, keys: [] };

/** Title, author and subject for the browser, search, and the exported PDFs' metadata. */
function setMeta(name: string, content: string): void {
  const meta =
    document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`) ?? document.createElement('meta');
  meta.name = name;
  meta.content = content;
  document.head.append(meta);
}

start().catch((error: unknown) => {
  console.error(error);
  markError(error);
  showErrorPanel(error);
});
