import { defineSlide } from '../src/deck/define.ts';
import { containerProcess } from './diagrams/container-process.ts';

export default defineSlide({
  id: 'container-is-a-process',
  title: 'A container is a process',
  blocks: [containerProcess],
  notes: `So far we talked about files; now about what runs. A running container is an ordinary Linux
process on the host's kernel, wrapped in namespaces and held by cgroups. Demo: docker top web-1, then on the host,
ps -eo pid,ppid,user,args piped to grep server.js shows node with a host PID, while docker exec
web-1 ps shows the same node as PID 1.`,
  timing: 75,
});
