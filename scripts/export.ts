/**
 * `npm run export -- [--format slides,handout] [--paper a4|letter] [--out DIR]`: the talk's PDFs.
 * Parses arguments, runs the export, exits non-zero with one clear message on failure.
 */
import { removeTempFiles } from '../src/export/atomic-write.ts';
import { runExport } from '../src/export/driver/run-export.ts';
import { BrowserNotFoundError } from '../src/export/find-browser.ts';
import { EXPORT_USAGE, parseExportArgs, UsageError } from '../src/export/options.ts';
import { createProgress } from '../src/export/progress.ts';

async function main(): Promise<number> {
  let options;
  try {
    options = parseExportArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(EXPORT_USAGE);
    return 0;
  }
  // An interrupted export removes what it was writing; finished files are complete and checked.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void removeTempFiles().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  const progress = createProgress();
  try {
    const rows = await runExport(options, progress);
    progress.summary(rows);
    return 0;
  } catch (error) {
    await removeTempFiles();
    console.error(
      error instanceof BrowserNotFoundError || error instanceof Error ? error.message : String(error),
    );
    return 1;
  }
}

process.exitCode = await main();
