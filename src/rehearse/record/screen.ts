import xterm from '@xterm/headless';
import type { TerminalSize } from '../shell-session.ts';

/**
 * Enough for the longest output of a demo command (a plain-progress build prints a few hundred
 * lines): a line scrolled out of the scrollback is lost to the screen text.
 */
const SCROLLBACK = 20_000;

/** A place in the terminal's buffer that stays on its line as the buffer scrolls. */
export interface ScreenMark {
  readonly line: number;
}

/**
 * The terminal as the audience sees it, without a display: `@xterm/headless` interprets what the
 * programs printed (carriage returns, cursor moves, colours), so progress bars resolve to their
 * last state. Claims read this text, so what is checked is what is shown.
 */
export interface Screen {
  /** Feeds the terminal (in order; interpreted soon after, see `settled`). */
  write(data: string): void;
  /** Resolves once everything written so far is interpreted. */
  settled(): Promise<void>;
  /** A mark on the cursor's line (where a command's output starts). */
  mark(): ScreenMark;
  /** The cursor's column: 0 when the last output ended its line. */
  readonly cursorX: number;
  /**
   * The text from `from`'s line to the last line with something on it: logical lines (a line the
   * terminal wrapped is joined again), right-trimmed, without trailing empty lines.
   */
  textFrom(from: ScreenMark): string;
  dispose(): void;
}

export function createScreen(size: TerminalSize): Screen {
  const terminal = new xterm.Terminal({
    cols: size.cols,
    rows: size.rows,
    scrollback: SCROLLBACK,
    allowProposedApi: true,
  });
  // xterm.js answers queries (cursor position, device attributes) on onData; nobody listens here.
  return {
    // One callback per write would cost a timer tick per keystroke: write freely, wait once.
    write: (data) => terminal.write(data),
    settled: () => new Promise((resolve) => terminal.write('', resolve)),
    mark() {
      const marker = terminal.registerMarker(0);
      if (!marker) throw new Error('the terminal refused a marker');
      return marker;
    },
    get cursorX() {
      return terminal.buffer.active.cursorX;
    },
    textFrom(from) {
      const buffer = terminal.buffer.active;
      const start = Math.max(0, from.line);
      const lines: string[] = [];
      for (let y = start; y < buffer.length; y += 1) {
        const line = buffer.getLine(y);
        if (!line) break;
        const next = buffer.getLine(y + 1);
        // A row the terminal wrapped keeps its full width: its last cell may be a space.
        const text = line.translateToString(!next?.isWrapped);
        if (line.isWrapped && y > start) lines[lines.length - 1] += text;
        else lines.push(text);
      }
      while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
      return lines.map((line) => line.trimEnd()).join('\n');
    },
    dispose: () => terminal.dispose(),
  };
}
