import { defineSlide, table } from '../src/deck/define.ts';

export default defineSlide({
  id: 'runtime-chain',
  title: 'The runtime chain',
  blocks: [
    table({
      head: ['Piece', 'Its job'],
      rows: [
        ['`docker` CLI', 'turns your command into a REST API call'],
        ['`dockerd`', 'the Engine: API, images, networks, volumes'],
        ['`containerd`', 'manages containers (and images, with its image store)'],
        ['`containerd-shim-runc-v2`', 'one per container: holds its stdio and exit code'],
        ['`runc`', 'applies the OCI runtime spec, starts PID 1, exits'],
        ['your process', 'PID 1 in its own namespaces'],
      ],
      caption: 'runc implements the OCI Runtime Specification; other runtimes, such as crun, can stand in.',
    }),
  ],
  notes: `Who actually starts that process? The docker CLI only talks to dockerd over its REST API,
dockerd asks containerd, containerd starts a small shim per container, and the shim calls runc. runc
reads the OCI runtime config, sets up the namespaces and cgroups, starts your process and exits,
and the shim stays behind as its parent, holding its output and its exit code.`,
  timing: 55,
  demo: '04-processes/chain',
});
