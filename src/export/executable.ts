import { accessSync, constants, statSync } from 'node:fs';

/**
 * True when `path` is a file this process may run (a browser, a docker client). A folder is not:
 * it is "executable" to `access` (searchable), and `CHROME_PATH=/Applications/Google Chrome.app`
 * or a `chromium/` folder on PATH would otherwise be taken for a browser.
 */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
