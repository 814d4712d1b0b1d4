import { parseArgs } from 'node:util';
import { PROJECT_NAME } from '../deck/problems.ts';

export interface PresentArgs {
  /** Start the live runner: the demos run on their slides against the engine. */
  live: boolean;
  /** The first port to try; the next free one is taken. */
  port: number;
  /** Loopback only; anything else is refused with a named error before anything listens. */
  host: string;
  /** Build the deck even when `dist/` is up to date. */
  rebuild: boolean;
  /** Seconds a step may run before the deck falls back to its recording. */
  stepTimeoutSeconds: number;
  /** Serve this built folder as it is, instead of building `dist/` (tests). */
  dist?: string;
}

/** The first port `present` tries: beside `npm run preview`'s 4173. */
export const PRESENT_PORT = 4180;

export const PRESENT_USAGE = `usage: npm run present -- [options]

Builds the deck if dist/ is missing or older than its sources, serves it on 127.0.0.1 (the next
free port from ${PRESENT_PORT}), opens it in the browser (not when CI is set) and prints its URL.
Ctrl-C stops it.

options:
  --live               run the demos on their slides against the Docker Engine that DOCKER_HOST
                       (or the default socket) names: prints a URL with a fresh secret token in
                       its fragment; open that URL. Ctrl-C ends any running step and removes
                       what the demos made
  --port N             the first port to try (default ${PRESENT_PORT})
  --host ADDRESS       127.0.0.1 (default), ::1 or localhost; nothing else
  --step-timeout S     seconds a live step may run before the deck falls back to its recording
                       (default 120)
  --rebuild            build the deck even when dist/ is up to date
  --dist DIR           serve this built deck folder as it is (no build)
  --help               show this help`;

export class PresentUsageError extends Error {
  constructor(message: string) {
    super(`${PROJECT_NAME} present: ${message}`);
    this.name = 'PresentUsageError';
  }
}

export function parsePresentArgs(argv: readonly string[]): PresentArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        live: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        'step-timeout': { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        dist: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new PresentUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const port = values.port === undefined ? PRESENT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PresentUsageError(
      `--port takes a port number from 0 (any free one) to 65535, not "${values.port}"`,
    );
  }
  const stepTimeoutSeconds = values['step-timeout'] === undefined ? 120 : Number(values['step-timeout']);
  if (!Number.isFinite(stepTimeoutSeconds) || stepTimeoutSeconds <= 0) {
    throw new PresentUsageError(
      `--step-timeout takes a number of seconds above 0, not "${values['step-timeout']}"`,
    );
  }
  return {
    live: values.live,
    port,
    host: values.host,
    rebuild: values.rebuild,
    stepTimeoutSeconds,
    ...(values.dist === undefined ? {} : { dist: values.dist }),
  };
}
