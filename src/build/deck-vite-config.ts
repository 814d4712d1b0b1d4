import { readFileSync } from 'node:fs';
import type { UserConfig } from 'vite';
import { contentSecurityPolicyPlugin } from './content-security-policy.ts';
import { demoBlocks, demoOptionsFor } from './demo-blocks.ts';
import { deckCheck, deckSource, diagramStepCss, type DeckSourceOptions } from './vite-plugins.ts';

function mermaidVersion(): string {
  const url = new URL('../../node_modules/mermaid/package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/**
 * The Vite config of the deck. One function, so `vite.config.ts` and the tests that serve
 * negative fixtures (another slides folder) build the deck the same way.
 */
export function createDeckViteConfig(options: DeckSourceOptions = {}): UserConfig {
  return {
    // Relative base: the built deck works from any static host and any sub-path.
    base: './',
    define: { __MERMAID_VERSION__: JSON.stringify(mermaidVersion()) },
    plugins: [
      deckSource(options),
      demoBlocks(demoOptionsFor(options.slidesDir, options.demos)),
      diagramStepCss(),
      deckCheck(options),
      contentSecurityPolicyPlugin(),
    ],
    server: {
      host: '127.0.0.1',
      port: 5173,
      // CI has no one to look at a browser window.
      open: process.env.CI ? false : '/',
    },
    preview: { host: '127.0.0.1', port: 4173 },
    build: {
      outDir: 'dist',
      target: 'es2022',
      // reveal.js and Mermaid are large by nature; the bench tracks transfer size instead.
      chunkSizeWarningLimit: 1500,
    },
  };
}
