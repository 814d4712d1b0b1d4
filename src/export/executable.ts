import { accessSync, constants } from 'node:fs';

/** True when `path` is a file this process may run (a browser, a docker client). */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
