import { describe, expect, it } from 'vitest';
import { parseExportArgs, UsageError } from '../../../src/export/options.ts';

describe('parseExportArgs', () => {
  it('exports the five PDFs on A4 into dist/pdf by default (no PNGs), in the deck’s theme, handouts light', () => {
    expect(parseExportArgs([])).toEqual({
      formats: ['slides', 'steps', 'handout', 'handout-3up', 'notes'],
      paper: 'a4',
      outDir: 'dist/pdf',
      rebuild: false,
      theme: null,
      handoutTheme: 'light',
    });
  });

  it('takes a format list, a paper size and a folder', () => {
    expect(parseExportArgs(['--format', 'slides,handout', '--paper', 'letter', '--out', '/tmp/x'])).toEqual({
      formats: ['slides', 'handout'],
      paper: 'letter',
      outDir: '/tmp/x',
      rebuild: false,
      theme: null,
      handoutTheme: 'light',
    });
  });

  it('takes PNGs and a dark theme, the handouts staying light unless asked', () => {
    expect(parseExportArgs(['--format', 'png,handout', '--theme', 'dark'])).toMatchObject({
      formats: ['png', 'handout'],
      theme: 'dark',
      handoutTheme: 'light',
    });
    expect(parseExportArgs(['--handout-theme', 'dark'])).toMatchObject({
      theme: null,
      handoutTheme: 'dark',
    });
  });

  it('answers --help', () => {
    expect(parseExportArgs(['--help'])).toBe('help');
  });

  it.each([
    [['--colour'], /Unknown option '--colour'/],
    [['--format', 'slides,posters'], /unknown format "posters"; choose from slides, steps/],
    [['--paper', 'a3'], /unknown paper "a3"; use a4 or letter/],
    [['--theme', 'sepia'], /unknown --theme "sepia"; use light or dark/],
    [['--handout-theme', 'Dark'], /unknown --handout-theme "Dark"; use light or dark/],
    [['stray'], /positional/],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseExportArgs(argv)).toThrow(UsageError);
    expect(() => parseExportArgs(argv)).toThrow(message);
  });
});
