import { code, defineSlide, text } from '../src/deck/define.ts';

export default defineSlide({
  id: 'cache-order',
  title: 'Order for the cache',
  blocks: [
    code({
      file: 'Dockerfile.bad-order',
      language: 'dockerfile',
      lines: [2, 4],
      highlight: '2',
      caption: 'Dockerfile.bad-order: any edit in app/ reruns npm ci',
    }),
    code({
      file: 'Dockerfile',
      language: 'dockerfile',
      lines: [1, 4],
      highlight: '2-3',
      caption: 'Dockerfile: lockfile, install, then source; an edit reruns one COPY',
    }),
    text('What changes least goes first; what changes most goes last.', { variant: 'lead' }),
  ],
  notes: `So the order of your Dockerfile is a performance decision. Copy everything first, and any
edit to any file invalidates the npm ci step after it. Copy only the lockfile, install, and copy the
source last, and a code change costs one small COPY.`,
  timing: 45,
  demo: '02-builds/order',
});
