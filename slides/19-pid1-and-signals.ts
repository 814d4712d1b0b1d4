import { bullets, code, defineSlide } from '../src/deck/define.ts';

export default defineSlide({
  id: 'pid1-and-signals',
  title: 'PID 1 and signals',
  blocks: [
    code({
      file: 'Dockerfile.shell-form',
      language: 'dockerfile',
      lines: [1, 2],
      caption: 'Dockerfile.shell-form: runs /bin/sh -c "node /app/src/server.js"',
    }),
    code({
      file: 'Dockerfile.exec-form',
      language: 'dockerfile',
      lines: [1, 2],
      caption: 'Dockerfile.exec-form: node itself is PID 1',
    }),
    bullets([
      'Shell form: a shell may hold PID 1 and drop SIGTERM',
      '`docker stop`: SIGTERM, then SIGKILL after 10 s (exit 137)',
      'PID 1 must handle SIGTERM, or use `docker run --init`',
    ]),
  ],
  notes: `docker stop sends SIGTERM, waits ten seconds, then sends SIGKILL, and exit code 137 means
128 plus 9, killed. In the shell form a shell may sit as PID 1 and never pass SIGTERM on, and it
also ignores CMD and docker run arguments, so prefer the exec form. But PID 1 gets no default signal
action from the kernel, so it must handle SIGTERM itself, as server.js does, or run under --init.`,
  timing: 70,
  demo: '04-processes/signals',
});
