import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer-core';
import { findBrowser } from './find-browser.ts';

/**
 * Flags for a quiet, offline headless Chromium: no sandbox when running as root (containers, CI),
 * and none of the background services that would try to reach Google from a closed network.
 */
export function chromiumArgs(): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-gpu',
    '--font-render-hinting=none',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/** Makes every host but loopback unresolvable: a browser that provably needs no network. */
export function offlineArgs(): string[] {
  return ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
}

/** Launches headless Chromium: `options.executablePath`, or the one `findBrowser` picks. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: options.executablePath ?? (await findBrowser()).executablePath,
    headless: true,
    args: chromiumArgs(),
    ...options,
  });
}
