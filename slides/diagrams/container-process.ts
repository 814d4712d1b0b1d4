import { defineDiagram } from '../../src/deck/define.ts';

/** A container is a process on the host kernel: namespaces limit what it sees, cgroups what it uses. */
export const containerProcess = defineDiagram({
  id: 'container-process',
  title: 'A container is an isolated process on the host kernel',
  description:
    'One Linux host kernel runs ordinary processes and two containers. Each container is a process tree that namespaces limit in what it can see (its own PIDs, network, mounts, hostname) and cgroups limit in what it can use (CPU, memory, I/O). There is no guest kernel.',
  source: `flowchart BT
  kernel["one Linux kernel: the host's"]
  subgraph host [" host processes "]
    direction LR
    sshd["sshd"] ~~~ dockerd["dockerd, containerd"]
  end
  subgraph web [" container web-1 "]
    direction LR
    node1["node server.js: PID 1 inside"]
  end
  subgraph db [" container db "]
    direction LR
    pg["postgres: PID 1 inside"]
  end
  ns["namespaces: what it sees<br/>pid, net, mnt, uts, ipc, user, cgroup, time"]
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
      notes: 'Namespaces decide what a process sees: its own PID 1, its own network stack, its own mounts.',
    },
    {
      show: ['cg'],
      notes: 'Cgroups decide what it may use: CPU, memory, I/O. Not a VM: no second kernel anywhere.',
    },
  ],
  caption: 'Not a VM: no guest kernel, just isolation',
  height: 500,
});
