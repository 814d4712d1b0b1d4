import { defineDiagram } from '../../src/deck/define.ts';

/**
 * Editing one source file: every step before the change comes from the cache, every later step
 * runs again. Two rows, each step over its rebuilt self: two columns of five stacked boxes were
 * too tall to keep the labels legible at 1280x720.
 */
export const buildCache = defineDiagram({
  id: 'build-cache',
  title: 'The build cache after editing one source file',
  description:
    'Top row, the first build runs all five steps. Bottom row, after editing app/src/server.js: FROM, COPY of the package files and RUN npm ci come from the cache; COPY app/src and every step after it run again.',
  source: `---
config:
  flowchart:
    rankSpacing: 8
    padding: 10
---
flowchart TB
  subgraph first [" first build "]
    direction LR
    f1["FROM<br/>node:26-alpine"] --> f2["COPY<br/>package files"] --> f3["RUN<br/>npm ci"] --> f4["COPY<br/>app/src/"] --> f5["ENV, EXPOSE,<br/>USER, CMD"]
  end
  subgraph second [" after editing app/src/server.js "]
    direction LR
    s1["FROM<br/>cached"] --> s2["COPY package<br/>files: cached"] --> s3["RUN npm ci<br/>cached"] --> s4["COPY app/src/<br/>changed: runs"] --> s5["everything after<br/>runs again"]
  end
  first ~~~ second
  class f1,f2,f3,f4,f5 layer
  class s1,s2,s3 muted
  class s4,s5 accent`,
  steps: [
    { show: ['first', 'f1', 'f2', 'f3', 'f4', 'f5'] },
    {
      show: ['second', 's1', 's2', 's3'],
      notes:
        'Now edit one line of server.js and build again. The first three steps did not change, so BuildKit reuses their layers from the cache.',
    },
    {
      show: ['s4'],
      notes: 'COPY app/src sees a changed file: its cache key changed, so it runs again.',
    },
    {
      show: ['s5'],
      notes:
        'Any step after a changed step runs again too, changed or not; here only config lines follow, so the rebuild is one small COPY. That is why the slow npm ci sits before the source copy.',
    },
  ],
  caption: 'A changed step invalidates itself and every later step',
  height: 500,
});
