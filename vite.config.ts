import { defineConfig } from 'vite';
import { createDeckViteConfig } from './src/build/deck-vite-config.ts';

export default defineConfig(createDeckViteConfig());
