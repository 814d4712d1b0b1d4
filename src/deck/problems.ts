/** The prefix of every message this project prints. */
export const PROJECT_NAME = 'docker-talk';

/** One thing wrong with the deck, located precisely enough to fix without searching. */
export interface DeckProblem {
  /** The module to edit, e.g. `slides/03-layers.ts`, or the deck config `slides/deck.ts`. */
  module: string;
  /** The slide, or '' for a problem of the deck config. */
  slideId: string;
  message: string;
  /** What to change. */
  fix: string;
}

export function formatProblem(problem: DeckProblem): string {
  const where = problem.slideId ? `${problem.module} (slide "${problem.slideId}")` : problem.module;
  return `${where}: ${problem.message}. Fix: ${problem.fix}.`;
}

export class DeckValidationError extends Error {
  readonly problems: readonly DeckProblem[];

  constructor(problems: readonly DeckProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      `${PROJECT_NAME}: the deck has ${count}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'DeckValidationError';
    this.problems = problems;
  }
}
