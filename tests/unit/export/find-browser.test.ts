import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  findBrowser,
  findFirefox,
  findSystemBrowser,
} from '../../../src/export/find-browser.ts';

function fakeExecutable(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-talk-browser-'));
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

/** Stands in for unpacking the packaged Chromium, so these tests never unpack 200 MB. */
const packagedAt = (path: string | undefined) => () => Promise.resolve(path);

describe('findBrowser', () => {
  it('prefers CHROME_PATH over PUPPETEER_EXECUTABLE_PATH and PATH', async () => {
    const chrome = fakeExecutable('my-chrome');
    const other = fakeExecutable('other');
    const none = packagedAt(undefined);
    expect(
      await findBrowser({ CHROME_PATH: chrome, PUPPETEER_EXECUTABLE_PATH: other, PATH: '' }, [], none),
    ).toEqual({ executablePath: chrome, source: 'CHROME_PATH' });
    expect(await findBrowser({ PUPPETEER_EXECUTABLE_PATH: other, PATH: '' }, [], none)).toEqual({
      executablePath: other,
      source: 'PUPPETEER_EXECUTABLE_PATH',
    });
  });

  it('finds chromium on PATH before the packaged one', async () => {
    const chromium = fakeExecutable('chromium');
    const found = await findBrowser({ PATH: join(chromium, '..') }, [], packagedAt('/packaged/chromium'));
    expect(found.executablePath).toBe(chromium);
  });

  it('falls back to the packaged Chromium when the machine has none', async () => {
    const found = await findBrowser({ PATH: '/nonexistent' }, [], packagedAt('/packaged/chromium'));
    expect(found.executablePath).toBe('/packaged/chromium');
    expect(found.source).toMatch(/^packaged @sparticuz\/chromium \d+\.\d+\.\d+$/);
  });

  it('uses the packaged Chromium, passing over a system one, with TALK_BROWSER=packaged', async () => {
    const chromium = fakeExecutable('chromium');
    const env = { PATH: join(chromium, '..'), TALK_BROWSER: 'packaged' };
    expect(findSystemBrowser(env, [chromium])).toBeUndefined();
    expect((await findBrowser(env, [chromium], packagedAt('/packaged/chromium'))).executablePath).toBe(
      '/packaged/chromium',
    );
  });

  it('rejects an unknown TALK_BROWSER, and TALK_BROWSER=packaged beside CHROME_PATH', () => {
    expect(() => findSystemBrowser({ TALK_BROWSER: 'firefox' }, [])).toThrow(
      /TALK_BROWSER=firefox is not a choice; the only value is "packaged"/,
    );
    expect(() =>
      findSystemBrowser({ TALK_BROWSER: 'packaged', CHROME_PATH: fakeExecutable('chrome') }, []),
    ).toThrow(/TALK_BROWSER=packaged and CHROME_PATH contradict each other/);
  });

  it('rejects a variable that names no executable, saying which one', async () => {
    await expect(
      findBrowser({ CHROME_PATH: '/no/such/chrome', PATH: '' }, [], packagedAt('/packaged/chromium')),
    ).rejects.toThrow(/CHROME_PATH=\/no\/such\/chrome is not an executable file/);
  });

  it('explains how to get a browser when there is none and no packaged one', async () => {
    const error = await findBrowser({ PATH: '/nonexistent' }, [], packagedAt(undefined)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toMatch(/npm ci.*apt-get install -y chromium.*CHROME_PATH/);
  });
});

describe('findFirefox', () => {
  it('takes FIREFOX_PATH first, then firefox-esr or firefox on PATH', () => {
    const mine = fakeExecutable('my-firefox');
    const esr = fakeExecutable('firefox-esr');
    expect(findFirefox({ FIREFOX_PATH: mine, PATH: join(esr, '..') })).toBe(mine);
    expect(findFirefox({ PATH: join(esr, '..') })).toBe(esr);
    expect(findFirefox({ PATH: join(fakeExecutable('firefox'), '..') })).toMatch(/\/firefox$/);
  });

  it('is undefined when there is no Firefox', () => {
    expect(findFirefox({ PATH: '/nonexistent' })).toBeUndefined();
  });

  it('rejects a FIREFOX_PATH that names no file, saying what to fix', () => {
    expect(existsSync('/no/such/firefox')).toBe(false);
    expect(() => findFirefox({ FIREFOX_PATH: '/no/such/firefox', PATH: '' })).toThrow(
      /FIREFOX_PATH=\/no\/such\/firefox is not an executable file\. Fix: point FIREFOX_PATH at a Firefox executable/,
    );
  });
});
