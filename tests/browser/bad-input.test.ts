import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer as createNetServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { build, createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDeckViteConfig } from '../../src/build/deck-vite-config.ts';
import { serveStatic } from '../../src/export/serve.ts';
import { openWatchedPage, originOf } from '../../src/export/driver/deck-page.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

const FIXTURES = {
  'bad-address':
    /tests\/fixtures\/decks\/bad-address\/deck\.ts: the public address "http:\/\/talks:secret@example\.org\/docker\/" is http, not https\. Fix: set `url` to the https:\/\/ address/,
  'broken-mermaid':
    /tests\/fixtures\/decks\/broken-mermaid\/01-broken-diagram\.ts \(slide "broken-diagram"\): Mermaid cannot read the diagram "broken"/,
  'missing-notes':
    /tests\/fixtures\/decks\/missing-notes\/01-no-notes\.ts \(slide "no-notes"\): the slide has no speaker notes/,
  'unknown-demo':
    /tests\/fixtures\/decks\/unknown-demo\/01-typo\.ts \(slide "typo"\): the demo "01-builds\/cahce" is not a block of the demo scripts\. Fix: use one of "01-builds\/cache"/,
} as const;

function fixtureConfig(name: keyof typeof FIXTURES) {
  const slidesDir = `tests/fixtures/decks/${name}`;
  // A fixture with a demo/ folder brings its own demo scripts.
  const demos = existsSync(`${slidesDir}/demo`) ? { demoDir: `${slidesDir}/demo` } : undefined;
  const config = createDeckViteConfig({ slidesDir, demos });
  return { ...config, configFile: false as const, root: resolve('.'), logLevel: 'silent' as const };
}

const browser = useSharedBrowser();

describe.each(Object.keys(FIXTURES) as (keyof typeof FIXTURES)[])('negative fixture %s', (name) => {
  it('fails `vite build` with the slide module and the fix', async () => {
    await expect(
      build({
        ...fixtureConfig(name),
        build: { outDir: resolve(`tests/.output/fixture-${name}`), write: false },
      }),
    ).rejects.toThrow(FIXTURES[name]);
  });

  it('shows a visible error panel naming the module in the dev page, never a blank page', async () => {
    const server = await createServer({
      ...fixtureConfig(name),
      server: { port: 0, open: false, hmr: false },
    });
    await server.listen();
    try {
      const url = server.resolvedUrls!.local[0]!;
      const { page } = await openWatchedPage(browser(), originOf(url));
      await page.goto(url);
      await page.waitForSelector('.deck-error', { visible: true, timeout: 30_000 });
      const panel = await page.$eval('.deck-error', (element) => ({
        text: element.textContent ?? '',
        role: element.getAttribute('role'),
      }));
      expect(panel.role).toBe('alert');
      expect(panel.text).toMatch(FIXTURES[name]);
      expect(panel.text).toMatch(/Fix: /);
      expect(await page.evaluate(() => window.deckStatus.state)).toBe('error');
      await page.close();
    } finally {
      await server.close();
    }
  });
});

describe('a port in use', () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    blocker = createNetServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((done) => blocker.close(() => done()));
  });

  it('moves `npm start` to the next free port, which it prints', async () => {
    const server = await createServer({
      ...createDeckViteConfig(),
      configFile: false,
      root: resolve('.'),
      logLevel: 'silent',
      server: { host: '127.0.0.1', port, open: false, hmr: false },
    });
    await server.listen();
    try {
      const url = server.resolvedUrls!.local[0]!;
      expect(new URL(url).port).not.toBe(String(port));
    } finally {
      await server.close();
    }
  });

  it('moves `npm run preview` to the next free port, which it prints, and serves the deck there', async () => {
    // The command `npm run preview` runs (package.json), on the taken port, serving this run's build.
    const child = spawn(
      process.execPath,
      [
        resolve('node_modules/vite/bin/vite.js'),
        'preview',
        '--port',
        String(port),
        '--outDir',
        inject('distDir'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } },
    );
    try {
      let output = '';
      const url = await new Promise<string>((found, failed) => {
        const read = (chunk: Buffer) => {
          // Vite prints the port in bold when colours are on: read the text without them.
          output += stripVTControlCharacters(chunk.toString());
          const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
          if (match) found(match[0]);
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.on('exit', (code) => failed(new Error(`vite preview exited ${code}: ${output}`)));
      });
      expect(new URL(url).port).not.toBe(String(port));
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Content-Security-Policy');
    } finally {
      child.kill();
    }
  });

  it('makes a static server on that port fail with a message naming the port', async () => {
    // The test build (global setup), not dist/: a fresh clone has no dist/.
    await expect(serveStatic(inject('distDir'), { port })).rejects.toThrow(
      `docker-talk: port ${port} on 127.0.0.1 is in use`,
    );
  });
});
