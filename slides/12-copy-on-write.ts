import { defineSlide } from '../src/deck/define.ts';
import { copyOnWrite } from './diagrams/copy-on-write.ts';

export default defineSlide({
  id: 'copy-on-write',
  title: 'Copy-on-write, one file at a time',
  blocks: [copyOnWrite],
  notes: `What happens when a container changes a file that lives in the image? Reading is free, it
comes straight from the lower layer. Appending one line to a file copies the whole file up first. Stress this one:
the image itself never changes.`,
  timing: 60,
  demo: '03-containers/copy-up',
});
