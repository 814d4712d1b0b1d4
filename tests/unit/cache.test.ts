import { describe, expect, it } from 'vitest';
import { createSvgCache, diagramCacheKey, hashString } from '../../src/diagrams/cache.ts';
import { createStepCss } from '../../src/diagrams/step-css.ts';

describe('diagram cache', () => {
  it('keys on every input, so any change misses', () => {
    const key = diagramCacheKey(['11.17.2', 'diagram-a', 'flowchart LR\n A']);
    expect(diagramCacheKey(['11.17.2', 'diagram-a', 'flowchart LR\n A'])).toBe(key);
    expect(diagramCacheKey(['11.17.2', 'diagram-a', 'flowchart LR\n B'])).not.toBe(key);
    expect(diagramCacheKey(['11.17.3', 'diagram-a', 'flowchart LR\n A'])).not.toBe(key);
    expect(hashString('a')).not.toBe(hashString('b'));
  });

  it('stores and reads through a Storage, and survives a storage that throws', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    } as Storage;
    const cache = createSvgCache(storage);
    cache.set('k', '<svg/>');
    expect(cache.get('k')).toBe('<svg/>');
    const broken = createSvgCache({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    } as unknown as Storage);
    expect(() => broken.set('k', 'v')).not.toThrow();
    expect(broken.get('k')).toBeNull();
  });
});

describe('step CSS', () => {
  it('shows step k from the fragment of index k-1, within the same slide', () => {
    const css = createStepCss(4);
    expect(css).toContain(
      'section:has(.fragment[data-fragment-index="2"].visible) .diagram [data-diagram-step="3"] { opacity: 1; visibility: visible; translate: none; }',
    );
    expect(css).not.toContain('data-diagram-step="4"');
    expect(css).toMatch(/prefers-reduced-motion: reduce/);
  });
});
