// The app inside the talk's image: it answers with the container's hostname,
// which is the container's short id, so two containers of one image tell themselves apart.
const http = require('node:http');
const os = require('node:os');

const port = Number(process.env.PORT ?? 3000);

const server = http
  .createServer((request, response) => {
    response.setHeader('content-type', 'text/plain; charset=utf-8');
    response.end(`hello from container ${os.hostname()}\n`);
  })
  .listen(port, () => console.log(`listening on ${port}`));

// As PID 1 of its container, a signal without a handler of the process's own does nothing: the
// kernel drops it. Without this handler `docker stop` waits 10 s, then sends SIGKILL (exit 137).
process.on('SIGTERM', () => {
  console.log('SIGTERM: closing');
  server.close(() => process.exit(0));
});
