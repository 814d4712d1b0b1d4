import { bullets, columns, defineSlide } from '../src/deck/define.ts';

export default defineSlide({
  id: 'trust-and-moving',
  title: 'Trust, and “moving” a container',
  blocks: [
    columns({
      leftTitle: 'Trust what you pull',
      left: [
        bullets([
          'Deploy `image@sha256:…`, not a tag',
          'Verify signatures: Sigstore, Notation',
          'Check attestations: SBOM, provenance',
          'Docker Content Trust (Notary v1) is being retired',
        ]),
      ],
      rightTitle: 'Containers don’t move',
      right: [
        bullets([
          'Ship the image, not the container',
          'Re-attach the volume, start anew',
          '`docker export`: files only, no volumes',
          'Checkpoint/restore (CRIU): experimental',
        ]),
      ],
    }),
  ],
  notes: `Two practical questions come up once images travel. First, trust: pin the digest you tested,
and verify signatures and attestations with Sigstore or Notation, because Docker Content Trust,
based on Notary v1, is being retired. Pinning has a price: you no longer get fixes automatically, so
update your digests on purpose. Second, you never move a container: you ship the image, start a new
container elsewhere, and re-attach the data in a volume, since docker export writes only the
filesystem and checkpoint and restore is still experimental.`,
  timing: 55,
  demo: '05-distribution/pin',
});
