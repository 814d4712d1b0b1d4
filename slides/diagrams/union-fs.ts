import { defineDiagram } from '../../src/deck/define.ts';

/**
 * overlay2: the image layers are the lower dirs, the container layer the upper dir, the container
 * sees the merged view. The base image is one box for its several layers, and the small init layer
 * Docker puts between the image and the container layer is left to the notes.
 */
export const unionFilesystem = defineDiagram({
  id: 'union-fs',
  title: 'A union filesystem: lower layers, upper layer, merged view',
  description:
    "The read-only image layers (the node:26-alpine base image's, then node_modules, then app/src) are the lowerdirs of an overlay mount, topped by a small read-only init layer Docker makes for each container. The container layer is the upperdir, the only writable part. The container sees the merged directory: the union of all of them, upper on top.",
  source: `flowchart BT
  subgraph lower [" lowerdir: image layers, read-only "]
    direction LR
    l1["node:26-alpine layers"] ~~~ l2["node_modules"] ~~~ l3["app/src"]
  end
  upper["upperdir: container layer, read-write"]
  merged["merged: the container's / as it sees it"]
  lower m1@--> merged
  upper m2@--> merged
  lower ~~~ upper
  class l1,l2,l3 layer
  class upper writable
  class merged accent`,
  steps: [
    { show: ['lower', 'l1', 'l2', 'l3'] },
    {
      show: ['upper'],
      notes:
        'docker create adds an empty upperdir: the container layer, the only directory the container can write to. Just under it Docker slips a tiny read-only init layer with empty /etc/hosts, /etc/hostname and /etc/resolv.conf, which it mounts over at start.',
    },
    {
      show: ['merged', 'm1', 'm2'],
      notes:
        'The kernel overlays them into one merged directory, and that is the root filesystem the container sees. A fresh install of Engine 29, or of Docker Desktop 4.34 and later, uses the containerd image store with an overlayfs snapshotter instead, same idea; an upgraded daemon keeps overlay2.',
    },
  ],
  caption: 'overlay2: lowerdir + upperdir → merged (plus an internal workdir)',
  height: 480,
});
