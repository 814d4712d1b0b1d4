import { defineSlide } from '../src/deck/define.ts';
import { imageLayers } from './diagrams/image-layers.ts';

export default defineSlide({
  id: 'dockerfile-to-layers',
  title: 'Dockerfile → layers',
  blocks: [imageLayers],
  notes: `Let us build the image one instruction at a time. FROM brings the base image's layers.
Every instruction that changes files adds one read-only layer on top. Demo: docker image history
hello-layers, and read it bottom-up.`,
  timing: 90,
});
