/**
 * The end of a step, found in the terminal's own output. The runner's shell prints an OSC
 * sequence with a per-shell random nonce and the step's exit status right after the command:
 * in-band, so every byte the command wrote to the terminal has come through before it. The
 * sequence is taken out of what the page sees; a chunk that ends in the first bytes of one is
 * held back until the next chunk says whether it was.
 */
export interface StepEndScanner {
  /** Feeds terminal output; returns what to show now, and the exit status once the step ended. */
  push(chunk: string): { show: string; status?: number };
}

export function stepEndSequence(nonce: string): { prefix: string; terminator: string } {
  return { prefix: `\u001b]7777;docker-talk-${nonce};`, terminator: '\u0007' };
}

export function createStepEndScanner(nonce: string): StepEndScanner {
  const { prefix, terminator } = stepEndSequence(nonce);
  let pending = '';
  return {
    push(chunk) {
      const text = pending + chunk;
      pending = '';
      const at = text.indexOf(prefix);
      if (at >= 0) {
        const end = text.indexOf(terminator, at + prefix.length);
        if (end < 0) {
          pending = text.slice(at);
          return { show: text.slice(0, at) };
        }
        const status = Number(text.slice(at + prefix.length, end));
        // Anything after the sequence belongs to no step (the shell prints nothing more).
        return { show: text.slice(0, at), status: Number.isInteger(status) ? status : 1 };
      }
      // Hold back a tail that could be the start of the sequence.
      for (let length = Math.min(prefix.length - 1, text.length); length > 0; length -= 1) {
        if (prefix.startsWith(text.slice(text.length - length))) {
          pending = text.slice(text.length - length);
          return { show: text.slice(0, text.length - length) };
        }
      }
      return { show: text };
    },
  };
}
