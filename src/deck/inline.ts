/**
 * Inline markup for slide text: `code` and **strong**, nothing else. Text is parsed into
 * spans that the renderer writes with `textContent`, so no author string ever becomes HTML.
 */
export interface InlineSpan {
  kind: 'plain' | 'code' | 'strong';
  text: string;
}

const INLINE_PATTERN = /`([^`]+)`|\*\*([^*]+)\*\*/g;

export function parseInline(source: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  let last = 0;
  for (const match of source.matchAll(INLINE_PATTERN)) {
    if (match.index > last) spans.push({ kind: 'plain', text: source.slice(last, match.index) });
    if (match[1] !== undefined) spans.push({ kind: 'code', text: match[1] });
    else if (match[2] !== undefined) spans.push({ kind: 'strong', text: match[2] });
    last = match.index + match[0].length;
  }
  if (last < source.length) spans.push({ kind: 'plain', text: source.slice(last) });
  return spans;
}
