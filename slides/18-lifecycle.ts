import { defineSlide } from '../src/deck/define.ts';
import { lifecycle } from './diagrams/lifecycle.ts';

export default defineSlide({
  id: 'lifecycle',
  title: 'The container lifecycle',
  blocks: [lifecycle],
  notes: `A container has a life of its own, and docker ps -a tells you where it is. A container just created is not running: nothing runs until docker start. Then pause, unpause, stop and rm it while we step
through.`,
  timing: 80,
  demo: '04-processes/lifecycle',
});
