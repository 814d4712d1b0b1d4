/**
 * `npm run rehearse -- [--offline]`: the night before the talk, every demo block against a real
 * Docker Engine, every claim checked. Parses arguments, runs the rehearsal, prints the table,
 * exits 0 only when everything held (1 on a failure, 2 on a bad flag, 130 on Ctrl-C).
 */
import { PreflightError } from '../src/rehearse/preflight.ts';
import { parseRehearseArgs, REHEARSE_USAGE, RehearseUsageError } from '../src/rehearse/options.ts';
import { REPORT_PATH } from '../src/rehearse/report.ts';
import { runRehearsal } from '../src/rehearse/run-rehearsal.ts';
import { StandInError } from '../src/rehearse/stand-ins.ts';
import { formatTable } from '../src/rehearse/table.ts';

async function main(): Promise<number> {
  let options;
  try {
    options = parseRehearseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof RehearseUsageError)) throw error;
    console.error(`${error.message}\n\n${REHEARSE_USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(REHEARSE_USAGE);
    return 0;
  }
  // Ctrl-C: stop the command that runs, restore the example files, remove what the demos made.
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\ndocker-talk rehearse: ${signal}: stopping and cleaning up`);
      controller.abort();
    });
  }
  const log = { line: (message: string) => console.error(message) };
  try {
    const outcome = await runRehearsal(options, log, controller.signal);
    console.log(`\n${formatTable(outcome.rows)}\n`);
    if (options.offline) {
      console.log(
        "Offline: the talk's registry images were local stand-ins (see above), not the real images; commands that need a registry were not rehearsed.",
      );
    }
    if (outcome.interrupted) {
      console.error('docker-talk rehearse: interrupted; cleaned up, no report written');
      return 130;
    }
    for (const failure of outcome.failures) console.error(`✘ ${failure}`);
    const claims = outcome.blocks.flatMap((block) => block.claims);
    const held = claims.filter((claim) => claim.ok).length;
    console.log(
      `${outcome.blocks.length} blocks, ${claims.length} claims: ${held} held, ${claims.length - held} failed; ${outcome.failures.length} problem(s). Report: ${REPORT_PATH}`,
    );
    return outcome.failures.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof PreflightError || error instanceof StandInError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
