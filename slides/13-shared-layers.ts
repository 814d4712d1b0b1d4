import { defineSlide } from '../src/deck/define.ts';
import { sharedLayers } from './diagrams/shared-layers.ts';

export default defineSlide({
  id: 'shared-layers',
  title: 'One image, many containers',
  blocks: [sharedLayers],
  notes: `Because the image layers are read-only, any number of containers can share them. Three containers of hello-layers each answer with their own hostname. In the Docker docs example, five
containers of one 7.75 MB image each show 0B, virtual 7.75MB. Starting one more container costs
almost no disk and no copy.`,
  timing: 60,
  demo: '03-containers/many',
});
