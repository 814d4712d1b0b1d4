import { describe, expect, it } from 'vitest';
import { byDistanceFrom, openingSlideIndex } from '../../src/present/urgency.ts';

const ids = ['title', 'layers', 'cache', 'lifecycle'];

describe('openingSlideIndex', () => {
  it.each([
    ['', 0],
    ['#/', 0],
    ['#/cache', 2],
    ['#/cache/1', 2],
    ['#/3', 3],
    ['#/3/0/2', 3],
    ['#/nope', 0],
    ['#/99', 0],
  ])('reads %s as slide %i', (hash, index) => {
    expect(openingSlideIndex(hash, ids)).toBe(index);
  });
});

describe('byDistanceFrom', () => {
  it('puts the opening slide first, then the next, then the previous, and so on', () => {
    expect(byDistanceFrom([0, 1, 2, 3, 4, 5], (slide) => slide, 2)).toEqual([2, 3, 1, 4, 0, 5]);
  });
});
