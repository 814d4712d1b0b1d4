import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rehearsalOf } from '../../../src/rehearse/demo-status.ts';
import type { RehearsalReport } from '../../../src/rehearse/report.ts';

/** A real report: an offline rehearsal on Debian's Engine 20.10.24 (see the fixture's finishedAt). */
const report = JSON.parse(
  readFileSync('tests/fixtures/rehearsal/offline-engine-20.10.json', 'utf8'),
) as RehearsalReport;
const buildsHash = report.scripts['02-builds.sh']!;
const imagesHash = report.scripts['01-images.sh']!;
const cache = { id: '02-builds/cache', script: '02-builds.sh' };

function withBlock(id: string, change: Partial<RehearsalReport['blocks'][number]>): RehearsalReport {
  return {
    ...report,
    blocks: report.blocks.map((block) => (block.id === id ? { ...block, ...change } : block)),
  };
}

describe('rehearsalOf', () => {
  it('says "not rehearsed" without a report', () => {
    expect(rehearsalOf(cache, buildsHash, null)).toEqual({
      status: 'not rehearsed',
      summary: 'not rehearsed (no rehearsal report)',
    });
  });

  it('says "not rehearsed" when the script changed since the rehearsal (stale report)', () => {
    const result = rehearsalOf(cache, `${buildsHash.slice(0, -1)}0`, report);
    expect(result.status).toBe('not rehearsed');
    expect(result.summary).toBe(
      'not rehearsed (02-builds.sh changed since the rehearsal on Engine 20.10.24, 2026-12-01)',
    );
  });

  it('says "not rehearsed" for a block the report does not name', () => {
    const result = rehearsalOf({ id: '02-builds/new', script: '02-builds.sh' }, buildsHash, report);
    expect(result.status).toBe('not rehearsed');
  });

  it('shows a pass with the engine version (without the packager suffix) and the date', () => {
    expect(rehearsalOf(cache, buildsHash, report)).toEqual({
      status: 'passed',
      summary: 'rehearsed ✔ on Engine 20.10.24, 2026-12-01',
    });
  });

  it('says which commands of a passed block were not rehearsed offline', () => {
    const tags = { id: '01-images/tags', script: '01-images.sh' };
    expect(rehearsalOf(tags, imagesHash, report).summary).toBe(
      'rehearsed ✔ on Engine 20.10.24, 2026-12-01 (offline; 1 command needs a registry: not rehearsed)',
    );
  });

  it('never shows a pass for a block the rehearsal could not run', () => {
    const index = { id: '01-images/index', script: '01-images.sh' };
    expect(rehearsalOf(index, imagesHash, report)).toEqual({
      status: 'not rehearsed',
      summary: 'not rehearsed (1 command needs a registry; offline on Engine 20.10.24, 2026-12-01)',
    });
  });

  it('names the command that failed', () => {
    const failed = withBlock('02-builds/cache', {
      status: 'failed',
      failed: 'docker build -t hello-layers .',
    });
    expect(rehearsalOf(cache, buildsHash, failed)).toEqual({
      status: 'failed',
      summary: 'failed: docker build -t hello-layers . (Engine 20.10.24, 2026-12-01)',
    });
  });
});
