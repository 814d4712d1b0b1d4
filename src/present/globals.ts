import type { RevealApi } from 'reveal.js';
import type { DatedFact } from '../deck/types.ts';

/** What the deck page exposes on `window`: for tests, the exporter, the bench and reveal tools. */
export interface DeckStatus {
  state: 'loading' | 'ready' | 'error';
  /**
   * `drawn` once every diagram is in its slide. The deck is ready (presentable) once the
   * diagrams of the opening slide are drawn; the rest follow at once, nearest first.
   */
  diagrams: 'pending' | 'drawn';
  /** Diagrams drawn by Mermaid / taken from the cache, so far. */
  diagramsDrawn: number;
  diagramsFromCache: number;
  /** Milliseconds from navigation start to ready. */
  readyAt?: number;
  /** Cache keys of the deck's diagrams, once every diagram is drawn. */
  diagramCacheKeys?: string[];
  /** Milliseconds from navigation start to every diagram drawn. */
  diagramsDrawnAt?: number;
  error?: string;
}

declare global {
  interface Window {
    deckStatus: DeckStatus;
    /** The reveal.js instance (decktape and other reveal tools look for it here). */
    Reveal: RevealApi;
    /** The deck's dated facts, for the exporter's speaker script. */
    deckFacts: readonly DatedFact[];
  }
}
