import { defineDiagram } from '../../src/deck/define.ts';

/** overlay2: the image layers are the lower dirs, the container layer the upper dir, the container sees the merged view. */
export const unionFilesystem = defineDiagram({
  id: 'union-fs',
  title: 'A union filesystem: lower layers, upper layer, merged view',
  description:
    'Three read-only image layers are the lowerdir of an overlay mount. The container layer is the upperdir, the only writable part. The container sees the merged directory: the union of all of them, upper on top.',
  source: `flowchart BT
  subgraph lower [" lowerdir: image layers, read-only "]
    direction LR
    l1["node:24-alpine"] ~~~ l2["node_modules"] ~~~ l3["app/src"]
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
        'docker create adds an empty upperdir: the container layer. It is the only directory the container can write to.',
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
