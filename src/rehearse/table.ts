/** One row of the rehearsal's table: a command as typed, or a claim's outcome. */
export interface TableRow {
  script: string;
  block: string;
  slide: string;
  command: string;
  /** Exit code, or a word: `registry` (not rehearsed offline), `skipped`. */
  exit: string;
  seconds: string;
  claims: string;
}

const COLUMNS: readonly (keyof TableRow)[] = [
  'script',
  'block',
  'slide',
  'command',
  'exit',
  'seconds',
  'claims',
];
const COMMAND_WIDTH = 60;

export function formatTable(rows: readonly TableRow[]): string {
  const cells = rows.map((row) =>
    COLUMNS.map((column) => {
      const value = row[column].replace(/\s*\n\s*/g, ' ');
      return column === 'command' && value.length > COMMAND_WIDTH
        ? `${value.slice(0, COMMAND_WIDTH - 1)}…`
        : value;
    }),
  );
  const header = COLUMNS.map(String);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...cells].map((line) => line[column]!.length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, column) => value.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
