import { bullets, columns, defineSlide, demoOutput, text } from '../src/deck/define.ts';

export default defineSlide({
  id: 'diff-and-commit',
  title: 'docker diff and docker commit',
  blocks: [
    columns({
      leftTitle: 'What changed in web-1',
      left: [
        // From the rehearsal's recording of this very command: the slide cannot drift from the engine.
        demoOutput({
          demo: '03-containers/diff',
          command: 'docker diff web-1',
          caption: 'docker diff web-1 (the order varies)',
        }),
        text('**A** added · **C** changed · **D** deleted'),
      ],
      rightTitle: 'Why a Dockerfile beats commit',
      right: [
        bullets([
          '`commit` freezes the writable layer as a new layer',
          'No recipe: nobody can review or rebuild it',
          'Stray files ride along: caches, logs, secrets',
          'Files only: the process is not saved',
        ]),
      ],
    }),
  ],
  notes: `Since the writable layer is just a directory, Docker can list what is in it: docker diff lists each file added, changed or deleted there. The deleted file shows as D because the upper layer
holds a whiteout for it, and docker commit web-1 hello-layers:patched would turn exactly this into a
new image layer. Do it to debug, never to ship: rebuild from the Dockerfile instead.`,
  timing: 60,
  demo: '03-containers/diff',
});
