import { bullets, columns, defineSlide } from '../src/deck/define.ts';

/** Docker's Notary v1 service shuts down on 8 December 2026: a deck built later says so in the past tense. */
const notaryGone = new Date() >= new Date('2026-12-08T00:00:00Z');

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
          `Content Trust retired: Notary v1 ${notaryGone ? 'shut down' : 'shuts down'} 8 Dec 2026`,
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
and verify signatures and attestations with Sigstore or Notation, because Docker Content Trust is
retired: docker CLI 29 no longer ships it, and its Notary v1 service
${notaryGone ? 'shut down' : 'shuts down'} on 8 December 2026. Pinning has a price: you no longer get fixes automatically, so
update your digests on purpose. Second, you never move a container: you ship the image, start a new
container elsewhere, and re-attach the data in a volume, since docker export writes only the
filesystem and checkpoint and restore is still experimental.`,
  timing: 55,
  demo: '05-distribution/pin',
});
