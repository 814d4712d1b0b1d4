import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rehearsalOf } from '../../../src/rehearse/demo-status.ts';
import {
  parseReport,
  type BlockReport,
  type EngineReport,
  type RehearsalReport,
} from '../../../src/rehearse/report.ts';

/**
 * A real report of an offline rehearsal on Debian's Engine 20.10.24 (see its finishedAt), its
 * engine entry given the version 2 shape (key and image store added by hand).
 */
const report = parseReport(readFileSync('tests/fixtures/rehearsal/report-engine-20.10.json', 'utf8'));
const engine20 = report.engines['20.10.24-overlay2']!;
const buildsHash = engine20.scripts['02-builds.sh']!;
const imagesHash = engine20.scripts['01-images.sh']!;
const cache = { id: '02-builds/cache', script: '02-builds.sh' };

function withBlock(id: string, change: Partial<BlockReport>, engine: EngineReport = engine20): EngineReport {
  return {
    ...engine,
    blocks: engine.blocks.map((block) => (block.id === id ? { ...block, ...change } : block)),
  };
}

function reportOf(...engines: EngineReport[]): RehearsalReport {
  return { version: 2, engines: Object.fromEntries(engines.map((engine) => [engine.engine.key, engine])) };
}

/** The same rehearsal as seen on Engine 28.5.2 with the containerd image store, a few days later. */
const engine28: EngineReport = {
  ...engine20,
  finishedAt: '2026-12-05T08:00:00.000Z',
  engine: {
    key: '28.5.2-containerd',
    version: '28.5.2+dfsg3',
    os: 'Debian GNU/Linux 12 (bookworm)',
    client: '/opt/engine-28/bin/docker 28.5.2+dfsg3',
    store: { kind: 'containerd', driver: 'overlayfs' },
  },
};

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
      'not rehearsed (02-builds.sh changed since the rehearsal on Engine 20.10.24 (overlay2), 2026-12-01)',
    );
  });

  it('says "not rehearsed" for a block the report does not name', () => {
    const result = rehearsalOf({ id: '02-builds/new', script: '02-builds.sh' }, buildsHash, report);
    expect(result.status).toBe('not rehearsed');
  });

  it('shows a pass with the engine version (without the packager suffix) and the date', () => {
    expect(rehearsalOf(cache, buildsHash, report)).toEqual({
      status: 'passed',
      summary: 'rehearsed ✔ on Engine 20.10.24 (overlay2), 2026-12-01',
    });
  });

  it('says which commands of a passed block were not rehearsed offline', () => {
    const tags = { id: '01-images/tags', script: '01-images.sh' };
    expect(rehearsalOf(tags, imagesHash, report).summary).toBe(
      'rehearsed ✔ on Engine 20.10.24 (overlay2), 2026-12-01 (offline; 1 command needs a registry: not rehearsed)',
    );
  });

  it('never shows a pass for a block the rehearsal could not run', () => {
    const index = { id: '01-images/index', script: '01-images.sh' };
    expect(rehearsalOf(index, imagesHash, report)).toEqual({
      status: 'not rehearsed',
      summary:
        'not rehearsed (1 command needs a registry; offline on Engine 20.10.24 (overlay2), 2026-12-01)',
    });
  });

  it('names the command that failed', () => {
    const failed = withBlock('02-builds/cache', {
      status: 'failed',
      failed: 'docker build -t hello-layers .',
    });
    expect(rehearsalOf(cache, buildsHash, reportOf(failed))).toEqual({
      status: 'failed',
      summary: 'failed: docker build -t hello-layers . (Engine 20.10.24 (overlay2), 2026-12-01)',
    });
  });

  it('names every engine the block passed on, newest first, with its image store', () => {
    expect(rehearsalOf(cache, buildsHash, reportOf(engine20, engine28))).toEqual({
      status: 'passed',
      summary: 'rehearsed ✔ on Engine 28.5.2 (containerd store), 20.10.24 (overlay2), 2026-12-05, 2026-12-01',
    });
  });

  it('shows a failure on one engine before a pass on the other', () => {
    const failed = withBlock(
      '02-builds/cache',
      { status: 'failed', failed: 'claim: the rm row is 0B' },
      engine28,
    );
    expect(rehearsalOf(cache, buildsHash, reportOf(engine20, failed))).toEqual({
      status: 'failed',
      summary: 'failed: claim: the rm row is 0B (Engine 28.5.2 (containerd store), 2026-12-05)',
    });
  });

  it('counts only the engines that rehearsed the script as it is now', () => {
    const stale = { ...engine28, scripts: { ...engine28.scripts, '02-builds.sh': '0'.repeat(64) } };
    expect(rehearsalOf(cache, buildsHash, reportOf(engine20, stale)).summary).toBe(
      'rehearsed ✔ on Engine 20.10.24 (overlay2), 2026-12-01',
    );
  });
});
