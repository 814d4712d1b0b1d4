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

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: chromiumArgs(),
    ...options,
  });
}
