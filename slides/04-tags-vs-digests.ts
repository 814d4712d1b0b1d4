import { defineSlide } from '../src/deck/define.ts';
import { tagVsDigest } from './diagrams/tag-digest.ts';

export default defineSlide({
  id: 'tags-vs-digests',
  title: 'Tags move, digests don’t',
  blocks: [tagVsDigest],
  notes: `Because every part is named by its hash, an image has a name that cannot lie: its digest.
A tag like alpine:3.20 is something else, a label the publisher can point at new content whenever
they like.`,
  timing: 65,
  demo: '01-images/tags',
});
