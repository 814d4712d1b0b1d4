import { defineSlide } from '../src/deck/define.ts';
import { copyOnWrite } from './diagrams/copy-on-write.ts';

export default defineSlide({
  id: 'copy-on-write',
  title: 'Copy-on-write, one file at a time',
  blocks: [copyOnWrite],
  notes: `What happens when a container changes a file that lives in the image? Reading is free, it
comes straight from the lower layer. Demo: docker exec -u root web-1 sh -c 'echo "// patched" >>
/app/src/server.js', which appends one line and so copies the whole file up first. Stress this one:
the image itself never changes.`,
  timing: 60,
});
