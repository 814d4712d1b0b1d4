import { Window } from 'happy-dom';

/**
 * Mermaid's parser needs `window` and `document` (DOMPurify hooks itself in at import time).
 * In Node, a happy-dom window is enough to parse: nothing is laid out or drawn here.
 * Call before the first `import('mermaid')`.
 */
export function installMermaidDom(): void {
  const scope = globalThis as Record<string, unknown>;
  if (scope.window) return;
  const window = new Window();
  scope.window = window;
  scope.document = window.document;
}
