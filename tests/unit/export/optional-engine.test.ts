import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineAvailable, REQUIRE_ENGINES_VARIABLE } from '../../support/optional-engine.ts';

const missing = {
  suite: 'Firefox browser tests',
  missing: 'no firefox on PATH',
  howToGet: 'apt-get install firefox-esr',
};

describe('engineAvailable', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is true when the engine is there, and prints nothing', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(engineAvailable({ ...missing, missing: undefined }, {})).toBe(true);
    expect(write).not.toHaveBeenCalled();
  });

  it('skips with one line naming the suite, the reason and how to get it', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(engineAvailable(missing, {})).toBe(false);
    expect(write).toHaveBeenCalledTimes(1);
    expect(String(write.mock.calls[0]![0])).toBe(
      'docker-talk: skipped Firefox browser tests: no firefox on PATH. To run them: apt-get install firefox-esr\n',
    );
  });

  it('fails instead of skipping where engines are required', () => {
    expect(() => engineAvailable(missing, { [REQUIRE_ENGINES_VARIABLE]: '1' })).toThrow(
      /skipped Firefox browser tests: no firefox on PATH.*\n\(TALK_REQUIRE_ENGINES=1/,
    );
  });
});
