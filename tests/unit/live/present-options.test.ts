import { describe, expect, it } from 'vitest';
import { parsePresentArgs, PresentUsageError } from '../../../src/live/present-options.ts';

describe('npm run present -- [options]', () => {
  it('serves the deck without the runner unless --live is given', () => {
    expect(parsePresentArgs([])).toEqual({
      live: false,
      port: 4180,
      host: '127.0.0.1',
      rebuild: false,
      stepTimeoutSeconds: 120,
    });
    expect(parsePresentArgs(['--live', '--port', '5000', '--step-timeout', '30'])).toMatchObject({
      live: true,
      port: 5000,
      stepTimeoutSeconds: 30,
    });
    expect(parsePresentArgs(['--help'])).toBe('help');
  });

  it.each([
    [['--bogus'], "docker-talk present: Unknown option '--bogus'"],
    [
      ['--port', 'http'],
      'docker-talk present: --port takes a port number from 0 (any free one) to 65535, not "http"',
    ],
    [
      ['--step-timeout', '0'],
      'docker-talk present: --step-timeout takes a number of seconds above 0, not "0"',
    ],
    [['slides'], 'docker-talk present: Unexpected argument'],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parsePresentArgs(argv)).toThrow(PresentUsageError);
    expect(() => parsePresentArgs(argv)).toThrow(message);
  });
});
