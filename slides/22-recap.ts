import { defineSlide, table } from '../src/deck/define.ts';

export default defineSlide({
  id: 'recap',
  title: 'Myth-busting recap',
  blocks: [
    table({
      head: ['The blog says', 'What is true'],
      rows: [
        ['“Executable package”', 'Data, run on the host’s kernel and CPU arch'],
        ['“Static, immutable”', 'The content is; tags move between digests'],
        ['“Built with docker build”', 'Also `commit`, `import`; not every step a layer'],
        ['“Created with docker run”', '`run` = create + start; `create` alone: created'],
        ['“Temporary, data lost”', 'Writable layer survives stop; `rm` deletes it'],
        ['“Can be moved”', 'No move: start a new container elsewhere'],
        ['“Where apps run”', 'Isolated processes on one Linux kernel, no VM each'],
      ],
    }),
  ],
  notes: `Let us go back to the blog post we started from and fix its loose claims one by one. An
image is not executable, it is data that a runtime unpacks and runs on the host kernel, for one CPU
architecture. Immutable is true of the content and false of tags, and docker build is one way among
commit and import to make an image. A container is not lost data waiting to happen, it keeps its
writable layer until rm, it never moves, and it runs as plain processes on a Linux kernel: the host's
on Linux, the one of Docker's Linux VM on Docker Desktop, never a VM of its own.`,
  timing: 75,
});
