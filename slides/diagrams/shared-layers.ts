import { defineDiagram } from '../../src/deck/define.ts';

/** Many containers, one copy of the image on disk: each adds only its own thin writable layer. */
export const sharedLayers = defineDiagram({
  id: 'shared-layers',
  title: 'Three containers share one image',
  description:
    'One image of read-only layers is stored once. Three containers are started from it; each has its own small writable layer on top of the same shared layers.',
  source: `flowchart BT
  subgraph image [" hello-layers image: stored once, read-only "]
    direction LR
    base["node:26-alpine layers"] ~~~ deps["node_modules"] ~~~ code["app/src"]
  end
  w1["web-1: writable layer"]
  w2["web-2: writable layer"]
  w3["web-3: writable layer"]
  image e1@--> w1
  image e2@--> w2
  image e3@--> w3
  class base,deps,code layer
  class w1,w2,w3 writable`,
  steps: [
    { show: ['image', 'base', 'deps', 'code'] },
    {
      show: ['w1', 'e1'],
      notes: 'docker run --name web-1 hello-layers: one thin writable layer, nothing copied.',
    },
    {
      show: ['w2', 'e2', 'w3', 'e3'],
      notes: 'web-2 and web-3: two more thin layers over the very same image layers.',
    },
  ],
  caption: '`docker ps -s`: its own layer’s size; "virtual" adds the shared image to it',
  height: 460,
});
