import { describe, expect, it } from 'vitest';
import { ClaimFailed, claimFailureLine, type Claim } from '../../../src/rehearse/claim-types.ts';
import { CLAIMS } from '../../../src/rehearse/claims.ts';
import type { EngineRecording, RecordedDocker } from '../../../src/rehearse/claim-evidence.ts';
import { checkClaim } from '../../../src/rehearse/claim-context.ts';
import { loadRecording, recordedEngines, replayContext } from '../../support/replay-context.ts';

/**
 * Every claim of the rehearsal on real engine output (tests/fixtures/engine-output, recorded from
 * both image stores): it holds there, and it fails, naming its slide and what the engine showed,
 * on a copy of that output broken in exactly the mechanic the claim backs. Expected values are
 * written here or read off the recording by hand, never by the parsers the claims use.
 */

/** The one claim whose assertion starts with `asserts`. */
function claimAbout(asserts: string): Claim {
  const found = CLAIMS.filter((claim) => claim.asserts.startsWith(asserts));
  if (found.length !== 1) throw new Error(`${found.length} claims assert "${asserts}…"`);
  return found[0]!;
}

/** Edits the text of the `which`-th command of `block` containing `command`; an edit must change it. */
function editOutput(
  recording: EngineRecording,
  block: string,
  command: string,
  edit: (text: string) => string,
  which = 0,
): void {
  const entry = (recording.blocks[block] ?? []).filter((ran) => ran.command.includes(command))[which];
  if (!entry) throw new Error(`the recording has no command "${command}" (#${which}) in ${block}`);
  const before = entry.output.join('\n');
  const after = edit(before);
  if (after === before) throw new Error(`the break of "${command}" in ${block} changed nothing`);
  entry.output = after.split('\n');
}

/** The text of the first command of `block` containing `command`, as recorded. */
function recorded(recording: EngineRecording, block: string, command: string): string {
  const entry = (recording.blocks[block] ?? []).find((ran) => ran.command.includes(command));
  if (!entry) throw new Error(`the recording has no command "${command}" in ${block}`);
  return entry.output.join('\n');
}

function dockerCall(recording: EngineRecording, ...args: string[]): RecordedDocker {
  const call = recording.docker.find((candidate) => JSON.stringify(candidate.args) === JSON.stringify(args));
  if (!call) throw new Error(`the recording has no answer to docker ${args.join(' ')}`);
  return call;
}

function setDockerStdout(recording: EngineRecording, args: string[], stdout: string): void {
  const call = dockerCall(recording, ...args);
  if (call.stdout.join('\n') === stdout)
    throw new Error(`docker ${args.join(' ')} already printed ${stdout}`);
  call.stdout = stdout.split('\n');
}

function layersOf(recording: EngineRecording, image: string): string[] {
  return JSON.parse(
    dockerCall(recording, 'image', 'inspect', image, '--format', '{{json .RootFS.Layers}}').stdout.join('\n'),
  ) as string[];
}

/** Puts `size` in the SIZE column of the history row whose line contains `row`, columns kept aligned. */
function historySize(text: string, row: string, size: string): string {
  const lines = text.split('\n');
  const sizeAt = lines.find((line) => line.includes('CREATED BY'))!.indexOf('SIZE');
  const index = lines.findIndex((line) => line.includes(row));
  if (index < 0) throw new Error(`no history row with "${row}"`);
  const line = lines[index]!;
  const old = /^\S+/.exec(line.slice(sizeAt))![0];
  lines[index] = line.slice(0, sizeAt) + size.padEnd(old.length) + line.slice(sizeAt + old.length);
  return lines.join('\n');
}

/** The BuildKit vertex (`#7`) of the step whose name contains `step`, in --progress=plain output. */
function vertexOf(text: string, step: string): string {
  const line = text.split('\n').find((candidate) => /^#\d+ \[/.test(candidate) && candidate.includes(step));
  if (!line) throw new Error(`no build step "${step}"`);
  return /^#\d+/.exec(line)![0];
}

/** The step ran instead of coming from the cache: its `#N CACHED` line goes. */
function ranAgain(text: string, step: string): string {
  const vertex = vertexOf(text, step);
  return text
    .split('\n')
    .filter((line) => line.trim() !== `${vertex} CACHED`)
    .join('\n');
}

/** The step came from the cache: a `#N CACHED` line after its name. */
function cameFromCache(text: string, step: string): string {
  const vertex = vertexOf(text, step);
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${vertex} [`));
  lines.splice(at + 1, 0, `${vertex} CACHED`);
  return lines.join('\n');
}

function count(text: string, pattern: RegExp): number {
  return text.split('\n').filter((line) => pattern.test(line)).length;
}

interface Break {
  /** What the engine would have done for the slide to be wrong. */
  mechanic: string;
  claim: string;
  /** The slide the failure must name, written here. */
  slide: string;
  break(recording: EngineRecording): void;
  /** What the failure must say was seen. */
  seen(recording: EngineRecording): RegExp | string;
}

const HISTORY = '01-images/history';
const CACHE = '02-builds/cache';
const ORDER = '02-builds/order';
const MANY = '03-containers/many';
const DATA = '03-containers/data';
const SIGNALS = '04-processes/signals';
const PUSH_PULL = '05-distribution/push-pull';

const BREAKS: Break[] = [
  {
    mechanic: 'an ENV row that adds bytes',
    claim: "the Dockerfile's ENV, EXPOSE, USER and CMD rows are 0B",
    slide: 'dockerfile-to-layers',
    break: (r) =>
      editOutput(r, HISTORY, 'docker image history', (text) =>
        historySize(text, 'ENV NODE_ENV=production', '4.1kB'),
      ),
    seen: () => 'config rows with bytes: ENV NODE_ENV=production 4100 B',
  },
  {
    mechanic: 'a COPY row of 0B',
    claim: "the Dockerfile's ENV, EXPOSE, USER and CMD rows are 0B",
    slide: 'dockerfile-to-layers',
    break: (r) =>
      editOutput(r, HISTORY, 'docker image history', (text) => historySize(text, 'COPY app/src/', '0B')),
    seen: () => /^file rows of 0B: COPY app\/src\//,
  },
  {
    mechanic: 'a Dockerfile row missing from the history',
    claim: "the Dockerfile's ENV, EXPOSE, USER and CMD rows are 0B",
    slide: 'dockerfile-to-layers',
    break: (r) =>
      editOutput(r, HISTORY, 'docker image history', (text) =>
        text
          .split('\n')
          .filter((line) => !line.includes('EXPOSE'))
          .join('\n'),
      ),
    seen: () =>
      /^rows the Dockerfile added, newest first: CMD, USER, ENV, COPY, RUN, COPY \(on a base of \d+ rows\)$/,
  },
  {
    mechanic: 'an image with only 2 layers above the base',
    claim: "hello-layers has the base image's layers plus 3",
    slide: 'dockerfile-to-layers',
    break: (r) =>
      editOutput(r, HISTORY, '.RootFS.Layers', (text) =>
        JSON.stringify((JSON.parse(text) as string[]).slice(0, -1)),
      ),
    seen: (r) => {
      const base = layersOf(r, 'node:26-alpine').length;
      return `${base + 2} layers on a base of ${base}`;
    },
  },
  {
    mechanic: 'lower layers that are not the base image’s',
    claim: "hello-layers has the base image's layers plus 3",
    slide: 'dockerfile-to-layers',
    break: (r) =>
      editOutput(r, HISTORY, '.RootFS.Layers', (text) =>
        JSON.stringify(
          (JSON.parse(text) as string[]).map((layer, index) =>
            index === 0 ? `sha256:${'0'.repeat(64)}` : layer,
          ),
        ),
      ),
    seen: () => 'the lower layers are not the base image’s',
  },
  {
    mechanic: 'the delete in its own RUN freeing the bytes',
    claim: 'rm-later is about 100 MiB',
    slide: 'deleting-doesnt-shrink',
    break: (r) =>
      setDockerStdout(
        r,
        ['image', 'inspect', 'rm-later', '--format', '{{.Size}}'],
        dockerCall(r, 'image', 'inspect', 'rm-same-run', '--format', '{{.Size}}').stdout.join('\n'),
      ),
    seen: () => 'rm-later is 0.0 MiB bigger',
  },
  {
    mechanic: 'a whiteout row of 100 MB',
    claim: "rm-later's history shows the dd row",
    slide: 'deleting-doesnt-shrink',
    break: (r) =>
      editOutput(r, '01-images/rm-later', 'docker image history rm-later', (text) =>
        historySize(text, 'rm /big', '105MB'),
      ),
    seen: (r) =>
      `the rm row is 105000000 B (at most ${r.store.kind === 'containerd' ? 16384 : 0} B expected)`,
  },
  {
    mechanic: 'a dd row of 1 MB (the bytes never written)',
    claim: "rm-later's history shows the dd row",
    slide: 'deleting-doesnt-shrink',
    break: (r) =>
      editOutput(r, '01-images/rm-later', 'docker image history rm-later', (text) =>
        historySize(text, 'dd if=/dev/', '1.05MB'),
      ),
    seen: () => 'the dd row is 1.0 MiB',
  },
  {
    mechanic: 'the step before COPY app/src/ not CACHED',
    claim: 'after the edit, every step before COPY app/src/ is CACHED',
    slide: 'build-cache',
    break: (r) => editOutput(r, CACHE, '--progress=plain', (text) => ranAgain(text, 'RUN npm ci')),
    seen: () => /^ran again before COPY app\/src\/: \[3\/4\] RUN npm ci --omit=dev --prefix \/app$/,
  },
  {
    mechanic: 'the first COPY not CACHED',
    claim: 'after the edit, every step before COPY app/src/ is CACHED',
    slide: 'build-cache',
    break: (r) => editOutput(r, CACHE, '--progress=plain', (text) => ranAgain(text, 'COPY app/package.json')),
    seen: () => /^ran again before COPY app\/src\/: \[2\/4\] COPY app\/package\.json/,
  },
  {
    mechanic: 'COPY app/src/ CACHED although server.js changed',
    claim: 'after the edit, every step before COPY app/src/ is CACHED',
    slide: 'build-cache',
    break: (r) => editOutput(r, CACHE, '--progress=plain', (text) => cameFromCache(text, 'COPY app/src/')),
    seen: () => /^CACHED from COPY app\/src\/ on: \[4\/4\] COPY app\/src\/ \/app\/src\/$/,
  },
  {
    mechanic: 'RUN npm ci CACHED with the bad order',
    claim: 'with Dockerfile.bad-order the same edit reruns',
    slide: 'cache-order',
    break: (r) => editOutput(r, ORDER, '--progress=plain', (text) => cameFromCache(text, 'RUN npm ci')),
    seen: () => 'RUN npm ci was CACHED',
  },
  {
    mechanic: 'COPY app/ CACHED with the bad order',
    claim: 'with Dockerfile.bad-order the same edit reruns',
    slide: 'cache-order',
    break: (r) => editOutput(r, ORDER, '--progress=plain', (text) => cameFromCache(text, 'COPY app/ ')),
    // The claim's marker is `COPY app/ ` (not `COPY app/src/`): hence two spaces.
    seen: () => /^CACHED from COPY app\/ {2}on: \[2\/3\] COPY app\/ \/app\/$/,
  },
  {
    mechanic: 'npm files found in hello-small',
    claim: 'the final image has no npm',
    slide: 'multi-stage',
    break: (r) => {
      const container = dockerCall(r, 'create', 'hello-small').stdout.join('\n');
      r.exports[container]!.push('usr/local/lib/node_modules/npm/package.json');
    },
    seen: () => 'hello-small has 1 files of npm',
  },
  {
    mechanic: 'a build stage without npm (the check would prove nothing)',
    claim: 'the final image has no npm',
    slide: 'multi-stage',
    break: (r) => {
      const container = dockerCall(r, 'create', 'hello-build').stdout.join('\n');
      r.exports[container] = r.exports[container]!.filter((path) => !path.includes('node_modules/npm/'));
    },
    seen: () => 'the build stage has no npm either, so the check would prove nothing',
  },
  {
    mechanic: 'a final image as big as the build stage',
    claim: 'the final image has no npm',
    slide: 'multi-stage',
    break: (r) =>
      setDockerStdout(
        r,
        ['image', 'inspect', 'hello-small', '--format', '{{.Size}}'],
        dockerCall(r, 'image', 'inspect', 'hello-build', '--format', '{{.Size}}').stdout.join('\n'),
      ),
    seen: () => /^hello-small [\d.]+MB is not smaller than hello-build [\d.]+MB$/,
  },
  {
    mechanic: 'a lowerdir count without the init layer',
    claim: "the container's root is an overlay mount",
    slide: 'union-filesystem',
    break: (r) =>
      editOutput(r, '03-containers/union', '/proc/mounts', (text) => {
        const lines = text.split('\n');
        const lower = lines.findIndex((line) => line.startsWith('lowerdir='));
        // The init layer is the top of lowerdir: the next directory takes the `lowerdir=` key.
        lines.splice(lower, 2, `lowerdir=${lines[lower + 1]}`);
        return lines.join('\n');
      }),
    seen: (r) => {
      const layers = layersOf(r, 'hello-layers').length;
      return `lowerdir has ${layers} directories for ${layers} image layers`;
    },
  },
  {
    mechanic: 'no overlay mount on / (another storage driver)',
    claim: "the container's root is an overlay mount",
    slide: 'union-filesystem',
    break: (r) =>
      editOutput(r, '03-containers/union', '/proc/mounts', (text) =>
        text.replace(/^overlay \/ overlay/m, '/dev/sda1 / ext4'),
      ),
    seen: () => 'no overlay mount on / in the container',
  },
  {
    mechanic: 'web-2 seeing the patch',
    claim: 'the write in web-1 is seen in web-1 and not in web-2',
    slide: 'copy-on-write',
    break: (r) => editOutput(r, MANY, 'docker exec web-2 tail', () => '// patched'),
    seen: () => `web-2's server.js ends with "// patched"`,
  },
  {
    mechanic: 'web-1 not seeing its own write',
    claim: 'the write in web-1 is seen in web-1 and not in web-2',
    slide: 'copy-on-write',
    break: (r) =>
      editOutput(r, '03-containers/copy-up', 'docker exec web-1 tail', () =>
        recorded(r, MANY, 'docker exec web-2 tail'),
      ),
    seen: (r) => `web-1's server.js ends with "${recorded(r, MANY, 'docker exec web-2 tail')}"`,
  },
  {
    mechanic: 'two equal hostnames',
    claim: 'three containers of one image answer with three different hostnames',
    slide: 'shared-layers',
    break: (r) =>
      editOutput(r, MANY, 'curl', (text) => {
        const [one, two, three] = text.split('\n');
        return [one, two!.replace(/\S+$/, one!.split(' ').pop()!), three].join('\n');
      }),
    seen: (r) => {
      const [one, , three] = recorded(r, MANY, 'curl').split('\n');
      const host = one!.split(' ').pop()!;
      return `answers: ${one} | ${recorded(r, MANY, 'curl').split('\n')[1]!.replace(/\S+$/, host)} | ${three}`;
    },
  },
  {
    mechanic: 'only two containers answering',
    claim: 'three containers of one image answer with three different hostnames',
    slide: 'shared-layers',
    break: (r) => editOutput(r, MANY, 'curl', (text) => text.split('\n').slice(0, 2).join('\n')),
    seen: (r) => `answers: ${recorded(r, MANY, 'curl').split('\n').slice(0, 2).join(' | ')}`,
  },
  {
    mechanic: 'a container with 5 MB of its own',
    claim: 'docker ps -s: each container has a small own size',
    slide: 'shared-layers',
    break: (r) =>
      editOutput(r, MANY, 'docker ps -s', (text) => text.replace(/(web-2\s+)\S+( \(virtual)/, '$15MB$2')),
    seen: () => 'web-2 has 5000000 B of its own',
  },
  {
    mechanic: 'a virtual size below the image (the image not counted)',
    claim: 'docker ps -s: each container has a small own size',
    slide: 'shared-layers',
    break: (r) =>
      editOutput(r, MANY, 'docker ps -s', (text) =>
        text.replace(/(web-3\s+\S+ \(virtual )[^)]+\)/, '$11MB)'),
      ),
    seen: () => /^web-3 virtual 1\.0MB < image [\d.]+MB$/,
  },
  {
    mechanic: 'a D line shown as C',
    claim: 'docker diff web-1 prints exactly the diff block',
    slide: 'diff-and-commit',
    break: (r) =>
      editOutput(r, '03-containers/diff', 'docker diff web-1', (text) =>
        text.replace('D /app/package-lock.json', 'C /app/package-lock.json'),
      ),
    seen: () =>
      'expected but the engine does not print: D /app/package-lock.json; the engine prints but nothing expects: C /app/package-lock.json',
  },
  {
    mechanic: 'a change the slide does not show',
    claim: 'docker diff web-1 prints exactly the diff block',
    slide: 'diff-and-commit',
    break: (r) =>
      editOutput(r, '03-containers/diff', 'docker diff web-1', (text) => `${text}\nA /tmp/other.txt`),
    seen: () =>
      'expected but the engine does not print: -; the engine prints but nothing expects: A /tmp/other.txt',
  },
  {
    mechanic: 'the note lost across stop and start',
    claim: "a file in the container's layer survives stop and start",
    slide: 'where-data-lives',
    break: (r) =>
      editOutput(
        r,
        DATA,
        'docker exec keeper cat',
        () => "cat: can't open '/note.txt': No such file or directory",
      ),
    seen: () =>
      `after stop and start the file reads "cat: can't open '/note.txt': No such file or directory"`,
  },
  {
    mechanic: 'the note kept after rm',
    claim: "a file in the container's layer survives stop and start",
    slide: 'where-data-lives',
    break: (r) => editOutput(r, DATA, 'cat /note.txt ||', () => 'kept'),
    seen: () => 'a new container of the image still has /note.txt',
  },
  {
    mechanic: 'the container still there after rm -f',
    claim: "a file in the container's layer survives stop and start",
    slide: 'where-data-lives',
    break: (r) => {
      const call = dockerCall(r, 'container', 'inspect', 'keeper');
      call.code = 0;
    },
    seen: () => 'keeper still exists after docker rm -f',
  },
  {
    mechanic: 'a volume that comes back empty',
    claim: 'a named volume outlives its containers',
    slide: 'where-data-lives',
    break: (r) => editOutput(r, DATA, 'cat /data/created.txt', () => ''),
    seen: () => 'the second container read "" from the volume',
  },
  {
    mechanic: '/scratch on the container layer, not a tmpfs',
    claim: 'a named volume outlives its containers',
    slide: 'where-data-lives',
    break: (r) => editOutput(r, DATA, '--tmpfs', (text) => text.replace(/^tmpfs(\s)/m, 'overlay$1')),
    seen: () => /^df of \/scratch: overlay\s/,
  },
  {
    mechanic: 'PID 1 inside not node (a shell in front of it)',
    claim: 'inside, node is PID 1',
    slide: 'container-is-a-process',
    break: (r) =>
      editOutput(r, '04-processes/process', 'docker exec web-1 ps', (text) =>
        text.replace(/^(\s*)1(\s)/m, '$17$2'),
      ),
    seen: () => /^PID 1 inside is not node:\n/,
  },
  {
    mechanic: 'the host PID not the container’s process',
    claim: 'inside, node is PID 1',
    slide: 'container-is-a-process',
    break: (r) => {
      const pid = dockerCall(r, 'inspect', 'web-1', '--format', '{{.State.Pid}}').stdout.join('\n');
      editOutput(r, '04-processes/process', 'host_only ps', (text) =>
        text.replace(new RegExp(`^(\\s*)${pid}(\\s)`, 'm'), `$1${Number(pid) + 1}$2`),
      );
    },
    seen: () => /^host ps: /,
  },
  {
    mechanic: 'another runtime by default',
    claim: 'the default runtime is runc',
    slide: 'runtime-chain',
    break: (r) => editOutput(r, '04-processes/chain', 'DefaultRuntime', () => 'crun'),
    seen: () => 'the default runtime is "crun"',
  },
  {
    mechanic: 'dockerd, not a shim, the parent of PID 1',
    claim: 'the default runtime is runc',
    slide: 'runtime-chain',
    break: (r) =>
      editOutput(r, '04-processes/chain', 'host_only ps', (text) =>
        text.replace(/\S*containerd-shim\S*.*$/m, '/usr/bin/dockerd'),
      ),
    seen: () => /^the parent of PID 1 is: .*\/usr\/bin\/dockerd$/,
  },
  {
    mechanic: 'pause that leaves it running',
    claim: 'docker ps -a shows created',
    slide: 'lifecycle',
    break: (r) =>
      editOutput(
        r,
        '04-processes/lifecycle',
        '{{.Names}}: {{.State}}',
        (text) => text.replace('paused', 'running'),
        2,
      ),
    seen: () => 'docker ps -a showed created → running → running → exited',
  },
  {
    mechanic: 'the shell form stored as written',
    claim: 'the shell form is stored as',
    slide: 'pid1-and-signals',
    break: (r) => editOutput(r, SIGNALS, 'inspect hello-shell', () => '["node","/app/src/server.js"]'),
    seen: () => 'shell form stored as ["node","/app/src/server.js"]',
  },
  {
    mechanic: 'the exec form wrapped in a shell',
    claim: 'the shell form is stored as',
    slide: 'pid1-and-signals',
    break: (r) =>
      editOutput(r, SIGNALS, 'inspect hello-exec', () => '["/bin/sh","-c","node /app/src/server.js"]'),
    seen: () => 'exec form stored as ["/bin/sh","-c","node /app/src/server.js"]',
  },
  {
    mechanic: 'sleepy stopping in 0.3 s',
    claim: 'stop of sleep as PID 1 waits',
    slide: 'pid1-and-signals',
    break: (r) =>
      editOutput(r, SIGNALS, 'time docker stop sleepy', (text) =>
        text.replace(/real\s+\S+/, 'real\t0m0.300s'),
      ),
    seen: () => 'sleepy took 0.3 s to stop',
  },
  {
    mechanic: 'sleepy ending by SIGTERM (143)',
    claim: 'stop of sleep as PID 1 waits',
    slide: 'pid1-and-signals',
    break: (r) => editOutput(r, SIGNALS, 'inspect sleepy --format', () => '143'),
    seen: () => 'sleepy exited 143, not 137',
  },
  {
    mechanic: 'sleepy-init waiting for the kill',
    claim: 'stop of sleep as PID 1 waits',
    slide: 'pid1-and-signals',
    break: (r) =>
      editOutput(r, SIGNALS, 'time docker stop sleepy-init', (text) =>
        text.replace(/real\s+\S+/, 'real\t0m10.200s'),
      ),
    seen: () => 'sleepy-init took 10.2 s to stop',
  },
  {
    mechanic: 'a second push that pushes a layer again',
    claim: 'the second push finds every layer already there',
    slide: 'distribution',
    break: (r) =>
      editOutput(
        r,
        PUSH_PULL,
        'docker push',
        (text) => text.replace(/(Layer already exists|Already exists)/, 'Pushed'),
        1,
      ),
    seen: () => /^second push: \{.*"Pushed":1.*\}$/,
  },
  {
    mechanic: 'a first push that misses a layer',
    claim: 'the second push finds every layer already there',
    slide: 'distribution',
    break: (r) =>
      editOutput(r, PUSH_PULL, 'docker push', (text) =>
        text.replace(/^([0-9a-f]{12}: )Pushed$/m, '$1Layer already exists'),
      ),
    seen: (r) => {
      const pushed = count(recorded(r, PUSH_PULL, 'docker push'), /^[0-9a-f]{12}: Pushed$/);
      const layers = layersOf(r, 'localhost:5050/hello-layers:1.0').length;
      return `the first push pushed ${pushed - 1} blobs for ${layers} layers`;
    },
  },
  {
    mechanic: 'a pull that fetches the base layer again',
    claim: 'the second push finds every layer already there',
    slide: 'distribution',
    break: (r) =>
      editOutput(r, PUSH_PULL, 'docker pull', (text) =>
        /Already exists/.test(text)
          ? text.replace(/^([0-9a-f]{12}: )Already exists$/m, '$1Pull complete')
          : text.replace(/^([0-9a-f]{12}: Pull complete)$/m, '0123456789ab: Pull complete\n$1'),
      ),
    seen: (r) => {
      const fetched = count(recorded(r, PUSH_PULL, 'docker pull'), /^[0-9a-f]{12}: Pull complete$/);
      return new RegExp(`^pull: \\{.*"Pull complete":${fetched + 1}.*\\} for \\d+ layers on a base of \\d+$`);
    },
  },
];

const ENGINES = recordedEngines();

describe('the engine recordings', () => {
  it('come from both image stores', () => {
    const stores = ENGINES.map((engine) => loadRecording(engine).store.kind).sort();
    expect(stores).toEqual(['containerd', 'graph-driver']);
  });

  it('answer a docker call they do not hold with a test error, not an empty answer', async () => {
    const context = replayContext(loadRecording(ENGINES[0]!));
    await expect(context.docker(['image', 'inspect', 'never-built'])).rejects.toThrow(
      /has no answer to docker \["image","inspect","never-built"\]/,
    );
    await expect(context.listExport('0000')).rejects.toThrow(/has no export of container 0000/);
  });
});

describe.each(ENGINES)('the claims on the output of Engine %s', (engine) => {
  it.each(CLAIMS.map((claim) => [claim.asserts, claim] as const))('hold: %s', async (_, claim) => {
    const result = await checkClaim(claim, replayContext(loadRecording(engine)), {
      blockFailed: false,
      onThisHost: true,
    });
    expect(result).toMatchObject({ ok: true });
  });

  it.each(BREAKS.map((item) => [`${item.slide}: ${item.mechanic}`, item] as const))(
    'fail on %s',
    async (_, item) => {
      const claim = claimAbout(item.claim);
      const recording = loadRecording(engine);
      item.break(recording);
      const seen = item.seen(loadRecording(engine));
      const error = await claim.check(replayContext(recording)).then(
        (evidence) => new Error(`the claim held: ${evidence}`),
        (thrown: unknown) => thrown as Error,
      );
      expect(error).toBeInstanceOf(ClaimFailed);
      expect(error.message).toMatch(typeof seen === 'string' ? new RegExp(`^${escape(seen)}$`) : seen);
      // The rehearsal's own line, and its verdict, for the same output.
      const result = await checkClaim(claim, replayContext(recording), {
        blockFailed: false,
        onThisHost: true,
      });
      expect(result).toEqual({ asserts: claim.asserts, ok: false, detail: error.message });
      expect(claimFailureLine(claim, result.detail)).toMatch(
        new RegExp(
          `^slide "${escape(item.slide)}": the claim ".+" does not hold: ${escape(error.message)}\\. Fix: `,
        ),
      );
    },
  );
});

describe('the breaking cases', () => {
  it('break every claim of the table', () => {
    const broken = new Set(BREAKS.map((item) => claimAbout(item.claim)));
    expect(CLAIMS.filter((claim) => !broken.has(claim)).map((claim) => claim.asserts)).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
