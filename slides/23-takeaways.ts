import { bullets, defineSlide, step, text } from '../src/deck/define.ts';

export default defineSlide({
  id: 'takeaways',
  title: 'Takeaways',
  blocks: [
    bullets([
      'An image: read-only layers + a config, named by digest',
      step(
        'A container: + a writable layer, settings, a process',
        'A container adds a writable layer, its runtime settings and, while it runs, a process tree on the host kernel.',
      ),
      step(
        'Order for the cache; ship with multi-stage',
        'Lockfile, install, then source; and let a build stage keep the tools out of what you ship.',
      ),
      step(
        'Data that matters goes in volumes',
        'The writable layer goes with docker rm. Anything you want to keep belongs in a volume.',
      ),
    ]),
    text('**Rebuild, don’t patch. Recreate, don’t mutate.**', { variant: 'lead' }),
    text('Questions?', { variant: 'lead' }),
  ],
  notes: `If you remember one sentence, make it this: an image is an immutable, content-addressed
stack of layers plus a config, and a container is that stack plus one thin writable layer and a
process. Everything we saw follows from it. Rebuild, don't patch; recreate, don't mutate. And now,
your questions.`,
  timing: 40,
});
