import { defineSlide, table, text } from '../src/deck/define.ts';

export default defineSlide({
  id: 'where-data-lives',
  title: 'Where data lives',
  blocks: [
    table({
      head: ['Stored in', '`docker stop`', '`docker rm`', 'Shared'],
      rows: [
        ['Writable layer', 'kept', 'deleted', 'no'],
        ['Named volume', 'kept', 'kept', 'yes'],
        ['Bind mount', 'kept', 'kept (host folder)', 'yes'],
        ['tmpfs mount', 'lost', 'lost', 'no'],
      ],
      caption:
        'Source: Docker docs, "Storage" and "Volumes"; `docker run --rm` removes the container on exit.',
    }),
    text('Stopping is not deleting: only `rm` throws the writable layer away.', { variant: 'lead' }),
  ],
  notes: `Where you write decides what survives. Data in the writable layer survives stop and start,
and disappears with docker rm, or on exit with --rm; volumes and bind mounts live outside the
container, so they outlive it, and tmpfs lives in memory and is gone when the container stops.`,
  timing: 70,
  demo: '03-containers/data',
});
