/** Progress of an export: one line per format (and per slide on a terminal), then a summary. */
export interface Progress {
  step(format: string, message: string): void;
  slide(format: string, index: number, total: number, title: string): void;
  done(format: string, message: string): void;
  summary(rows: readonly SummaryRow[]): void;
}

export interface SummaryRow {
  file: string;
  pages: number;
  bytes: number;
  seconds: number;
}

export function formatSummary(rows: readonly SummaryRow[]): string {
  const header = ['file', 'pages', 'size', 'seconds'];
  const body = rows.map((row) => [
    row.file,
    String(row.pages),
    formatBytes(row.bytes),
    row.seconds.toFixed(1),
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((cells) => cells[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(header), ...body.map(line)].join('\n');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** On a terminal: the current slide rewrites one line. Elsewhere (CI, a pipe): plain lines. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY);
  let open = false;
  const finishLine = () => {
    if (open) stream.write('\n');
    open = false;
  };
  return {
    step(format, message) {
      finishLine();
      stream.write(`${format.padEnd(12)} ${message}\n`);
    },
    slide(format, index, total, title) {
      if (!tty) return;
      stream.write(`\r\x1b[K${format.padEnd(12)} slide ${index + 1}/${total}: ${title.slice(0, 60)}`);
      open = true;
    },
    done(format, message) {
      finishLine();
      stream.write(`${format.padEnd(12)} ${message}\n`);
    },
    summary(rows) {
      finishLine();
      stream.write(`\n${formatSummary(rows)}\n`);
    },
  };
}
