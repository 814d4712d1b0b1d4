import { defineDiagram } from '../../src/deck/define.ts';

/**
 * A tag is a movable name; a digest is the content's own name and never moves. alpine:3.24 is
 * multi-platform, so its tag names an image index (one manifest per platform), not a manifest.
 */
export const tagVsDigest = defineDiagram({
  id: 'tag-digest',
  title: 'A tag moves between digests; a digest stays put',
  description:
    'The tag alpine:3.24 first points at the image index sha256:1a2b, which lists one manifest per platform. A rebuild with a security fix is pushed as the index sha256:9f8e and the tag moves to it. A reference pinned by digest, alpine@sha256:1a2b, keeps pointing at the first index.',
  source: `flowchart LR
  tag(["tag alpine:3.24"])
  old["index sha256:1a2b…<br/>(first build)"]
  new["index sha256:9f8e…<br/>(rebuilt with a fix)"]
  pin(["alpine@sha256:1a2b…"])
  tag t1@--> old
  tag t2@-->|"re-tagged"| new
  pin p1@-->|"never moves"| old
  class tag accent
  class old,new layer`,
  steps: [
    { show: ['tag', 'old', 't1'] },
    {
      show: ['new'],
      notes: 'The maintainers rebuild 3.24 with a security fix: new content, so a new digest.',
    },
    {
      show: ['t2'],
      hide: ['t1'],
      notes:
        'They push it under the same tag. The tag now points at the new digest: yesterday and today, alpine:3.24 meant different bytes.',
    },
    {
      show: ['pin', 'p1'],
      notes:
        'A digest reference cannot move: the name is the hash of the content. Pin digests for reproducible builds, and update them on purpose.',
    },
  ],
  caption: 'Tags are mutable pointers; digests are content addresses',
  height: 420,
});
