import { defineDiagram } from '../../src/deck/define.ts';

/** The first write to a file from a lower layer copies the whole file up; the lower copy is never changed. */
export const copyOnWrite = defineDiagram({
  id: 'copy-on-write',
  title: 'Copy-on-write of one file',
  description:
    'The file /etc/app.conf lives in a read-only image layer and the container reads it through the merged view. On the first write, the whole file is copied up into the container layer and changed there; the merged view now shows the upper copy, and the file in the image layer stays unchanged.',
  source: `flowchart BT
  subgraph image [" image layer (read-only) "]
    lowerfile["/etc/app.conf: original"]
  end
  subgraph container [" container layer (read-write) "]
    upperfile["/etc/app.conf: edited copy"]
  end
  view(["the container opens /etc/app.conf"])
  lowerfile r1@-->|"read"| view
  lowerfile up@-->|"first write: copy up the whole file"| upperfile
  upperfile r2@-->|"every later read and write"| view
  class lowerfile layer
  class upperfile writable
  class view accent`,
  steps: [
    { show: ['image', 'lowerfile', 'view', 'r1'] },
    {
      show: ['container', 'upperfile', 'up'],
      notes:
        'The first write, even a chmod, copies the whole file up into the container layer. Once. A big file makes that first write slow.',
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
