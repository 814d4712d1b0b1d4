/**
 * A cache of finished diagram SVGs (drawn, tagged with their steps, with their text
 * alternative), keyed by everything that shapes them. The speaker view opens the deck three
 * times (its window, current and next frames); sessionStorage is copied into the popup when it
 * opens and shared with its frames, so only the first deck instance pays for Mermaid.
 */
export interface SvgCache {
  get(key: string): string | null;
  set(key: string, svg: string): void;
}

export function createSvgCache(storage: Storage | null): SvgCache {
  return {
    get: (key) => {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set: (key, svg) => {
      try {
        storage?.setItem(key, svg);
      } catch {
        // Full or disabled storage only costs a re-render next time.
      }
    },
  };
}

/** The cache key: a hash of every input of the drawing, so a stale SVG can never be served. */
export function diagramCacheKey(parts: readonly string[]): string {
  return `docker-talk:diagram:${hashString(parts.join('\u0000'))}`;
}

/** cyrb53: a fast 53-bit string hash (not cryptographic; collisions need ~2^26 entries). */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
