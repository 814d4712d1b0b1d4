import type { DemoRehearsal } from '../deck/demo-types.ts';
import {
  engineLabel,
  engineVersion,
  reportsOfScript,
  storeLabel,
  type EngineReport,
  type RehearsalReport,
} from './report.ts';

/**
 * What the speaker view may say about one block, from the last rehearsal on each engine and the
 * hash of the block's script as it is now. Only engine reports of this very script count: no
 * report, a report of another version of the script, or a block the report does not name is
 * "not rehearsed". A failure on any engine is shown before passes on others: the presenter
 * must not learn on stage that the talk fails on the engine they happen to run.
 */
export function rehearsalOf(
  block: { id: string; script: string },
  currentScriptHash: string,
  report: RehearsalReport | null,
): DemoRehearsal {
  const engines = Object.values(report?.engines ?? {}).sort(newestEngineFirst);
  if (engines.length === 0)
    return { status: 'not rehearsed', summary: 'not rehearsed (no rehearsal report)' };
  const fresh = reportsOfScript(report, block.script, currentScriptHash).sort(newestEngineFirst);
  if (fresh.length === 0) {
    const last = engines[0]!;
    return {
      status: 'not rehearsed',
      summary: `not rehearsed (${block.script} changed since the rehearsal on ${when(last)})`,
    };
  }
  const results = fresh
    .map((engine) => ({ engine, block: engine.blocks.find((candidate) => candidate.id === block.id) }))
    .filter((result) => result.block !== undefined);
  if (results.length === 0)
    return { status: 'not rehearsed', summary: 'not rehearsed (the report has no such block)' };

  const failed = results.find((result) => result.block!.status === 'failed');
  if (failed) {
    return {
      status: 'failed',
      summary: `failed: ${failed.block!.failed ?? 'a command'} (${when(failed.engine)})`,
    };
  }
  const passed = results.filter((result) => result.block!.status === 'passed');
  const skipped = Math.max(0, ...results.map((result) => result.block!.notRehearsed.length));
  const registry = `${skipped === 1 ? '1 command needs' : `${skipped} commands need`} a registry`;
  if (passed.length === 0) {
    return {
      status: 'not rehearsed',
      summary:
        skipped > 0
          ? `not rehearsed (${registry}; offline on ${results.map((result) => when(result.engine)).join('; ')})`
          : 'not rehearsed',
    };
  }
  const on = passed.map(
    ({ engine }, index) =>
      `${index === 0 ? 'Engine ' : ''}${engineVersion(engine.engine.version)} (${storeLabel(engine.engine.store)})`,
  );
  const dates = [...new Set(passed.map(({ engine }) => engine.finishedAt.slice(0, 10)))].sort().reverse();
  const leftOut = passed.filter(({ block: result }) => result!.notRehearsed.length > 0);
  const extra =
    leftOut.length > 0
      ? ` (${leftOut.every(({ engine }) => engine.offline) ? 'offline' : 'online'}; ${registry}: not rehearsed)`
      : '';
  return { status: 'passed', summary: `rehearsed ✔ on ${on.join(', ')}, ${dates.join(', ')}${extra}` };
}

function when(engine: EngineReport): string {
  return `${engineLabel(engine.engine)}, ${engine.finishedAt.slice(0, 10)}`;
}

/** Newest engine version first: the one a presenter today most likely runs. */
function newestEngineFirst(a: EngineReport, b: EngineReport): number {
  return engineVersion(b.engine.version).localeCompare(engineVersion(a.engine.version), 'en', {
    numeric: true,
  });
}
