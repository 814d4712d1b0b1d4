import { describe, expect, it } from 'vitest';
import { parseInline } from '../../src/deck/inline.ts';

describe('parseInline', () => {
  it('splits code and strong spans out of plain text', () => {
    expect(parseInline('run `docker ps -a` to see **all** containers')).toEqual([
      { kind: 'plain', text: 'run ' },
      { kind: 'code', text: 'docker ps -a' },
      { kind: 'plain', text: ' to see ' },
      { kind: 'strong', text: 'all' },
      { kind: 'plain', text: ' containers' },
    ]);
  });

  it('keeps markup-looking text as plain text', () => {
    expect(parseInline('<b>not bold</b>')).toEqual([{ kind: 'plain', text: '<b>not bold</b>' }]);
  });
});
