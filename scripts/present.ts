/**
 * `npm run present -- [--live]`: the talk from the built deck on 127.0.0.1; with `--live`, the
 * demos run on their slides against the Docker Engine. Parses arguments, builds if needed,
 * serves, opens the browser, prints the URL, and on Ctrl-C stops (live: ends any running step
 * and removes what the demos made). Exits 0 after a clean stop, 1 on a failure, 2 on a bad flag.
 */
import { resolve } from 'node:path';
import { ensureBuilt } from '../src/export/ensure-build.ts';
import { BindAddressError, loopbackAddress } from '../src/live/guard.ts';
import { openBrowser } from '../src/live/open-browser.ts';
import { parsePresentArgs, PRESENT_USAGE, PresentUsageError } from '../src/live/present-options.ts';
import { startPresentation } from '../src/live/runner.ts';
import { PreflightError } from '../src/rehearse/preflight.ts';

async function main(): Promise<number> {
  let options;
  try {
    options = parsePresentArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof PresentUsageError)) throw error;
    console.error(`${error.message}\n\n${PRESENT_USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(PRESENT_USAGE);
    return 0;
  }
  const log = (line: string) => console.error(line);
  try {
    // Refused before anything is built or listens.
    loopbackAddress(options.host);
    const distDir = options.dist ? resolve(options.dist) : resolve('dist');
    if (!options.dist) {
      log('docker-talk present: building the deck if dist/ is older than its sources');
      if (await ensureBuilt(resolve('.'), distDir, options.rebuild)) log('built dist/');
    }
    const presentation = await startPresentation({
      distDir,
      live: options.live,
      bindAddress: options.host,
      port: options.port,
      nextFreePort: true,
      stepTimeoutMs: options.stepTimeoutSeconds * 1000,
      log,
    });
    const { server } = presentation;
    const url = server.liveUrl ?? server.url;
    if (options.live) {
      console.log(`docker-talk present: live on ${server.origin}: open ${url}`);
      console.log(
        'The token after #live= is this run’s secret: the page takes it and removes it from the address bar. ' +
          'Only this origin, with this token, one deck at a time, may run the demo blocks, in order.',
      );
    } else {
      console.log(`docker-talk present: ${url}`);
    }
    if (openBrowser(url)) log('opened the deck in the browser');
    const code = await new Promise<number>((done) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          log(`\ndocker-talk present: ${signal}: stopping${options.live ? ' and cleaning up' : ''}`);
          void presentation.stop().then((problems) => {
            for (const problem of problems) console.error(`✘ cleanup: ${problem}`);
            log('docker-talk present: stopped');
            done(problems.length === 0 ? 0 : 1);
          });
        });
      }
    });
    return code;
  } catch (error) {
    // The project's own errors say what to do; anything else is a bug and shows its stack.
    if (
      error instanceof BindAddressError ||
      error instanceof PreflightError ||
      (error instanceof Error && error.message.startsWith('docker-talk'))
    ) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
