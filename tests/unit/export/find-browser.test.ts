import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  browserTestsLine,
  describeBrowser,
  findBrowser,
  findFirefox,
  findSystemBrowser,
} from '../../../src/export/find-browser.ts';

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder of this file's, removed after its tests. */
function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-talk-browser-'));
  created.push(dir);
  return dir;
}

function fakeExecutable(name: string): string {
  const dir = tempFolder();
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

/** Stands in for unpacking the packaged Chromium, so these tests never unpack 200 MB. */
const packagedAt = (path: string | undefined) => () => Promise.resolve(path);

/** The packaged Chromium's version as the project pins it (package.json), not as the finder reads it. */
const PINNED = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies['@sparticuz/chromium']!;

/** Every place a browser can come from, best first, and the source the finder must name. */
const LEVELS = [
  { level: 'CHROME_PATH', file: 'vars/chrome', source: 'CHROME_PATH' },
  { level: 'PUPPETEER_EXECUTABLE_PATH', file: 'vars/puppeteer-chrome', source: 'PUPPETEER_EXECUTABLE_PATH' },
  { level: 'PATH', file: 'bin/chromium', source: 'PATH' },
  { level: 'usual', file: 'usual/chromium', source: 'a usual install location' },
  { level: 'packaged', file: `cache/${PINNED}/chromium`, source: `packaged @sparticuz/chromium ${PINNED}` },
] as const;

/**
 * A machine in a temp folder with a browser at `levels` and at no other: each a real executable
 * file, the usual install locations a list of ours, and a counted stand-in for the unpack.
 */
function machineWith(levels: readonly (typeof LEVELS)[number]['level'][]) {
  const root = tempFolder();
  const at = (level: (typeof LEVELS)[number]['level']) => {
    const path = join(root, LEVELS.find((entry) => entry.level === level)!.file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  };
  const has = (level: (typeof LEVELS)[number]['level']) => levels.includes(level);
  const env: NodeJS.ProcessEnv = { PATH: join(root, 'empty') };
  if (has('CHROME_PATH')) env.CHROME_PATH = at('CHROME_PATH');
  if (has('PUPPETEER_EXECUTABLE_PATH')) env.PUPPETEER_EXECUTABLE_PATH = at('PUPPETEER_EXECUTABLE_PATH');
  if (has('PATH')) env.PATH = [join(root, 'empty'), join(at('PATH'), '..')].join(delimiter);
  // A missing usual location first: the finder passes over it to the one that exists.
  const usual = [join(root, 'usual', 'missing-chrome'), ...(has('usual') ? [at('usual')] : [])];
  const packaged = has('packaged') ? at('packaged') : undefined;
  let unpacks = 0;
  const unpack = () => {
    unpacks += 1;
    return Promise.resolve(packaged);
  };
  return { root, env, usual, unpack, unpacks: () => unpacks };
}

describe('findBrowser: which browser wins', () => {
  // Each level with every lower one present: it must win over all of them, and the packaged
  // Chromium (200 MB) is unpacked only when it is the one used.
  it.each(LEVELS.map((entry, index) => ({ ...entry, present: LEVELS.slice(index).map((e) => e.level) })))(
    '$level wins over every level below it',
    async ({ level, file, source, present }) => {
      const machine = machineWith(present);
      const found = await findBrowser(machine.env, machine.usual, machine.unpack);
      expect(found).toEqual({ executablePath: join(machine.root, file), source });
      expect(machine.unpacks(), 'times the packaged Chromium was unpacked').toBe(
        level === 'packaged' ? 1 : 0,
      );
      // The line that says so, with the machine's folder as the project: the path shown relative.
      expect(browserTestsLine(found, machine.root)).toBe(
        `docker-talk: browser tests use ${file} (${source})`,
      );
    },
  );

  it('takes the first folder on PATH that holds a browser, as a shell would, and chromium first within one', async () => {
    const chrome = fakeExecutable('google-chrome');
    const chromium = fakeExecutable('chromium');
    const both = join(fakeExecutable('google-chrome'), '..');
    writeFileSync(join(both, 'chromium'), '#!/bin/sh\n');
    chmodSync(join(both, 'chromium'), 0o755);
    const none = packagedAt(undefined);
    const on = (...dirs: string[]) => ({ PATH: dirs.join(delimiter) });
    expect((await findBrowser(on(join(chrome, '..'), join(chromium, '..')), [], none)).executablePath).toBe(
      chrome,
    );
    expect((await findBrowser(on(join(chromium, '..'), join(chrome, '..')), [], none)).executablePath).toBe(
      chromium,
    );
    expect((await findBrowser(on(both), [], none)).executablePath).toBe(join(both, 'chromium'));
  });

  it('passes over a chromium on PATH that is a folder or not executable, and a usual location that is a folder', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'chromium'));
    const plain = tempFolder();
    writeFileSync(join(plain, 'chromium'), '#!/bin/sh\n');
    chmodSync(join(plain, 'chromium'), 0o644);
    const real = fakeExecutable('chromium-browser');
    const found = await findBrowser(
      { PATH: [folder, plain, join(real, '..')].join(delimiter) },
      [],
      packagedAt(undefined),
    );
    expect(found).toEqual({ executablePath: real, source: 'PATH' });
    const usual = fakeExecutable('chrome');
    expect(
      await findBrowser({ PATH: folder }, [join(folder, 'chromium'), usual], packagedAt(undefined)),
    ).toEqual({ executablePath: usual, source: 'a usual install location' });
  });

  it('falls back to the packaged Chromium when the machine has none', async () => {
    const found = await findBrowser({ PATH: '/nonexistent' }, [], packagedAt('/packaged/chromium'));
    expect(found).toEqual({
      executablePath: '/packaged/chromium',
      source: `packaged @sparticuz/chromium ${PINNED}`,
    });
  });

  it('uses the packaged Chromium, passing over PATH and the usual locations, with TALK_BROWSER=packaged', async () => {
    const machine = machineWith(['PATH', 'usual', 'packaged']);
    const env = { ...machine.env, TALK_BROWSER: 'packaged' };
    expect(findSystemBrowser(env, machine.usual)).toBeUndefined();
    expect(await findBrowser(env, machine.usual, machine.unpack)).toEqual({
      executablePath: join(machine.root, `cache/${PINNED}/chromium`),
      source: `packaged @sparticuz/chromium ${PINNED}`,
    });
  });

  it('rejects an unknown TALK_BROWSER, and TALK_BROWSER=packaged beside CHROME_PATH', () => {
    expect(() => findSystemBrowser({ TALK_BROWSER: 'firefox' }, [])).toThrow(
      /TALK_BROWSER=firefox is not a choice; the only value is "packaged"/,
    );
    expect(() =>
      findSystemBrowser({ TALK_BROWSER: 'packaged', CHROME_PATH: fakeExecutable('chrome') }, []),
    ).toThrow(/TALK_BROWSER=packaged and CHROME_PATH contradict each other/);
  });

  it('rejects a variable that names no executable, saying which one, even with browsers below it', async () => {
    const machine = machineWith(['PATH', 'usual', 'packaged']);
    await expect(
      findBrowser({ ...machine.env, CHROME_PATH: '/no/such/chrome' }, machine.usual, machine.unpack),
    ).rejects.toThrow(/CHROME_PATH=\/no\/such\/chrome is not an executable file/);
    // A folder (the macOS application bundle, say) is no executable either.
    await expect(
      findBrowser({ ...machine.env, PUPPETEER_EXECUTABLE_PATH: machine.root }, machine.usual, machine.unpack),
    ).rejects.toThrow(`PUPPETEER_EXECUTABLE_PATH=${machine.root} is not an executable file`);
    expect(machine.unpacks()).toBe(0);
  });

  it('explains how to get a browser when there is none and no packaged one', async () => {
    const error = await findBrowser({ PATH: '/nonexistent' }, [], packagedAt(undefined)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toMatch(/npm ci.*apt-get install -y chromium.*CHROME_PATH/);
  });
});

describe('the line that says which browser is used', () => {
  const project = '/home/me/talk';

  it('names a browser outside the project by its full path, and its source', () => {
    expect(browserTestsLine({ executablePath: '/usr/bin/chromium', source: 'PATH' }, project)).toBe(
      'docker-talk: browser tests use /usr/bin/chromium (PATH)',
    );
    // A sibling folder whose name starts with the project's is outside it too.
    expect(
      describeBrowser({ executablePath: '/home/me/talk-old/chrome', source: 'CHROME_PATH' }, project),
    ).toBe('/home/me/talk-old/chrome (CHROME_PATH)');
    expect(
      describeBrowser(
        {
          executablePath: '/tmp/cache/143.0.4/chromium',
          source: 'packaged @sparticuz/chromium 143.0.4',
        },
        project,
      ),
    ).toBe('/tmp/cache/143.0.4/chromium (packaged @sparticuz/chromium 143.0.4)');
  });

  it('names a browser inside the project by its path from the project', () => {
    expect(
      browserTestsLine(
        {
          executablePath: '/home/me/talk/node_modules/.cache/docker-talk/chromium/143.0.4/chromium',
          source: 'packaged @sparticuz/chromium 143.0.4',
        },
        project,
      ),
    ).toBe(
      'docker-talk: browser tests use node_modules/.cache/docker-talk/chromium/143.0.4/chromium (packaged @sparticuz/chromium 143.0.4)',
    );
    // A name that merely starts with two dots is still inside.
    expect(
      describeBrowser({ executablePath: '/home/me/talk/..chrome', source: 'CHROME_PATH' }, project),
    ).toBe('..chrome (CHROME_PATH)');
  });

  it('takes the folder the run started in as the project when none is given', () => {
    expect(
      describeBrowser({ executablePath: join(process.cwd(), 'bin', 'chrome'), source: 'CHROME_PATH' }),
    ).toBe('bin/chrome (CHROME_PATH)');
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
