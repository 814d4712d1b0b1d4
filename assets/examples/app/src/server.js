// The app inside the talk's image: it answers with the container's hostname,
// which is the container's short id, so two containers of one image tell themselves apart.
const http = require('node:http');
const os = require('node:os');

const port = Number(process.env.PORT ?? 3000);

http
  .createServer((request, response) => {
    response.setHeader('content-type', 'text/plain; charset=utf-8');
    response.end(`hello from container ${os.hostname()}\n`);
  })
  .listen(port, () => console.log(`listening on ${port}`));
