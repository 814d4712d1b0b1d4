import { parseInline } from '../deck/inline.ts';
import { h } from './dom.ts';

/** Author text with `code` and **strong** spans, as DOM nodes (text nodes, never HTML). */
export function renderInline(source: string): Node[] {
  return parseInline(source).map((span) => {
    if (span.kind === 'code') return h('code', {}, [span.text]);
    if (span.kind === 'strong') return h('strong', {}, [span.text]);
    return document.createTextNode(span.text);
  });
}
