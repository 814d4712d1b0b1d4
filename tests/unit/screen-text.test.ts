import { describe, expect, it } from 'vitest';
import { cutOutput, terminalText } from '../../src/cast/screen-text.ts';
import { bodyScale } from '../../src/present/fit-body.ts';

describe('terminalText: the static screen after some commands', () => {
  const commands = ['echo one', 'seq 1 3', 'docker run --rm \\\n  alpine true'];
  const outputs = ['one', '1\n2\n3', null];

  it('shows each command after a prompt, its output, then a bare prompt', () => {
    expect(terminalText(commands, outputs, 0)).toBe('$ ');
    expect(terminalText(commands, outputs, 2)).toBe('$ echo one\none\n$ seq 1 3\n1\n2\n3\n$ ');
    // A continued command keeps its lines; a command without output shows none.
    expect(terminalText(commands, outputs, 3, { cols: 96, rows: 4 })).toBe(
      '3\n$ docker run --rm \\\n>   alpine true\n$ ',
    );
  });

  it('keeps only the last rows, and wraps long lines at the terminal width', () => {
    expect(
      terminalText(['seq 1 30'], [Array.from({ length: 30 }, (_, i) => String(i + 1)).join('\n')], 1, {
        cols: 96,
        rows: 3,
      }),
    ).toBe('29\n30\n$ ');
    expect(terminalText(['x'], ['abcdefgh'], 1, { cols: 3, rows: 10 })).toBe('$ x\nabc\ndef\ngh\n$ ');
  });
});

describe('cutOutput', () => {
  it('leaves short output alone and cuts long output with a visible …', () => {
    expect(cutOutput('a\nb', 2)).toBe('a\nb');
    expect(cutOutput('1\n2\n3\n4\n5', 3)).toBe('1\n2\n… (3 more lines)');
  });
});

describe('bodyScale', () => {
  it('is 1 when the body fits, else the share of its height that fits', () => {
    expect(bodyScale(300, 300)).toBe(1);
    expect(bodyScale(300, 301)).toBe(1);
    expect(bodyScale(100, 400)).toBe(0.25);
    expect(bodyScale(0, 400)).toBe(1);
  });
});
