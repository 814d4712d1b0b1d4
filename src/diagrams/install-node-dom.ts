import { Window } from 'happy-dom';

/*
 * Side effect on import: gives Node a `window` and `document` for Mermaid's parser (DOMPurify
 * hooks itself in when Mermaid is imported). Nothing is laid out or drawn with it. Import it
 * before `mermaid`; ES modules run their imports in order.
 */
const scope = globalThis as Record<string, unknown>;
if (!scope.window) {
  const window = new Window();
  scope.window = window;
  scope.document = window.document;
}
