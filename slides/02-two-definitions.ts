import { bullets, columns, defineSlide, step } from '../src/deck/define.ts';

export default defineSlide({
  id: 'two-definitions',
  title: 'Two words, two things',
  blocks: [
    columns({
      leftTitle: 'Image: what you ship',
      left: [
        bullets([
          'Read-only layers of files',
          'Plus a config: command, env, user',
          step(
            'Named by a digest: `sha256:…`',
            'An image never changes once built. Its name, the digest, is a hash of its content.',
          ),
        ]),
      ],
      rightTitle: 'Container: what runs',
      right: [
        bullets([
          'The same layers, shared',
          'Plus one thin writable layer',
          step(
            'Plus a process on the host kernel',
            'A container adds exactly three things to the image: a writable layer, its own runtime settings, and, while it runs, a process tree.',
          ),
        ]),
      ],
    }),
  ],
  notes: `Here is the whole talk on one slide. An image is data: a stack of read-only layers and a
small config. A container is that same stack, plus one writable layer on top and, while it runs,
ordinary processes on the host. Everything else today is a zoom into one of these two columns.`,
  timing: 90,
});
