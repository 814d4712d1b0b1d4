import { defineSlide } from '../src/deck/define.ts';
import { sharedLayers } from './diagrams/shared-layers.ts';

export default defineSlide({
  id: 'shared-layers',
  title: 'One image, many containers',
  blocks: [sharedLayers],
  notes: `Because the image layers are read-only, any number of containers can share them. Demo:
docker run -d --name web-2 -p 8082:3000 hello-layers and the same for web-3, then curl the three
ports: each answers with its own hostname. Then docker ps -s: in the Docker docs example, five
containers of one 7.75 MB image each show 0B, virtual 7.75MB. Starting one more container costs
almost no disk and no copy.`,
  timing: 60,
});
