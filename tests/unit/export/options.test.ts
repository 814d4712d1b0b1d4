import { describe, expect, it } from 'vitest';
import { FORMATS, parseExportArgs, UsageError } from '../../../src/export/options.ts';

describe('parseExportArgs', () => {
  it('exports all five formats on A4 into dist/pdf by default', () => {
    expect(parseExportArgs([])).toEqual({
      formats: [...FORMATS],
      paper: 'a4',
      outDir: 'dist/pdf',
      rebuild: false,
    });
  });

  it('takes a format list, a paper size and a folder', () => {
    expect(parseExportArgs(['--format', 'slides,handout', '--paper', 'letter', '--out', '/tmp/x'])).toEqual({
      formats: ['slides', 'handout'],
      paper: 'letter',
      outDir: '/tmp/x',
      rebuild: false,
    });
  });

  it('answers --help', () => {
    expect(parseExportArgs(['--help'])).toBe('help');
  });

  it.each([
    [['--colour'], /Unknown option '--colour'/],
    [['--format', 'slides,posters'], /unknown format "posters"; choose from slides, steps/],
    [['--paper', 'a3'], /unknown paper "a3"; use a4 or letter/],
    [['stray'], /positional/],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseExportArgs(argv)).toThrow(UsageError);
    expect(() => parseExportArgs(argv)).toThrow(message);
  });
});
