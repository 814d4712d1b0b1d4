import { defineDiagram } from '../../src/deck/define.ts';

/** Editing one source file: every step before the change comes from the cache, every later step runs again. */
export const buildCache = defineDiagram({
  id: 'build-cache',
  title: 'The build cache after editing one source file',
  description:
    'Left, the first build runs all five steps. Right, after editing app/src/server.js: FROM, COPY of the package files and RUN npm ci come from the cache; COPY app/src and every step after it run again.',
  source: `---
config:
  flowchart:
    rankSpacing: 22
---
flowchart LR
  subgraph first [" first build "]
    direction TB
    f1["FROM node:22-alpine"] --> f2["COPY package files"] --> f3["RUN npm ci"] --> f4["COPY app/src/"] --> f5["ENV, EXPOSE, USER, CMD"]
  end
  subgraph second [" after editing app/src/server.js "]
    direction TB
    s1["FROM: cached"] --> s2["COPY package files: cached"] --> s3["RUN npm ci: cached"] --> s4["COPY app/src/: changed, runs"] --> s5["everything after: runs again"]
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
        'And every step after a changed step runs again too, changed or not. That is why the slow npm ci sits before the source copy.',
    },
  ],
  caption: 'A changed step invalidates itself and every later step',
  height: 500,
});
