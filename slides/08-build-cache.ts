import { defineSlide } from '../src/deck/define.ts';
import { buildCache } from './diagrams/build-cache.ts';

export default defineSlide({
  id: 'build-cache',
  title: 'The build cache',
  blocks: [buildCache],
  notes: `Layers also make builds fast. BuildKit, the default builder since Docker Engine 23.0, keys
every step on its instruction and its inputs, and reuses the layer when nothing changed. Demo: edit
one line of server.js, then docker build --progress=plain -t hello-layers . and read the CACHED
lines.`,
  timing: 75,
});
