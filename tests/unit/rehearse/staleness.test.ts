import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../src/rehearse/demo-data.ts';
import { parseReport, type RehearsalReport } from '../../../src/rehearse/report.ts';

/**
 * Everything the speaker view, the pane and the PDFs take from a rehearsal report (the status,
 * the commands an offline rehearsal left out, the recording and its printed output) comes from a
 * report of the script as it is now, and from nothing older. The fixture deck's two scripts were
 * recorded in a real terminal (tests/fixtures/demo-pane/README.md).
 */
const FIXTURE_DEMO = 'tests/fixtures/decks/demo-pane/demo';
const FIXTURE_REPORT_DIR = resolve('tests/fixtures/demo-pane');

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

/** The fixture's real report, with its first command marked as left out by an offline run. */
function reportWithRegistryMark(): RehearsalReport {
  const report = parseReport(readFileSync(join(FIXTURE_REPORT_DIR, 'report.json'), 'utf8'));
  for (const engine of Object.values(report.engines)) {
    const listing = engine.blocks.find((block) => block.id === '01-files/listing')!;
    listing.notRehearsed = [listing.steps![0]!.command];
  }
  return report;
}

function demoCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'docker-talk-stale-'));
  folders.push(copy);
  cpSync(FIXTURE_DEMO, copy, { recursive: true });
  return copy;
}

function load(dir: string, report: RehearsalReport) {
  const warnings: string[] = [];
  const blocks = loadDemoData(dir, report, {
    reportDir: FIXTURE_REPORT_DIR,
    warn: (line) => warnings.push(line),
  });
  return {
    listing: blocks.find((block) => block.id === '01-files/listing')!,
    more: blocks.find((block) => block.id === '02-more/files')!,
    warnings,
  };
}

describe('a report of an older script marks nothing', () => {
  it('shows the marks of a report of the script as it is', () => {
    const { listing, more } = load(demoCopy(), reportWithRegistryMark());
    expect(listing.rehearsal.status).toBe('passed');
    expect(listing.commands.map((command) => command.needsRegistry)).toContain(true);
    expect(listing.recording).not.toBeNull();
    expect(more.recording).not.toBeNull();
  });

  it('drops every mark of a script edited since: status, left-out commands, recording and its output', () => {
    const dir = demoCopy();
    const script = join(dir, '01-files.sh');
    writeFileSync(script, `${readFileSync(script, 'utf8')}# edited after the rehearsal\n`);
    const { listing, more } = load(dir, reportWithRegistryMark());
    expect(listing.rehearsal.status).toBe('not rehearsed');
    expect(listing.rehearsal.summary).toMatch(/01-files\.sh changed since the rehearsal/);
    expect(listing.commands.filter((command) => command.needsRegistry)).toEqual([]);
    expect(listing.recording).toBeNull();
    // The other script is untouched: its marks stay.
    expect(more.rehearsal.status).toBe('passed');
    expect(more.recording).not.toBeNull();
  });
});
