import type { DemoRehearsal } from '../deck/demo-types.ts';
import type { RehearsalReport } from './report.ts';

/**
 * What the speaker view may say about one block, from the last rehearsal report and the hash of
 * the block's script as it is now. No report, a report of another version of the script, or a
 * block the report does not name: "not rehearsed". A pass is only ever shown when the report
 * says so for this very script.
 */
export function rehearsalOf(
  block: { id: string; script: string },
  currentScriptHash: string,
  report: RehearsalReport | null,
): DemoRehearsal {
  if (!report) return { status: 'not rehearsed', summary: 'not rehearsed (no rehearsal report)' };
  const when = `${engineVersion(report.engine.version)}, ${report.finishedAt.slice(0, 10)}`;
  if (report.scripts[block.script] !== currentScriptHash) {
    return {
      status: 'not rehearsed',
      summary: `not rehearsed (${block.script} changed since the rehearsal on Engine ${when})`,
    };
  }
  const result = report.blocks.find((candidate) => candidate.id === block.id);
  if (!result) return { status: 'not rehearsed', summary: 'not rehearsed (the report has no such block)' };
  const skipped = result.notRehearsed.length;
  const registry = `${skipped === 1 ? '1 command needs' : `${skipped} commands need`} a registry`;
  switch (result.status) {
    case 'failed':
      return { status: 'failed', summary: `failed: ${result.failed ?? 'a command'} (Engine ${when})` };
    case 'passed': {
      const offline = report.offline ? 'offline' : 'online';
      const extra = skipped > 0 ? ` (${offline}; ${registry}: not rehearsed)` : '';
      return { status: 'passed', summary: `rehearsed ✔ on Engine ${when}${extra}` };
    }
    case 'not rehearsed':
      return {
        status: 'not rehearsed',
        summary: skipped > 0 ? `not rehearsed (${registry}; offline on Engine ${when})` : 'not rehearsed',
      };
  }
}

/** `20.10.24+dfsg1` → `20.10.24`: the packager's suffix says nothing to the presenter. */
function engineVersion(version: string): string {
  return version.replace(/[+~].*$/, '');
}
