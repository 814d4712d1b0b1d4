import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { deckCheck, deckSource, diagramStepCss } from './src/build/vite-plugins.ts';

const mermaidVersion = (
  JSON.parse(readFileSync(new URL('./node_modules/mermaid/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export default defineConfig({
  // Relative base: the built deck works from any static host and any sub-path.
  base: './',
  define: { __MERMAID_VERSION__: JSON.stringify(mermaidVersion) },
  plugins: [deckSource(), diagramStepCss(), deckCheck()],
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
});
