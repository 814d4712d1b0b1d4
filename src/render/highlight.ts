import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import plaintext from 'highlight.js/lib/languages/plaintext';
import yaml from 'highlight.js/lib/languages/yaml';
import type { CodeLanguage } from '../deck/types.ts';

// Only the languages the talk shows: the full highlight.js bundle is ~1 MB.
const GRAMMARS: Record<CodeLanguage, { name: string; grammar: Parameters<typeof hljs.registerLanguage>[1] }> =
  {
    dockerfile: { name: 'dockerfile', grammar: dockerfile },
    shell: { name: 'bash', grammar: bash },
    json: { name: 'json', grammar: json },
    yaml: { name: 'yaml', grammar: yaml },
    javascript: { name: 'javascript', grammar: javascript },
    text: { name: 'plaintext', grammar: plaintext },
  };
for (const { name, grammar } of Object.values(GRAMMARS)) hljs.registerLanguage(name, grammar);

/**
 * Highlights code and returns one HTML string per line. highlight.js escapes the code itself;
 * its output holds only `<span class="…">` and `</span>`, which are closed at the end of each
 * line and reopened on the next so a line can be wrapped on its own.
 */
export function highlightLines(code: string, language: CodeLanguage): string[] {
  const html = hljs.highlight(code, { language: GRAMMARS[language].name, ignoreIllegals: true }).value;
  return splitHighlightedLines(html);
}

export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  for (const token of html.split(/(<span[^>]*>|<\/span>|\n)/)) {
    if (token === '\n') {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else if (token.startsWith('<span')) {
      open.push(token);
      current += token;
    } else if (token === '</span>') {
      open.pop();
      current += token;
    } else {
      current += token;
    }
  }
  lines.push(current);
  return lines;
}
