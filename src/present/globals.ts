import type { RevealApi } from 'reveal.js';

/** What the deck page exposes on `window`: for tests, the exporter, the bench and reveal tools. */
export interface DeckStatus {
  state: 'loading' | 'ready' | 'error';
  /** Diagrams drawn by Mermaid / taken from the cache. */
  diagramsDrawn: number;
  diagramsFromCache: number;
  /** Milliseconds from navigation start to ready. */
  readyAt?: number;
  error?: string;
}

declare global {
  interface Window {
    deckStatus: DeckStatus;
    /** The reveal.js instance (decktape and other reveal tools look for it here). */
    Reveal: RevealApi;
  }
}
