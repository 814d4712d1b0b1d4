/**
 * Serves another slides folder with the dev server, e.g. every diagram on its own slide:
 * `npm run dev:fixture -- tests/fixtures/decks/all-diagrams`.
 */
import { createServer } from 'vite';
import { createDeckViteConfig } from '../src/build/deck-vite-config.ts';

const [slidesDir = 'tests/fixtures/decks/all-diagrams', port = '5174'] = process.argv.slice(2);
const server = await createServer({
  ...createDeckViteConfig({ slidesDir }),
  configFile: false,
  server: { host: '127.0.0.1', port: Number(port), open: false },
});
await server.listen();
server.printUrls();
