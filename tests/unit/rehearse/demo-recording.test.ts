import { describe, expect, it } from 'vitest';
import { latestPassedRecording } from '../../../src/rehearse/demo-recording.ts';
import type { EngineReport, RehearsalReport } from '../../../src/rehearse/report.ts';

const HASH = 'a'.repeat(64);

function engine(
  key: string,
  finishedAt: string,
  status: 'passed' | 'failed',
  scriptHash = HASH,
): EngineReport {
  return {
    finishedAt,
    engine: {
      key,
      version: key,
      os: 'Debian',
      client: 'docker',
      store: { kind: 'graph-driver', driver: 'overlay2' },
    },
    offline: true,
    scripts: { '03-containers.sh': scriptHash },
    blocks: [
      {
        id: '03-containers/diff',
        slide: 'diff-and-commit',
        status,
        notRehearsed: [],
        claims: [],
        steps: [{ command: 'docker diff web-1', exitCode: 0, screen: 'C /app' }],
        recording: `recordings/${key}/03-containers/diff.cast`,
      },
    ],
  };
}

const block = { id: '03-containers/diff', script: '03-containers.sh' };
const report = (...engines: EngineReport[]): RehearsalReport => ({
  version: 2,
  engines: Object.fromEntries(engines.map((e) => [e.engine.key, e])),
});

describe('latestPassedRecording: which recording the deck replays', () => {
  it('takes the latest that passed, across engines', () => {
    const chosen = latestPassedRecording(
      block,
      HASH,
      report(
        engine('20.10.24-overlay2', '2026-12-01T10:00:00Z', 'passed'),
        engine('28.5.2-containerd', '2026-12-03T10:00:00Z', 'passed'),
        engine('29.0.0-containerd', '2026-12-04T10:00:00Z', 'failed'),
      ),
    );
    expect(chosen?.engine.engine.key).toBe('28.5.2-containerd');
    expect(chosen?.block.recording).toBe('recordings/28.5.2-containerd/03-containers/diff.cast');
  });

  it('takes none of another version of the script, and none without a report', () => {
    expect(
      latestPassedRecording(
        block,
        HASH,
        report(engine('20.10.24-overlay2', '2026-12-01T10:00:00Z', 'passed', 'b'.repeat(64))),
      ),
    ).toBeNull();
    expect(latestPassedRecording(block, HASH, null)).toBeNull();
  });
});
