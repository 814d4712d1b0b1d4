import { defineSlide } from '../src/deck/define.ts';
import { imageLayers } from './diagrams/image-layers.ts';

export default defineSlide({
  id: 'dockerfile-to-layers',
  title: 'Dockerfile → layers',
  blocks: [imageLayers],
  notes: `Now let us watch the image grow one instruction at a time. FROM brings in the layers of the
base image, and every later instruction that changes files puts one more read-only layer on top.`,
  timing: 80,
  demo: '01-images/history',
});
