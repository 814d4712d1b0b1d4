/**
 * Terminal text for people, from a recording's step output: the pane's static screens (print, the
 * speaker view's frames), quoted output on a slide, and the printed handouts. Pure: no Node, no DOM.
 */
import { DEMO_TERMINAL } from './terminal.ts';

/** The prompt the static screens draw before each command. */
export const PROMPT = '$ ';
/** What a pane, a quote or a printout says where a block has no recording. */
export const NOT_REHEARSED = 'not rehearsed yet';

/** Lines as the terminal shows them: cut into rows of `cols` characters. */
function wrap(line: string, cols: number): string[] {
  const chars = [...line];
  if (chars.length <= cols) return [line];
  const rows: string[] = [];
  for (let start = 0; start < chars.length; start += cols)
    rows.push(chars.slice(start, start + cols).join(''));
  return rows;
}

/**
 * The terminal's text after the first `ran` commands of a block: each command after a prompt,
 * then what it printed (when known), then a fresh prompt; only the last `rows` rows, as a
 * terminal that scrolled.
 */
export function terminalText(
  commands: readonly string[],
  outputs: readonly (string | null)[],
  ran: number,
  size: { cols: number; rows: number } = DEMO_TERMINAL,
): string {
  const lines: string[] = [];
  commands.slice(0, ran).forEach((command, index) => {
    command.split('\n').forEach((line, part) => lines.push(`${part === 0 ? PROMPT : '> '}${line}`));
    const output = outputs[index];
    if (output) lines.push(...output.split('\n'));
  });
  lines.push(PROMPT);
  return lines
    .flatMap((line) => wrap(line, size.cols))
    .slice(-size.rows)
    .join('\n');
}

/** Long output cut to `maxLines`, the cut shown: the last line says how many lines were left out. */
export function cutOutput(screen: string, maxLines: number): string {
  const lines = screen.split('\n');
  if (lines.length <= maxLines) return screen;
  const kept = lines.slice(0, Math.max(1, maxLines - 1));
  return [...kept, `… (${lines.length - kept.length} more lines)`].join('\n');
}
