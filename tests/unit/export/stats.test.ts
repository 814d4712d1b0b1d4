import { describe, expect, it } from 'vitest';
import { alternate, median } from '../../../src/bench/stats.ts';

describe('bench statistics', () => {
  it('takes the median of odd and even samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('alternates the measurements round by round', async () => {
    const order: string[] = [];
    const samples = await alternate(2, {
      a: async () => (order.push('a'), 1),
      b: async () => (order.push('b'), 2),
    });
    expect(order).toEqual(['a', 'b', 'a', 'b']);
    expect(samples).toEqual({ a: [1, 1], b: [2, 2] });
  });
});
