import { defineDiagram } from '../../src/deck/define.ts';

/**
 * The first write to a file from a lower layer copies the whole file up; the lower copy is never
 * changed. A chmod or chown copies it up too, unless the kernel enables overlayfs metacopy (Docker
 * does not ask for it: moby's overlay2 check.go only detects it), which then copies metadata only. Left to right, because Mermaid puts a subgraph's title on its top edge: drawn bottom-up,
 * every arrow leaving a file ran through the title of the layer it sat in.
 */
export const copyOnWrite = defineDiagram({
  id: 'copy-on-write',
  title: 'Copy-on-write of one file',
  description:
    'The file /etc/app.conf lives in a read-only image layer and the container reads it through the merged view. On the first write, the whole file is copied up into the container layer and changed there; the merged view now shows the upper copy, and the file in the image layer stays unchanged.',
  source: `---
config:
  flowchart:
    rankSpacing: 48
---
flowchart LR
  subgraph image [" image layer (read-only) "]
    lowerfile["/etc/app.conf<br/>original"]
  end
  subgraph container [" container layer (read-write) "]
    upperfile["/etc/app.conf<br/>edited copy"]
  end
  view(["the container<br/>opens /etc/app.conf"])
  lowerfile r1@-->|"read"| view
  lowerfile up@-->|"first write:<br/>copy up"| upperfile
  upperfile r2@-->|"every later<br/>read, write"| view
  class lowerfile layer
  class upperfile writable
  class view accent`,
  steps: [
    { show: ['image', 'lowerfile', 'view', 'r1'] },
    {
      show: ['container', 'upperfile', 'up'],
      notes:
        'The first write copies the whole file up into the container layer, once, so a big file makes that first write slow. A chmod or chown copies it up too, unless the kernel has overlayfs metacopy on; then only the metadata goes up until the first real write.',
    },
    {
      show: ['r2'],
      hide: ['r1'],
      notes:
        'From now on the container sees the upper copy; the lower one is hidden, never changed. Delete it, and the container layer records a whiteout instead.',
    },
  ],
  caption: 'The lower file is hidden, never changed',
  height: 480,
});
