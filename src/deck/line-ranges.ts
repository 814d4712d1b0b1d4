/** Parses a 1-based line list such as `"1,3-5"`. Returns null when the text is malformed. */
export function parseLineRanges(spec: string): number[] | null {
  const lines: number[] = [];
  for (const part of spec.split(',').map((s) => s.trim())) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return null;
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    if (start < 1 || end < start) return null;
    for (let line = start; line <= end; line += 1) lines.push(line);
  }
  return lines;
}
