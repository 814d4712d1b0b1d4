import { execFile, spawn } from 'node:child_process';
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
const RECIPE_VERSION = 3;

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

async function buildStandIn(
  docker: DockerClient,
  image: TalkImage,
  hash: string,
  inputs: Inputs,
): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'docker-talk-rootfs-'));
  try {
    const changes = await writeRootfs(root, image.standIn, inputs);
    changes.push(`LABEL ${STAND_IN_LABEL}=${hash}`);
    await importRootfs(docker, root, image.reference, changes);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Writes the stand-in's files into `root`; returns its config as `docker import --change` lines. */
async function writeRootfs(root: string, kind: StandInKind, inputs: Inputs): Promise<string[]> {
  await mkdir(join(root, 'etc'), { recursive: true });
  await mkdir(join(root, 'tmp'), { recursive: true });
  await chmod(join(root, 'tmp'), 0o1777);
  await writeFile(join(root, 'etc/passwd'), `${PASSWD.join('\n')}\n`);
  await writeFile(join(root, 'etc/group'), `${GROUP.join('\n')}\n`);
  switch (kind) {
    case 'busybox':
      await installBusybox(root);
      return ['CMD ["/bin/sh"]'];
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
      return ['CMD ["/hello"]'];
    case 'node-with-shell':
      await installBusybox(root);
      await installNode(root, inputs, 'usr/local/bin');
      await mkdir(join(root, 'usr/local/lib/node_modules'), { recursive: true });
      await exec('cp', ['-a', inputs.npmFolder, join(root, 'usr/local/lib/node_modules/npm')]);
      await symlink('../lib/node_modules/npm/bin/npm-cli.js', join(root, 'usr/local/bin/npm'));
      await symlink('../lib/node_modules/npm/bin/npx-cli.js', join(root, 'usr/local/bin/npx'));
      await mkdir(join(root, 'home/node'), { recursive: true });
      return ['CMD ["node"]'];
    case 'node-distroless':
      // Like distroless: node and its libraries, no shell, no package manager, user nonroot.
      await installNode(root, inputs, 'nodejs/bin');
      await mkdir(join(root, 'home/nonroot'), { recursive: true });
      return ['ENTRYPOINT ["/nodejs/bin/node"]', 'USER 65532', 'WORKDIR /home/nonroot'];
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
      return ['ENTRYPOINT ["/bin/registry"]', 'CMD ["serve", "/etc/distribution/config.yml"]', 'EXPOSE 5000'];
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

async function importRootfs(
  docker: DockerClient,
  root: string,
  reference: string,
  changes: string[],
): Promise<void> {
  const entries = await readdir(root);
  const tar = spawn('tar', ['-C', root, '--numeric-owner', '-cf', '-', ...entries], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const args = ['import', ...changes.flatMap((change) => ['--change', change]), '-', reference];
  const result = await docker.run(args, { input: tar.stdout });
  if (result.code !== 0)
    throw new StandInError(`docker import of the stand-in ${reference} failed: ${result.stderr}`);
}
