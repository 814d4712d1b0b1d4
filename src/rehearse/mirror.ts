import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DockerClient } from './docker-client.ts';
import type { TalkImage } from './images.ts';
import { PreflightError } from './preflight.ts';

/** Debian's `docker-registry` (CNCF Distribution), the mirror's server. */
const REGISTRY_BINARY = '/usr/bin/docker-registry';
/**
 * Its storage, one per engine: kept between runs, so the stand-ins' blobs are pushed once, and
 * never another engine's stand-in pulled in place of this engine's own.
 */
const MIRROR_STORAGE = resolve('node_modules/.cache/docker-talk/mirror');

/**
 * A registry on this machine holding the stand-ins under their Docker Hub names, for an engine
 * started with it as its registry mirror (scripts/engines.sh does): then `docker pull
 * alpine:3.24` really pulls, offline. `buildx imagetools` asks registries itself, not through
 * the daemon's mirror, so it still needs the real registry.
 */
export interface Mirror {
  /** `http://127.0.0.1:5098` */
  address: string;
  /** The Docker Hub references it serves. */
  references: string[];
  stop(): Promise<void>;
}

/** The engine's loopback mirror (`http://127.0.0.1:PORT`), if it is configured with one. */
export function loopbackMirror(mirrorsJson: string): URL | undefined {
  let mirrors: unknown;
  try {
    mirrors = JSON.parse(mirrorsJson);
  } catch {
    return undefined;
  }
  if (!Array.isArray(mirrors)) return undefined;
  return (
    mirrors
      .map((mirror) => URL.parse(String(mirror)))
      .find(
        (url) =>
          url?.protocol === 'http:' &&
          ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
          url.port !== '',
      ) ?? undefined
  );
}

/** A reference on Docker Hub (no registry host before the first slash): what a daemon mirror serves. */
export function isDockerHubReference(reference: string): boolean {
  const first = reference.split('/')[0]!;
  return !reference.includes('/') || !(first.includes('.') || first.includes(':') || first === 'localhost');
}

/** True when the mirror can answer the command offline: a plain pull of an image it serves. */
export function servedByMirror(command: string, mirror: Mirror | undefined): boolean {
  const reference = pulledReference(command);
  return mirror !== undefined && reference !== undefined && mirror.references.includes(reference);
}

/** `docker pull alpine:3.24` → `alpine:3.24`; anything else → undefined. */
export function pulledReference(command: string): string | undefined {
  return /^docker\s+(?:image\s+)?pull\s+(?:-\S+\s+)*([^\s-]\S*)\s*$/.exec(command.trim())?.[1];
}

/**
 * Starts the mirror and pushes the Docker Hub stand-ins into it, when the engine has a loopback
 * mirror configured and Debian's registry is installed; otherwise says why and returns undefined.
 */
export async function startMirror(
  docker: DockerClient,
  engineKey: string,
  images: readonly TalkImage[],
  log: (message: string) => void,
): Promise<Mirror | undefined> {
  const info = await docker.run(['info', '--format', '{{json .RegistryConfig.Mirrors}}']);
  const url = loopbackMirror(info.stdout);
  if (!url) {
    log(
      'no registry mirror on 127.0.0.1 configured in the engine: docker pull of the talk images is not rehearsed offline',
    );
    return undefined;
  }
  if (!existsSync(REGISTRY_BINARY)) {
    log(
      `the engine's mirror ${url.origin} needs Debian's docker-registry (sudo apt-get install -y docker-registry): docker pull is not rehearsed offline`,
    );
    return undefined;
  }
  const storage = join(MIRROR_STORAGE, engineKey);
  await mkdir(storage, { recursive: true });
  const config = join(storage, 'config.yml');
  await writeFile(
    config,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${storage}/data\nhttp:\n  addr: 127.0.0.1:${url.port}\n`,
  );
  const server = spawn(REGISTRY_BINARY, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  server.stderr!.on('data', (chunk: Buffer) => (said = (said + chunk.toString()).slice(-2000)));
  const stop = () => stopServer(server);
  try {
    await waitUntilServing(url, server, () => said);
    const references: string[] = [];
    for (const image of images.filter((candidate) => isDockerHubReference(candidate.reference))) {
      const name = image.reference.includes('/') ? image.reference : `library/${image.reference}`;
      const target = `${url.host}/${name}`;
      for (const args of [
        ['tag', image.reference, target],
        ['push', target],
        ['image', 'rm', target],
      ]) {
        const result = await docker.run(args, { timeoutMs: 5 * 60_000 });
        if (result.code !== 0) {
          throw new PreflightError(
            `the mirror at ${url.origin}: docker ${args.join(' ')} failed: ${result.stderr}`,
          );
        }
      }
      references.push(image.reference);
    }
    log(
      `registry mirror ${url.origin} (Debian's docker-registry) serves the stand-ins of ${references.join(', ')}`,
    );
    return { address: url.origin, references, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilServing(url: URL, server: ChildProcess, said: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (server.exitCode !== null) {
      throw new PreflightError(
        `the registry mirror on port ${url.port} did not start (is the port taken?): ${said().trim()}`,
      );
    }
    const answered = await fetch(new URL('/v2/', url)).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new PreflightError(
    `the registry mirror on port ${url.port} did not answer in 10 s: ${said().trim()}`,
  );
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    server.once('close', () => done());
    server.kill('SIGTERM');
  });
}
