import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { PROJECT_NAME } from '../deck/problems.ts';

export interface StaticServer {
  /** Base URL, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built deck folder on loopback. Port 0 (the default) takes a free port, so an export
 * or a test never collides with a running dev server.
 */
export interface ServeOptions {
  port?: number;
  /** Serve under this path prefix (as from a folder of a static host). Default: `/`. */
  basePath?: string;
  /** Extra HTML pages by path below the base, e.g. the exporter's handout sheets. */
  pages?: ReadonlyMap<string, string>;
}

/** The request handler of `serveStatic`, for a server that does more (the live runner's). */
export function createStaticHandler(
  dir: string,
  options: Pick<ServeOptions, 'basePath' | 'pages'> = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  const files = sirv(dir, { dev: false, etag: true, gzip: false });
  const basePath = options.basePath ?? '/';
  return (request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(basePath)) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    request.url = `/${url.slice(basePath.length)}`;
    const page = options.pages?.get(request.url.split('?')[0]!);
    if (page !== undefined) {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(page);
      return;
    }
    files(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    });
  };
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const basePath = options.basePath ?? '/';
  const server: Server = createServer(createStaticHandler(dir, options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `${PROJECT_NAME}: port ${options.port} on 127.0.0.1 is in use; stop what holds it or use another port`,
            )
          : error,
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
