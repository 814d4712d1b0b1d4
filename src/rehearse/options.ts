import { parseArgs } from 'node:util';
import { PROJECT_NAME } from '../deck/problems.ts';

export interface RehearseOptions {
  /** No image registry: build local stand-ins, report registry-only commands as not rehearsed. */
  offline: boolean;
}

export const REHEARSE_USAGE = `usage: npm run rehearse -- [options]

Runs every block of the demo scripts in assets/examples/demo/ against the Docker Engine that
DOCKER_HOST (or the default socket) names, checks what the slides claim, prints a table, writes
.rehearsal/report.json for the speaker view, and removes what it created.

options:
  --offline   no image registry: build local stand-ins for the talk's images (said so in the
              output); commands that need a registry are reported as not rehearsed
  --help      show this help`;

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
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) return 'help';
    return { offline: values.offline };
  } catch (error) {
    throw new RehearseUsageError(error instanceof Error ? error.message : String(error));
  }
}
