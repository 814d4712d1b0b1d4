import { spawn } from 'node:child_process';
import { platform } from 'node:os';

/**
 * Opens `url` in the presenter's default browser, as `npm start` does; never in CI. A failure
 * to open is not an error: the URL is printed either way.
 */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI) return false;
  const [command, args] =
    platform() === 'darwin'
      ? ['open', [url]]
      : platform() === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replaceAll('&', '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
