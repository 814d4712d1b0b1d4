import { defineSlide } from '../src/deck/define.ts';
import { unionFilesystem } from './diagrams/union-fs.ts';

export default defineSlide({
  id: 'union-filesystem',
  title: 'From image to container: one union filesystem',
  blocks: [unionFilesystem],
  notes: `Now we cross from the image to the container. A container does not get a copy of the
image: the storage driver stacks the read-only layers and adds one empty writable directory on top.
On a Linux host, mount -t overlay shows the lowerdir, upperdir and workdir of that mount.`,
  timing: 70,
  demo: '03-containers/union',
});
