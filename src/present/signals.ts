/**
 * The deck's readiness, readable from outside (tests, the exporter, the benchmark):
 * `<html data-deck-state="loading|ready|error">`, `window.deckStatus` (see `globals.ts`), and a
 * `deck:ready` / `deck:error` event on `window`.
 */

export function markLoading(): void {
  window.deckStatus = { state: 'loading', diagrams: 'pending', diagramsDrawn: 0, diagramsFromCache: 0 };
  document.documentElement.dataset.deckState = 'loading';
}

export function markReady(diagrams: { drawn: number; fromCache: number }): void {
  window.deckStatus = {
    state: 'ready',
    diagrams: 'pending',
    diagramsDrawn: diagrams.drawn,
    diagramsFromCache: diagrams.fromCache,
    readyAt: performance.now(),
  };
  document.documentElement.dataset.deckState = 'ready';
  window.dispatchEvent(new CustomEvent('deck:ready'));
}

export function markError(error: unknown): void {
  window.deckStatus = {
    ...window.deckStatus,
    state: 'error',
    error: error instanceof Error ? error.message : String(error),
  };
  document.documentElement.dataset.deckState = 'error';
  window.dispatchEvent(new CustomEvent('deck:error'));
}

/** reveal.js fired `pdf-ready`: the print view's pages exist and are laid out. */
export function markPdfReady(): void {
  document.documentElement.dataset.pdfReady = 'true';
  window.dispatchEvent(new CustomEvent('deck:pdf-ready'));
}

/** Every diagram is drawn and in its slide (`<html data-diagrams="drawn">`, `deck:diagrams-drawn`). */
export function markDiagramsDrawn(diagrams: { drawn: number; fromCache: number; keys: string[] }): void {
  window.deckStatus = {
    ...window.deckStatus,
    diagrams: 'drawn',
    diagramsDrawn: diagrams.drawn,
    diagramsFromCache: diagrams.fromCache,
    diagramCacheKeys: diagrams.keys,
    diagramsDrawnAt: performance.now(),
  };
  document.documentElement.dataset.diagrams = 'drawn';
  window.dispatchEvent(new CustomEvent('deck:diagrams-drawn'));
}
