import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../../src/export/find-browser.ts';

function fakeExecutable(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-talk-browser-'));
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('findBrowser', () => {
  it('prefers CHROME_PATH over PUPPETEER_EXECUTABLE_PATH and PATH', () => {
    const chrome = fakeExecutable('my-chrome');
    const other = fakeExecutable('other');
    expect(findBrowser({ CHROME_PATH: chrome, PUPPETEER_EXECUTABLE_PATH: other, PATH: '' })).toBe(chrome);
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: other, PATH: '' })).toBe(other);
  });

  it('finds chromium on PATH', () => {
    const chromium = fakeExecutable('chromium');
    expect(findBrowser({ PATH: join(chromium, '..') })).toBe(chromium);
  });

  it('rejects a variable that names no executable, saying which one', () => {
    expect(() => findBrowser({ CHROME_PATH: '/no/such/chrome', PATH: '' })).toThrow(
      /CHROME_PATH=\/no\/such\/chrome is not an executable file/,
    );
  });

  it('explains how to install a browser when there is none', () => {
    const error = (() => {
      try {
        return findBrowser({ PATH: '/nonexistent' }, []);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toMatch(/apt-get install -y chromium.*CHROME_PATH/);
  });
});
