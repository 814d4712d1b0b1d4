import { parseArgs } from 'node:util';
import { PROJECT_NAME } from '../deck/problems.ts';

export interface RehearseOptions {
  /** No image registry: build local stand-ins, report registry-only commands as not rehearsed. */
  offline: boolean;
  /** Only these demo scripts (names without `.sh`); default: all, in order. */
  only?: string[];
  /** The examples folder (build context and demo/); default assets/examples. Tests use a copy. */
  examplesDir?: string;
  /** Where the report and the recordings go; default .rehearsal. Tests use a temp folder. */
  rehearsalDir?: string;
  /**
   * Also write every command's output and every engine answer a claim asked for to
   * `<evidenceTo>/<engine key>/evidence.json`, for the claims' unit tests; only when all held.
   */
  evidenceTo?: string;
}

export const REHEARSE_USAGE = `usage: npm run rehearse -- [options]

Runs every block of the demo scripts in assets/examples/demo/ against the Docker Engine that
DOCKER_HOST (or the default socket) names, checks what the slides claim, prints a table, writes
.rehearsal/report.json for the speaker view, and removes what it created.

options:
  --offline      no image registry: build local stand-ins for the talk's images (said so in
                 the output); commands that need a registry are reported as not rehearsed
  --only LIST    comma-separated scripts, e.g. 01-images,02-builds (later scripts use what the
                 earlier ones built, so 03 alone fails without 01's hello-layers)
  --evidence DIR   also write the engine's output the claims read to DIR/<engine>/evidence.json
                 (the claims' test fixtures: tests/fixtures/engine-output); only when all held
  --help         show this help`;

export class RehearseUsageError extends Error {
  constructor(message: string) {
    super(`${PROJECT_NAME} rehearse: ${message}`);
    this.name = 'RehearseUsageError';
  }
}

export function parseRehearseArgs(argv: readonly string[]): RehearseOptions | 'help' {
  try {
    const { values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        offline: { type: 'boolean', default: false },
        only: { type: 'string' },
        evidence: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) return 'help';
    const only = values.only?.split(',').map((name) => name.trim().replace(/\.sh$/, ''));
    if (only && only.some((name) => !/^\d\d-[a-z-]+$/.test(name))) {
      throw new RehearseUsageError(
        `--only takes script names like 01-images,02-builds, not "${values.only}"`,
      );
    }
    return {
      offline: values.offline,
      ...(only ? { only } : {}),
      ...(values.evidence ? { evidenceTo: values.evidence } : {}),
    };
  } catch (error) {
    throw new RehearseUsageError(error instanceof Error ? error.message : String(error));
  }
}
