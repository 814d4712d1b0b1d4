import { code, columns, defineSlide, text } from '../src/deck/define.ts';

export default defineSlide({
  id: 'deleting-doesnt-shrink',
  title: 'Deleting doesn’t shrink an image',
  blocks: [
    columns({
      leftTitle: 'rm in a later RUN: +100 MiB',
      left: [code({ file: 'Dockerfile.rm-later', language: 'dockerfile', lines: [1, 4] })],
      rightTitle: 'rm in the same RUN: +0 MiB',
      right: [code({ file: 'Dockerfile.rm-same-run', language: 'dockerfile', lines: [1, 4] })],
    }),
    text('A later `rm` only adds a whiteout, `.wh.big`; the bytes stay in the layer below.'),
    text('Clean up in the same `RUN`, or leave the mess in a build stage.'),
  ],
  notes: `Layers only ever add. If one RUN writes a hundred megabytes and a later RUN deletes the
file, the later layer only records a whiteout, and the bytes still ship in the layer below:
rm-later is about 100 MB bigger. The rm row is 0B with overlay2, a few kB (the whiteout) on
Docker Desktop's containerd image store. Clean up in the same RUN, or use a multi-stage build.`,
  timing: 55,
  demo: '01-images/rm-later',
});
