import { defineDiagram } from '../../src/deck/define.ts';

/**
 * The whole talk in one picture: the image, then what a container adds to it. Tall, not wide: less
 * padding in the boxes and between the stacked layers keeps its labels legible at 1280x720 (a
 * rank spacing below about 20 would let the top box cover its subgraph's title).
 */
export const definitions = defineDiagram({
  id: 'definitions',
  title: 'An image, and a container made from it',
  description:
    'Left: an image, read-only layers plus a config. Right: a container, which uses the same layers, adds one writable layer on top, its own runtime settings, and a running process on the host kernel.',
  source: `---
config:
  flowchart:
    rankSpacing: 24
    padding: 8
---
flowchart LR
  subgraph image [" image: what you ship "]
    direction TB
    icfg["config: CMD, ENV, USER"]
    il3["layer 3 (read-only)"]
    il2["layer 2 (read-only)"]
    il1["layer 1 (read-only)"]
    icfg ~~~ il3 ~~~ il2 ~~~ il1
  end
  subgraph container [" container: what runs "]
    direction TB
    proc["process on the host kernel"]
    rw["writable layer"]
    shared["the image's layers, shared"]
    proc ~~~ rw ~~~ shared
  end
  image run@-->|"docker run"| container
  class il1,il2,il3,shared layer
  class icfg config
  class rw writable
  class proc accent`,
  steps: [
    { show: ['image', 'icfg', 'il1', 'il2', 'il3'] },
    {
      show: ['container', 'shared', 'run'],
      notes: 'docker run creates a container from the image. It does not copy the layers: it points at them.',
    },
    {
      show: ['rw'],
      notes: 'On top goes one thin writable layer. Every file the container changes lands here.',
    },
    {
      show: ['proc'],
      notes:
        'And when it starts, a process runs: an ordinary process on the host kernel, isolated. That is all a container is.',
    },
  ],
  caption: 'A container = the image’s layers + one writable layer + a process',
  height: 480,
});
