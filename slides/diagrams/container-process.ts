import { defineDiagram } from '../../src/deck/define.ts';

/**
 * A container is a process on the host kernel: namespaces limit what it sees, cgroups what it uses.
 * The namespace box lists what a default `docker run` creates: a time namespace too from Engine
 * 29.5.0 (moby#52326, kernels 5.6+); a user namespace only with userns-remap or rootless mode.
 * Two-line boxes and the host's two processes side by side keep the text legible at 1280x720.
 */
export const containerProcess = defineDiagram({
  id: 'container-process',
  title: 'A container is an isolated process on the host kernel',
  description:
    'One Linux host kernel runs ordinary host processes and two containers. Each container is a process tree that namespaces limit in what it can see and cgroups limit in what it can use (CPU, memory, I/O, PIDs). A default docker run gives it its own mount, PID, network, UTS and IPC namespaces, a cgroup namespace on cgroup v2, and from Engine 29.5 a time namespace on kernels that have one; a user namespace only with userns-remap or rootless mode. There is no guest kernel.',
  source: `---
config:
  flowchart:
    rankSpacing: 30
---
flowchart BT
  kernel["one Linux kernel: the host's"]
  subgraph web [" container web-1 "]
    direction LR
    node1["node server.js<br/>PID 1 inside"]
  end
  subgraph db [" container db "]
    direction LR
    pg["postgres<br/>PID 1 inside"]
  end
  subgraph host [" host processes "]
    direction TB
    sshd["sshd"]
    dockerd["dockerd<br/>containerd"]
  end
  ns["namespaces: what it sees<br/>mnt, pid, net, uts, ipc, cgroup (v2)<br/>time: Engine 29.5+ · user: opt-in"]
  cg["cgroups: what it uses<br/>CPU, memory, I/O, PIDs"]
  kernel k1@--- host
  kernel k2@--- web
  kernel k3@--- db
  web ~~~ ns
  db ~~~ cg
  class kernel accent
  class ns,cg config`,
  steps: [
    { show: ['kernel', 'host', 'sshd', 'dockerd', 'k1'] },
    {
      show: ['web', 'node1', 'k2', 'db', 'pg', 'k3'],
      notes:
        'Containers run on the same kernel, side by side with every other process. ps on the host lists them.',
    },
    {
      show: ['ns'],
      notes:
        'Namespaces decide what a process sees: its own PID 1, its own network stack, its own mounts. Since Engine 29.5 also its own time namespace, for uptime and the monotonic clock, not the wall clock. A user namespace is not among the defaults: it takes userns-remap or rootless mode.',
    },
    {
      show: ['cg'],
      notes: 'Cgroups decide what it may use: CPU, memory, I/O. Not a VM: no second kernel anywhere.',
    },
  ],
  caption: 'Not a VM: no guest kernel, just isolation',
  height: 500,
});
