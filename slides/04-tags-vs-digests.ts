import { defineSlide } from '../src/deck/define.ts';
import { tagVsDigest } from './diagrams/tag-digest.ts';

export default defineSlide({
  id: 'tags-vs-digests',
  title: 'Tags move, digests don’t',
  blocks: [tagVsDigest],
  notes: `Because every part is named by its hash, an image has a name that cannot lie: its digest.
For a multi-platform image like alpine that is the digest of the index, so one pinned name holds on
every machine, each pulling its own platform. A tag like alpine:3.24 is something else, a label the
publisher points at new content with every rebuild, and an end-of-life tag like alpine:3.20 simply
stops moving.`,
  timing: 65,
  demo: '01-images/tags',
});
