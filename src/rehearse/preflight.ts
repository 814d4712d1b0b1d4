import { statfs } from 'node:fs/promises';
import { createServer } from 'node:net';
import { hostname, platform } from 'node:os';
import { PROJECT_NAME } from '../deck/problems.ts';
import {
  chooseDockerClient,
  engineAddress,
  runDocker,
  dockerCandidates,
  type DockerClient,
} from './docker-client.ts';
import type { DemoScript } from './demo-script.ts';
import { publishedPorts } from './needs-registry.ts';
import type { ImageStore } from './report.ts';

/** What would fail on stage, found before anything runs. Each names what to do. */
export class PreflightError extends Error {
  constructor(message: string) {
    super(`${PROJECT_NAME} rehearse: ${message}`);
    this.name = 'PreflightError';
  }
}

export interface Engine {
  docker: DockerClient;
  version: string;
  os: string;
  /** How the engine keeps images: what sizes, history rows and inspect fields look like. */
  store: ImageStore;
  /** The engine runs on this machine (its processes and mounts are here), not in a VM. */
  onThisHost: boolean;
  notes: string[];
}

/** Space the demos need for their images and containers (the bases not counted). */
const MIN_FREE_BYTES = 2 * 1024 ** 3;

export async function checkEngine(env: NodeJS.ProcessEnv): Promise<Engine> {
  const address = engineAddress(env);
  const anyClient = dockerCandidates(env)[0];
  if (!anyClient)
    throw new PreflightError('no docker client on PATH: install Docker (the CLI and the Engine)');
  const ping = await runDocker(anyClient, ['version', '--format', '{{.Server.Version}}'], env, {
    timeoutMs: 15_000,
  });
  if (ping.code !== 0 || !ping.stdout) {
    throw new PreflightError(
      `no Docker Engine at ${address}: start Docker or set DOCKER_HOST (${ping.stderr.split('\n')[0]})`,
    );
  }
  const { client, passedOver } = await chooseDockerClient(env);
  if (!client) {
    throw new PreflightError(
      `BuildKit is not available: ${passedOver.join('; ')}. Install the buildx plugin (Docker Desktop has it)`,
    );
  }
  const info = await client.run([
    'info',
    '--format',
    '{{.Name}}|{{.OperatingSystem}}|{{.DockerRootDir}}|{{.Driver}}|{{json .DriverStatus}}',
  ]);
  const [name = '', os = '', rootDir = '', driver = '', driverStatus = '[]'] = info.stdout.split('|');
  const store = imageStoreOf(driver, driverStatus);
  const onThisHost = platform() === 'linux' && name === hostname();
  const notes = [
    `engine ${ping.stdout} at ${address} (${os}, ${describeStore(store)}${onThisHost ? ', on this machine' : ', in a VM or elsewhere: host-only steps are skipped'})`,
    `client ${client.path} ${client.version}, BuildKit via ${client.buildkit}`,
    ...passedOver.map((reason) => `passed over ${reason}`),
    ...localPortWarning(ping.stdout),
  ];
  if (onThisHost) {
    const disk = await statfs(rootDir).catch(() => undefined);
    if (disk && disk.bavail * disk.bsize < MIN_FREE_BYTES) {
      const free = ((disk.bavail * disk.bsize) / 1024 ** 3).toFixed(1);
      throw new PreflightError(
        `only ${free} GiB free under ${rootDir}: the demos need about 2 GiB; free some space (docker system prune)`,
      );
    }
  }
  return { docker: client, version: ping.stdout, os, store, onThisHost, notes };
}

/**
 * Before Engine 28.0, a port published on 127.0.0.1 could still be reached from other hosts on
 * the same network segment (moby issue 45610): at a venue, that is the audience's Wi-Fi.
 */
export function localPortWarning(engineVersion: string): string[] {
  const major = Number(/^(\d+)\./.exec(engineVersion)?.[1]);
  if (!Number.isFinite(major) || major >= 28) return [];
  return [
    `warning: on Engine ${engineVersion.replace(/[+~].*$/, '')} the demos' ports published on 127.0.0.1 can be reached from other hosts on the same network segment (moby issue 45610, fixed in Engine 28.0): at the venue, present from a network you trust, or upgrade`,
  ];
}

/**
 * `docker info` names the containerd image store by its snapshotter (`overlayfs`) with a
 * `driver-type` of `io.containerd.snapshotter.v1`; a graph driver (`overlay2`) has none.
 */
export function imageStoreOf(driver: string, driverStatusJson: string): ImageStore {
  let status: unknown = [];
  try {
    status = JSON.parse(driverStatusJson);
  } catch {
    // An engine that prints no status has a graph driver.
  }
  const snapshotter =
    Array.isArray(status) &&
    status.some(
      (pair) => Array.isArray(pair) && pair[0] === 'driver-type' && String(pair[1]).includes('snapshotter'),
    );
  return { kind: snapshotter ? 'containerd' : 'graph-driver', driver };
}

function describeStore(store: ImageStore): string {
  return store.kind === 'containerd'
    ? `the containerd image store, snapshotter ${store.driver}`
    : `the ${store.driver} graph driver`;
}

/** Every host port the demos publish must be free now, or the block that publishes it fails on stage. */
export async function checkPorts(scripts: readonly DemoScript[]): Promise<void> {
  for (const script of scripts) {
    for (const block of script.blocks) {
      for (const command of block.commands) {
        for (const { address, port } of publishedPorts(command.text)) {
          if (!(await portIsFree(address, port))) {
            throw new PreflightError(
              `port ${port} on ${address} is in use, and ${block.id} (slide "${block.slideId}") publishes it: ` +
                `stop what holds it (after a demo run by hand: bash assets/examples/demo/99-cleanup.sh) or change the port in assets/examples/demo/${script.file}`,
            );
          }
        }
      }
    }
  }
}

function portIsFree(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: address, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
