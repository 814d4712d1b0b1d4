import { defineDiagram } from '../../src/deck/define.ts';

/**
 * The states `docker ps -a` shows, with the commands that move a container between them.
 * Commands without their `docker` prefix (the caption says where they come from) and tight ranks
 * keep the widest diagram of the talk legible at 1280x720; a two-way arrow for pause/unpause and
 * for the restart policy, because a second edge between the same two states ran through the
 * first one's label.
 */
export const lifecycle = defineDiagram({
  id: 'lifecycle',
  title: 'The container lifecycle',
  description:
    'docker create makes a created container; docker start runs it; docker pause freezes it and unpause thaws it; stop, kill or the process exiting make it exited; start runs it again; docker rm removes it. docker run is create plus start. Under a restart policy, a container whose process exits goes through restarting back to running; a container whose removal failed is dead.',
  source: `---
config:
  flowchart:
    rankSpacing: 20
    nodeSpacing: 24
---
flowchart LR
  image(["image"])
  created(["created"])
  running(["running"])
  paused(["paused"])
  exited(["exited"])
  removed(["removed"])
  restarting(["restarting"])
  dead(["dead"])
  image create@-->|"create"| created
  created start@-->|"start"| running
  running pause@<-->|"pause, unpause"| paused
  running stop@-->|"stop, kill, exit"| exited
  exited restart@-->|"start"| running
  exited rm@-->|"rm"| removed
  running policy@<-->|"restart policy"| restarting
  exited failed@-.->|"rm failed"| dead
  class running accent
  class removed,dead muted`,
  steps: [
    { show: ['image', 'created', 'create'] },
    {
      show: ['running', 'start'],
      notes:
        'docker start runs the process. docker run is exactly create plus start, pulling first if needed.',
    },
    {
      show: ['paused', 'pause'],
      notes: 'pause freezes every process with the cgroup freezer; unpause thaws them. Nothing is lost.',
    },
    {
      show: ['exited', 'stop'],
      notes:
        'stop sends SIGTERM, then SIGKILL after ten seconds. kill, or the main process ending, also lands here. The writable layer is still on disk.',
    },
    { show: ['restart'], notes: 'An exited container can start again, with its writable layer intact.' },
    { show: ['removed', 'rm'], notes: 'docker rm is the end: the writable layer is deleted. Volumes stay.' },
    {
      show: ['restarting', 'policy', 'dead', 'failed'],
      notes:
        'Two more states you will see in docker ps -a: restarting, under a restart policy, and dead, when removal failed half way.',
    },
  ],
  caption: 'States from `docker ps -a`; `docker run` = create + start',
  height: 500,
});
