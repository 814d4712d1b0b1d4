import { defineSlide } from '../src/deck/define.ts';
import { containerProcess } from './diagrams/container-process.ts';

export default defineSlide({
  id: 'container-is-a-process',
  title: 'A container is a process',
  blocks: [containerProcess],
  notes: `So far we talked about files; now about what runs. A running container is an ordinary Linux
process on the host's kernel, wrapped in namespaces and held by cgroups; on Docker Desktop that kernel is
the one of Docker's Linux VM, shared by every container. On a Linux host, node has an ordinary host
PID, while inside the container the same node is PID 1.`,
  timing: 75,
  demo: '04-processes/process',
});
