import { defineSlide } from '../src/deck/define.ts';
import { unionFilesystem } from './diagrams/union-fs.ts';

export default defineSlide({
  id: 'union-filesystem',
  title: 'From image to container: one union filesystem',
  blocks: [unionFilesystem],
  notes: `Now we cross from the image to the container. A container does not get a copy of the
image: the storage driver stacks the read-only layers, with a small init layer for files like
/etc/hosts, and adds one empty writable directory on top. Inside the container, /proc/mounts shows
that overlay mount with its lowerdir, upperdir and workdir. The overlay2 driver and the containerd
image store's overlayfs snapshotter, on Docker Desktop and Engine 29, build the same mount; only
the paths differ.`,
  timing: 70,
  demo: '03-containers/union',
});
