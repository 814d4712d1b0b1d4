import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { PROJECT_NAME } from '../deck/problems.ts';
import { createStaticHandler } from '../export/serve.ts';
import {
  checkConnection,
  checkHost,
  checkStep,
  hostOf,
  loopbackAddress,
  parseRequest,
  type GuardConfig,
  type KnownBlock,
  type StepState,
} from './guard.ts';
import { CLOSE, isViewOnly, LIVE_PATH, LIVE_PROTOCOL, type LiveHello } from './protocol.ts';
import type { LiveFrame, LiveSession } from './session.ts';

/** What the socket endpoint needs; without it the server only serves the deck. */
export interface LiveEndpoint {
  token: string;
  /** The blocks as loaded at start. */
  blocks: ReadonlyMap<string, KnownBlock>;
  /** Script files whose content on disk differs now from what was loaded at start. */
  changedScripts(): ReadonlySet<string>;
  hello: Omit<LiveHello, 'type'>;
  createSession(send: (frame: LiveFrame) => void): LiveSession;
}

export interface LiveServerOptions {
  /** The built deck. */
  distDir: string;
  /** Loopback only: 127.0.0.1 (the default), ::1 or localhost; anything else throws `BindAddressError`. */
  bindAddress?: string;
  /** 0 (the default): any free port. */
  port?: number;
  /** Take the next port when `port` is in use (up to 20 further). Default false. */
  nextFreePort?: boolean;
  live?: LiveEndpoint;
}

export interface LiveServer {
  /** The deck's URL, `http://127.0.0.1:4180/`, without the token. */
  url: string;
  /** The deck's origin, `http://127.0.0.1:4180`. */
  origin: string;
  /** The URL that opens the deck live: the token in the fragment, never in what is served. */
  liveUrl: string | undefined;
  /** Whether a session holds the runner now. */
  readonly sessionOpen: boolean;
  close(): Promise<void>;
}

/** A message from the page is a few dozen bytes; anything bigger is not one. */
const MAX_MESSAGE_BYTES = 1024;

/**
 * Serves the built deck and, when `live` is given, the runner's WebSocket on the same origin,
 * on loopback only. Every request, a file of the deck too, must name the server's own `Host`.
 * Refused sockets are accepted and closed at once with a close code and reason, so the page (and
 * a test) can tell why; nothing runs before the guard allows it.
 */
export async function createLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const address = loopbackAddress(options.bindAddress ?? '127.0.0.1');
  const live = options.live;
  const serveFile = createStaticHandler(options.distDir);
  // Listening first, handlers after: the guard's Host and Origin need the port, and no request
  // is handled before the handlers are there (nothing awaits in between).
  const server: Server = createServer();
  const port = await listen(server, address, options.port ?? 0, options.nextFreePort ?? false);
  const host = hostOf(address, port);
  const origin = `http://${host}`;
  const config: GuardConfig = { host, origin, token: live?.token ?? '' };
  let sessionOpen = false;
  const sockets = new Set<WebSocket>();

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const decision = checkHost(config, request.headers.host);
    if (!decision.allow) {
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end(`${decision.reason}\n`);
      return;
    }
    const url = request.url ?? '/';
    const queryAt = url.includes('?') ? url.indexOf('?') : url.length;
    const path = url.slice(0, queryAt);
    // The same test as the page's client, on the same text as its `location.search`.
    if (isViewOnly(url.slice(queryAt))) {
      // A speaker-view frame or the print view: a second policy, enforced with the deck's own,
      // lets it fetch from this origin over http only. A WebSocket URL (ws:) matches no http
      // source, so the page cannot open the runner's socket, whatever its script does.
      response.setHeader('content-security-policy', `connect-src ${origin}`);
    }
    if (path === LIVE_PATH) {
      response.writeHead(426, { 'content-type': 'text/plain; charset=utf-8' }).end('a WebSocket endpoint\n');
      return;
    }
    serveFile(request, response);
  });
  const webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // The page asks for the protocol and passes its token as a second one: answer with the
    // protocol, never echo the token.
    handleProtocols: (protocols) => (protocols.has(LIVE_PROTOCOL) ? LIVE_PROTOCOL : false),
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!live || request.url?.split('?')[0] !== LIVE_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (ws) => {
      // Decided here, synchronously with taking the session: two sockets at once get one session.
      const decision = checkConnection(config, {
        host: request.headers.host,
        origin: request.headers.origin,
        protocols: request.headers['sec-websocket-protocol'],
        sessionOpen,
      });
      sockets.add(ws);
      ws.once('close', () => sockets.delete(ws));
      if (!decision.allow) {
        ws.close(decision.code, closeReason(decision.reason));
        return;
      }
      startSession(ws, live);
    });
  });

  const startSession = (ws: WebSocket, endpoint: LiveEndpoint) => {
    sessionOpen = true;
    let state: StepState = { block: undefined, step: 0 };
    const send = (frame: LiveFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const session = endpoint.createSession(send);
    let ended = false;
    const end = async () => {
      if (ended) return;
      ended = true;
      await session.close();
      sessionOpen = false;
    };
    const refuse = (code: number, reason: string) => {
      ws.close(code, closeReason(reason));
      void end();
    };
    ws.on('message', (data, isBinary) => {
      if (ended) return;
      if (isBinary) {
        refuse(CLOSE.badMessage, 'a message is JSON text {block, step}, not binary');
        return;
      }
      const parsed = parseRequest(data.toString());
      if (!parsed.ok) {
        refuse(parsed.code, parsed.reason);
        return;
      }
      const request = parsed.request;
      if (request.block === null) {
        // The slide was left: a later visit starts the block over, at 0 or 1.
        state = { block: undefined, step: 0 };
        void session.leave();
        return;
      }
      const decision = checkStep(endpoint.blocks, endpoint.changedScripts(), state, request);
      if (!decision.allow) {
        refuse(decision.code, decision.reason);
        return;
      }
      state = decision.next;
      void session.run(request.block, request.step);
    });
    ws.once('close', () => void end());
    send({ type: 'hello', ...endpoint.hello });
  };

  return {
    url: `${origin}/`,
    origin,
    liveUrl: live ? `${origin}/#live=${live.token}` : undefined,
    get sessionOpen() {
      return sessionOpen;
    },
    async close() {
      for (const ws of sockets) ws.close(CLOSE.runnerStopped, 'the runner stopped');
      webSockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Each socket's session ends its processes when the socket closes; wait for that.
      const deadline = Date.now() + 5000;
      while (sessionOpen && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

/** A close frame's reason is at most 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text) > 123) text = text.slice(0, -2) + '…';
  return text;
}

async function listen(server: Server, address: string, port: number, nextFree: boolean): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const tried = port === 0 ? 0 : port + attempt;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(tried, address, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !nextFree || attempt >= 20) {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new Error(
            `${PROJECT_NAME} present: port ${tried} on ${address} is in use; stop what holds it or use another port`,
            { cause: error },
          );
        }
        throw error;
      }
    }
  }
}
