import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_NAME } from '../deck/problems.ts';
import type { DockerClient } from './docker-client.ts';
import { STAND_IN_LABEL, STAND_IN_PACKAGES, type StandInKind, type TalkImage } from './images.ts';

const exec = promisify(execFile);

/** Bump when a recipe below changes, so cached stand-ins are rebuilt. */
const RECIPE_VERSION = 4;

/** Where stand-in inputs are kept between runs: a folder the project owns. */
export const STAND_IN_CACHE = resolve('node_modules/.cache/docker-talk/stand-ins');

/** Debian's packages the stand-ins are made from (`.ci/run` installs them). */
const HOST_FILES = { busybox: '/bin/busybox', registry: '/usr/bin/docker-registry' } as const;

export interface StandInOutcome {
  reference: string;
  /** built now, reused from an earlier run (same content hash), or the real image is here. */
  state: 'built' | 'cached' | 'real image present';
  seconds: number;
}

export class StandInError extends Error {
  constructor(message: string) {
    super(`${PROJECT_NAME} rehearse --offline: ${message}`);
    this.name = 'StandInError';
  }
}

interface Inputs {
  /** Unpacked package folders from the npm registry. */
  nodeBinary: string;
  npmFolder: string;
  /** The glibc libraries the Node binary loads, as `ldd` names them. */
  nodeLibraries: string[];
  registryLibraries: string[];
  hashes: Record<string, string>;
}

/**
 * Makes every talk image available without a registry: a real image already here is used as it
 * is; otherwise a stand-in is built, or reused when one with the same content hash exists.
 */
export async function ensureStandIns(
  docker: DockerClient,
  images: readonly TalkImage[],
  onProgress: (message: string) => void,
): Promise<StandInOutcome[]> {
  let inputs: Inputs | undefined;
  const outcomes: StandInOutcome[] = [];
  for (const image of images) {
    const started = performance.now();
    const label = await docker.run([
      'image',
      'inspect',
      image.reference,
      '--format',
      `{{index .Config.Labels "${STAND_IN_LABEL}"}}`,
    ]);
    inputs ??= await prepareInputs(onProgress);
    const hash = contentHash(image.standIn, inputs);
    if (label.code === 0 && label.stdout === hash) {
      outcomes.push({ reference: image.reference, state: 'cached', seconds: 0 });
      continue;
    }
    if (label.code === 0 && (label.stdout === '' || label.stdout === '<no value>')) {
      outcomes.push({ reference: image.reference, state: 'real image present', seconds: 0 });
      continue;
    }
    onProgress(`building a stand-in for ${image.reference} (${image.real} cannot be pulled offline)`);
    await buildStandIn(docker, image, hash, inputs);
    outcomes.push({
      reference: image.reference,
      state: 'built',
      seconds: (performance.now() - started) / 1000,
    });
  }
  return outcomes;
}

function contentHash(kind: StandInKind, inputs: Inputs): string {
  const hash = createHash('sha256').update(`${kind}:${RECIPE_VERSION}:`);
  const used: Record<StandInKind, string[]> = {
    busybox: ['busybox'],
    'hello-world': ['busybox'],
    'node-with-shell': ['busybox', 'node', 'npm', 'libraries'],
    'node-distroless': ['node', 'libraries'],
    registry: ['registry', 'registryLibraries'],
  };
  for (const key of used[kind]) hash.update(`${key}=${inputs.hashes[key]};`);
  return hash.digest('hex').slice(0, 16);
}

async function prepareInputs(onProgress: (message: string) => void): Promise<Inputs> {
  for (const [name, path] of Object.entries(HOST_FILES)) {
    if (!existsSync(path)) {
      const pkg = name === 'busybox' ? 'busybox-static' : 'docker-registry';
      throw new StandInError(`${path} is missing: install Debian's ${pkg} (sudo apt-get install -y ${pkg})`);
    }
  }
  await mkdir(STAND_IN_CACHE, { recursive: true });
  const nodeFolder = await unpackNpmPackage(STAND_IN_PACKAGES.node, onProgress);
  const npmFolder = await unpackNpmPackage(STAND_IN_PACKAGES.npm, onProgress);
  const nodeBinary = join(nodeFolder, 'bin/node');
  const nodeLibraries = await librariesOf(nodeBinary);
  const registryLibraries = await librariesOf(HOST_FILES.registry);
  const hashes: Record<string, string> = {
    busybox: await fileHash(HOST_FILES.busybox),
    registry: await fileHash(HOST_FILES.registry),
    node: STAND_IN_PACKAGES.node,
    npm: STAND_IN_PACKAGES.npm,
    libraries: (await Promise.all(nodeLibraries.map(fileHash))).join(','),
    registryLibraries: (await Promise.all(registryLibraries.map(fileHash))).join(','),
  };
  return { nodeBinary, npmFolder, nodeLibraries, registryLibraries, hashes };
}

/** `npm pack` from the registry once, unpacked into the cache; later runs reuse the folder. */
async function unpackNpmPackage(spec: string, onProgress: (message: string) => void): Promise<string> {
  const folder = join(STAND_IN_CACHE, spec.replace(/[@/]/g, '_'));
  if (existsSync(join(folder, 'package.json'))) return folder;
  onProgress(`fetching ${spec} from the npm registry (once; kept in ${STAND_IN_CACHE})`);
  const scratch = await mkdtemp(join(STAND_IN_CACHE, 'pack-'));
  try {
    const { stdout } = await exec('npm', ['pack', spec, '--silent', '--pack-destination', scratch], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const tarball = join(scratch, stdout.trim().split('\n').pop()!);
    await exec('tar', ['-xzf', tarball, '-C', scratch]);
    await rm(folder, { recursive: true, force: true });
    await exec('mv', [join(scratch, 'package'), folder]);
  } catch (error) {
    throw new StandInError(`cannot fetch ${spec} from the npm registry: ${(error as Error).message}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return folder;
}

async function librariesOf(binary: string): Promise<string[]> {
  const { stdout } = await exec('ldd', [binary]);
  return [...stdout.matchAll(/(\/\S+\.so[.\d]*)/g)].map((match) => match[1]!);
}

function fileHash(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex').slice(0, 16)));
  });
}

const PASSWD = [
  'root:x:0:0:root:/root:/bin/sh',
  'node:x:1000:1000:node:/home/node:/bin/sh',
  'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin',
];
const GROUP = ['root:x:0:', 'node:x:1000:', 'nonroot:x:65532:', 'nogroup:x:65534:'];

/**
 * Builds a stand-in with BuildKit from its root filesystem and the real image's config rows, so
 * `docker image history` and `.Config` have the real image's shape (ENV, ENTRYPOINT, CMD, USER,
 * WORKDIR), not the single row of a `docker import`. The label marks it as a stand-in.
 */
async function buildStandIn(
  docker: DockerClient,
  image: TalkImage,
  hash: string,
  inputs: Inputs,
): Promise<void> {
  const context = await mkdtemp(join(tmpdir(), 'docker-talk-stand-in-'));
  const root = join(context, 'rootfs');
  try {
    await mkdir(root);
    const config = await writeRootfs(root, image.standIn, inputs);
    const entries = await readdir(root);
    await exec('tar', ['-C', root, '--numeric-owner', '-cf', join(context, 'rootfs.tar'), ...entries]);
    await rm(root, { recursive: true, force: true });
    for (const [name, text] of Object.entries(config.files)) {
      await writeFile(join(context, name), text, { mode: 0o755 });
    }
    await writeFile(
      join(context, 'Dockerfile'),
      ['FROM scratch', 'ADD rootfs.tar /', ...config.rows, ''].join('\n'),
    );
    const result = await docker.run(
      ['build', '--quiet', '--label', `${STAND_IN_LABEL}=${hash}`, '--tag', image.reference, context],
      { timeoutMs: 10 * 60_000 },
    );
    if (result.code !== 0)
      throw new StandInError(`building the stand-in ${image.reference} failed: ${result.stderr}`);
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

/** The rows a stand-in's Dockerfile adds after its filesystem, and the files they copy. */
interface StandInConfig {
  rows: string[];
  files: Record<string, string>;
}

/**
 * What the node image's `docker-entrypoint.sh` does, written for the stand-in: a first argument
 * that is an option, or not a command, runs with node; anything else runs as given, as PID 1.
 */
const NODE_ENTRYPOINT = [
  '#!/bin/sh',
  "# Stand-in for the node image's entrypoint (built offline by npm run rehearse).",
  'set -e',
  'if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1")" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then',
  '  set -- node "$@"',
  'fi',
  'exec "$@"',
  '',
].join('\n');

/**
 * Writes the stand-in's files into `root`; returns the config rows the real image has, in its
 * order (from the images' published Dockerfiles: alpine, hello-world, docker-library/node,
 * distroless, distribution/registry), where the stand-in can honour them.
 */
async function writeRootfs(root: string, kind: StandInKind, inputs: Inputs): Promise<StandInConfig> {
  await mkdir(join(root, 'etc'), { recursive: true });
  await mkdir(join(root, 'tmp'), { recursive: true });
  await chmod(join(root, 'tmp'), 0o1777);
  await writeFile(join(root, 'etc/passwd'), `${PASSWD.join('\n')}\n`);
  await writeFile(join(root, 'etc/group'), `${GROUP.join('\n')}\n`);
  switch (kind) {
    case 'busybox':
      await installBusybox(root);
      return { rows: ['CMD ["/bin/sh"]'], files: {} };
    case 'hello-world':
      await mkdir(join(root, 'bin'), { recursive: true });
      await copyFile(HOST_FILES.busybox, join(root, 'bin/busybox'));
      await writeFile(
        join(root, 'hello'),
        '#!/bin/busybox sh\n' +
          "echo 'Hello from a stand-in for the hello-world image, built offline by npm run rehearse.'\n" +
          "echo 'Docker pulled nothing here: it created a container from a local image and started it.'\n",
        { mode: 0o755 },
      );
      return { rows: ['CMD ["/hello"]'], files: {} };
    case 'node-with-shell':
      await installBusybox(root);
      await installNode(root, inputs, 'usr/local/bin');
      await mkdir(join(root, 'usr/local/lib/node_modules'), { recursive: true });
      await exec('cp', ['-a', inputs.npmFolder, join(root, 'usr/local/lib/node_modules/npm')]);
      await symlink('../lib/node_modules/npm/bin/npm-cli.js', join(root, 'usr/local/bin/npm'));
      await symlink('../lib/node_modules/npm/bin/npx-cli.js', join(root, 'usr/local/bin/npx'));
      await mkdir(join(root, 'home/node'), { recursive: true });
      return {
        rows: [
          // The base's own row (alpine; Debian's says bash, which the stand-in has not).
          'CMD ["/bin/sh"]',
          `ENV NODE_VERSION=${STAND_IN_PACKAGES.node.split('@')[1]}`,
          'ENV YARN_VERSION=1.22.22',
          'COPY docker-entrypoint.sh /usr/local/bin/',
          'ENTRYPOINT ["docker-entrypoint.sh"]',
          'CMD ["node"]',
        ],
        files: { 'docker-entrypoint.sh': NODE_ENTRYPOINT },
      };
    case 'node-distroless':
      // Like distroless: node and its libraries, no shell, no package manager, user nonroot.
      await installNode(root, inputs, 'nodejs/bin');
      await mkdir(join(root, 'home/nonroot'), { recursive: true });
      return {
        rows: ['ENTRYPOINT ["/nodejs/bin/node"]', 'USER 65532', 'WORKDIR /home/nonroot'],
        files: {},
      };
    case 'registry':
      await mkdir(join(root, 'bin'), { recursive: true });
      await copyFile(HOST_FILES.registry, join(root, 'bin/registry'));
      await copyLibraries(root, inputs.registryLibraries);
      await mkdir(join(root, 'etc/distribution'), { recursive: true });
      await mkdir(join(root, 'var/lib/registry'), { recursive: true });
      await writeFile(
        join(root, 'etc/distribution/config.yml'),
        'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n',
      );
      // The real image's VOLUME is left out: every run would leave an anonymous volume behind.
      return {
        rows: [
          'EXPOSE 5000',
          'ENTRYPOINT ["/bin/registry"]',
          'CMD ["serve", "/etc/distribution/config.yml"]',
        ],
        files: {},
      };
  }
}

/** Busybox with every applet linked where Alpine has it, `/usr/bin/env` included (npm needs it). */
async function installBusybox(root: string): Promise<void> {
  await mkdir(join(root, 'bin'), { recursive: true });
  await copyFile(HOST_FILES.busybox, join(root, 'bin/busybox'));
  const { stdout } = await exec(HOST_FILES.busybox, ['--list-full']);
  for (const applet of stdout.split('\n').filter(Boolean)) {
    const target = join(root, applet);
    if (existsSync(target)) continue;
    await mkdir(dirname(target), { recursive: true });
    await symlink('/bin/busybox', target);
  }
}

async function installNode(root: string, inputs: Inputs, binFolder: string): Promise<void> {
  await mkdir(join(root, binFolder), { recursive: true });
  await copyFile(inputs.nodeBinary, join(root, binFolder, 'node'));
  await chmod(join(root, binFolder, 'node'), 0o755);
  await copyLibraries(root, inputs.nodeLibraries);
}

async function copyLibraries(root: string, libraries: readonly string[]): Promise<void> {
  for (const library of libraries) {
    await mkdir(dirname(join(root, library)), { recursive: true });
    await copyFile(library, join(root, library));
  }
}
