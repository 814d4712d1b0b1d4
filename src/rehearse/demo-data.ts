import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { DemoBlockData } from '../deck/demo-types.ts';
import { PROJECT_NAME } from '../deck/problems.ts';
import { loadDemoScripts } from './demo-files.ts';
import { rehearsalOf } from './demo-status.ts';
import { parseReport, scriptHash, type RehearsalReport } from './report.ts';

/**
 * The report at `path`, or null when there is none. A report this build cannot read claims
 * nothing either: it is reported, and every block shows "not rehearsed".
 */
export function readRehearsalReport(path: string, warn: (message: string) => void): RehearsalReport | null {
  if (!existsSync(path)) return null;
  try {
    return parseReport(readFileSync(path, 'utf8'));
  } catch (error) {
    warn(`${PROJECT_NAME}: ignoring the rehearsal report ${path}: ${(error as Error).message}`);
    return null;
  }
}

/** Every demo block, with its commands and what the report says of it: the deck's demo data. */
export function loadDemoData(dir: string, report: RehearsalReport | null): DemoBlockData[] {
  return loadDemoScripts(dir).flatMap(({ script, source, path }) => {
    const hash = scriptHash(source);
    const file = relative(resolve('.'), path);
    return script.blocks.map((block) => {
      const rehearsal = rehearsalOf(block, hash, report);
      // Which commands a registry-less rehearsal left out: only from reports of this script.
      const fresh = Object.values(report?.engines ?? {}).filter(
        (engine) => engine.scripts[block.script] === hash,
      );
      const skipped = new Set(
        fresh.flatMap(
          (engine) => engine.blocks.find((candidate) => candidate.id === block.id)?.notRehearsed ?? [],
        ),
      );
      return {
        id: block.id,
        script: file,
        line: block.line,
        slideId: block.slideId,
        description: block.description,
        commands: block.commands.map((command) => ({
          text: command.text,
          line: command.line,
          needsRegistry: skipped.has(command.text),
        })),
        rehearsal,
      };
    });
  });
}
