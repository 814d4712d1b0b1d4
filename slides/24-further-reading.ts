import { bullets, columns, defineSlide } from '../src/deck/define.ts';

export default defineSlide({
  id: 'further-reading',
  title: 'Further reading',
  blocks: [
    columns({
      leftTitle: 'Specifications and CLI',
      left: [
        bullets([
          'OCI Image Format Specification: manifest, config, layers',
          'OCI Distribution Specification',
          'OCI Runtime Specification',
          'docker CLI reference: run, ps, stop, pause',
          'docker CLI reference: export, checkpoint',
        ]),
      ],
      rightTitle: 'Docker docs',
      right: [
        bullets([
          'Storage drivers',
          'OverlayFS storage driver',
          'Using the build cache',
          'BuildKit',
          'containerd image store',
          'Volumes',
        ]),
      ],
    }),
  ],
  notes: `Everything on these slides comes from these pages, so they are the place to check me. The
OCI specifications describe the image format, the registry protocol and the runtime config. The
Docker docs pages go deeper into storage, the build cache and volumes. Thank you.`,
  timing: 20,
});
