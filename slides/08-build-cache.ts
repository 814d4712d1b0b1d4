import { defineSlide } from '../src/deck/define.ts';
import { buildCache } from './diagrams/build-cache.ts';

export default defineSlide({
  id: 'build-cache',
  title: 'The build cache',
  blocks: [buildCache],
  notes: `Layers also make builds fast. BuildKit, the default builder since Docker Engine 23.0, keys
every step on its instruction and its inputs, and reuses the layer when nothing changed.`,
  timing: 75,
  demo: '02-builds/cache',
});
