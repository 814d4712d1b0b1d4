import { defineSlide } from '../src/deck/define.ts';
import { definitions } from './diagrams/definitions.ts';

export default defineSlide({
  id: 'definitions',
  title: 'Two words, two things',
  blocks: [definitions],
  notes: `Here is the whole talk in one picture. On the left, an image: a stack of read-only layers
of files and a small config that says which command to run, as which user, with which environment.
It is data on a disk, nothing is running. Step through to see what docker run adds on the right.`,
  timing: 80,
});
