import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PROJECT_NAME } from '../deck/problems.ts';

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

export const NO_BROWSER_MESSAGE = `${PROJECT_NAME}: no Chrome or Chromium found. Install one (Debian/Ubuntu: \`sudo apt-get install -y chromium\`; macOS: install Google Chrome) or point CHROME_PATH at its executable, e.g. CHROME_PATH=/usr/bin/chromium npm test`;

export class BrowserNotFoundError extends Error {
  constructor(detail?: string) {
    super(detail ? `${NO_BROWSER_MESSAGE}\n(${detail})` : NO_BROWSER_MESSAGE);
    this.name = 'BrowserNotFoundError';
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to drive: `CHROME_PATH`, then `PUPPETEER_EXECUTABLE_PATH`, then Chrome/Chromium on
 * PATH, then the usual install locations. A variable that names a missing file is an error, not
 * a silent fallback, so a typo is seen.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  knownPaths: readonly string[] = KNOWN_PATHS,
): string {
  for (const name of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'] as const) {
    const value = env[name];
    if (value) {
      if (isExecutable(value)) return value;
      throw new BrowserNotFoundError(`${name}=${value} is not an executable file`);
    }
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of PATH_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  const known = knownPaths.find(isExecutable);
  if (known) return known;
  throw new BrowserNotFoundError();
}
