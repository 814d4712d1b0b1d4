import { DeckValidationError, formatProblem, PROJECT_NAME } from '../deck/problems.ts';
import { h } from '../render/dom.ts';

/**
 * Shows why the deck cannot start, on the page itself: a blank page would leave a presenter
 * guessing. Text only, one line per problem.
 */
export function showErrorPanel(error: unknown): void {
  const lines =
    error instanceof DeckValidationError
      ? error.problems.map(formatProblem)
      : [error instanceof Error ? error.message : String(error)];
  const panel = h('div', { class: 'deck-error', role: 'alert' }, [
    h('h1', {}, [`${PROJECT_NAME}: the deck cannot start`]),
    h(
      'ul',
      {},
      lines.map((line) => h('li', {}, [line])),
    ),
    h('p', {}, ['Fix the slide module named above and save: the page reloads by itself.']),
  ]);
  document.querySelector('.deck-error')?.remove();
  document.body.append(panel);
}
