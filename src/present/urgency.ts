/**
 * Which slide the deck opens on, read from reveal.js's hash (`#/<id>`, `#/<id>/<fragment>`,
 * `#/<index>` or `#/<index>/<v>/<fragment>`), and the order to draw diagrams in: the opening
 * slide first, then outwards, nearest first (next before previous).
 */
export function openingSlideIndex(hash: string, slideIds: readonly string[]): number {
  const first = decodeURIComponent(hash.replace(/^#\/?/, '').split('/')[0] ?? '');
  if (first === '') return 0;
  const byId = slideIds.indexOf(first);
  if (byId >= 0) return byId;
  const byNumber = Number(first);
  return Number.isInteger(byNumber) && byNumber >= 0 && byNumber < slideIds.length ? byNumber : 0;
}

export function byDistanceFrom<T>(items: readonly T[], slideOf: (item: T) => number, opening: number): T[] {
  const distance = (item: T) => {
    const offset = slideOf(item) - opening;
    // Ahead before behind at the same distance: a presenter moves forward.
    return offset >= 0 ? offset * 2 : -offset * 2 + 1;
  };
  return [...items].sort((a, b) => distance(a) - distance(b));
}
