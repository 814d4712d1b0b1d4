import { defineSlide, table, text } from '../src/deck/define.ts';

export default defineSlide({
  id: 'inside-an-image',
  title: 'Inside an image: the OCI format',
  blocks: [
    table({
      head: ['Part', 'What it holds', 'Named by'],
      rows: [
        ['Index', 'a manifest per platform, + attestations', '`sha256` of its JSON'],
        ['Manifest', 'the config + the list of layers', '`sha256` of its JSON'],
        ['Config', 'defaults, `diff_ids`, history', '`sha256`: classic image ID'],
        ['Layer', 'a tar of changes, usually gzipped', '`sha256` of the blob'],
      ],
      caption: 'OCI Image Format Specification: image-index, manifest, config, layer',
    }),
    text('Change one byte in a layer, and every name above it changes.', { variant: 'lead' }),
  ],
  notes: `Open up an image and you find nothing magic, just JSON and tar files, each named by the
sha256 of its bytes. A multi-platform tag like node:26-alpine points at an index, which lists one
manifest per platform and, beside them, the build's attestation manifests, the unknown/unknown rows in
imagetools inspect. A manifest points to a config and to the layer blobs, tars that are usually
gzip-compressed, and the config holds the defaults plus the diff IDs, the hashes of the uncompressed
layers. One caveat: the classic store shows the config digest as the image ID, while the containerd
image store, the default on fresh installs of Engine 29 (an upgraded daemon keeps overlay2), shows the
manifest or index digest.`,
  timing: 65,
  demo: '01-images/index',
});
