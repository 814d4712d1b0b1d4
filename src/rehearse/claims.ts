import { ClaimFailed, expectThat, type Claim, type ClaimContext } from './claim-types.ts';
import {
  diffLineSet,
  layerOutcomes,
  parseBuildSteps,
  parseHistory,
  parseOverlayMount,
  parsePsSizes,
  parseRealSeconds,
  type BuildStep,
} from './engine-output.ts';

const MiB = 1024 * 1024;

/**
 * What the talk claims about Docker, each row tied to the slide it backs and the demo block that
 * shows it. These are mechanics, not sizes of base images, so they hold (or fail) the same with
 * the offline stand-ins as with the real images.
 */
export const CLAIMS: readonly Claim[] = [
  {
    slide: 'dockerfile-to-layers',
    block: '01-images/history',
    asserts:
      "the Dockerfile's ENV, EXPOSE, USER and CMD rows are 0B in docker image history; COPY, RUN, COPY are not",
    fix: ['slides/06-dockerfile-to-layers.ts', 'assets/examples/Dockerfile'],
    async check(context) {
      const rows = parseHistory(context.output('01-images/history', 'docker image history').output);
      // Newest first: the rows above the base image's own are the ones the talk's Dockerfile added
      // (the real node image brings ENV, ENTRYPOINT and CMD rows of its own).
      const baseRows = await historyLength(context, 'node:26-alpine');
      const added = rows.slice(0, rows.length - baseRows);
      const instructions = added.map((row) => instructionOf(row.createdBy));
      expectThat(
        instructions.join(',') === 'CMD,USER,EXPOSE,ENV,COPY,RUN,COPY',
        `rows the Dockerfile added, newest first: ${instructions.join(', ') || 'none'} (on a base of ${baseRows} rows)`,
      );
      const config = added.filter((row) => /^(ENV|EXPOSE|USER|CMD)$/.test(instructionOf(row.createdBy)));
      const sized = config.filter((row) => row.bytes !== 0);
      expectThat(
        sized.length === 0,
        `config rows with bytes: ${sized.map((row) => `${row.createdBy} ${row.bytes} B`).join('; ')}`,
      );
      const empty = added.filter((row) => !config.includes(row) && row.bytes === 0);
      expectThat(empty.length === 0, `file rows of 0B: ${empty.map((row) => row.createdBy).join('; ')}`);
      return `4 config rows 0B, 3 file rows with bytes, above ${baseRows} rows of the base`;
    },
  },
  {
    slide: 'dockerfile-to-layers',
    block: '01-images/history',
    asserts: "hello-layers has the base image's layers plus 3 (COPY, RUN, COPY)",
    fix: ['slides/diagrams/image-layers.ts', 'assets/examples/Dockerfile'],
    async check(context) {
      const layers = JSON.parse(context.output('01-images/history', '.RootFS.Layers').output) as string[];
      const base = JSON.parse(
        (await inspect(context, 'node:26-alpine', '{{json .RootFS.Layers}}')) || '[]',
      ) as string[];
      expectThat(layers.length === base.length + 3, `${layers.length} layers on a base of ${base.length}`);
      expectThat(
        base.every((layer, index) => layers[index] === layer),
        'the lower layers are not the base image’s',
      );
      return `${base.length} base + 3 = ${layers.length} layers`;
    },
  },
  {
    slide: 'deleting-doesnt-shrink',
    block: '01-images/rm-later',
    asserts: 'rm-later is about 100 MiB (±5 %) bigger than rm-same-run',
    fix: ['slides/07-deleting-doesnt-shrink.ts', 'assets/examples/Dockerfile.rm-later'],
    async check(context) {
      const later = Number(await inspect(context, 'rm-later', '{{.Size}}'));
      const sameRun = Number(await inspect(context, 'rm-same-run', '{{.Size}}'));
      const gap = (later - sameRun) / MiB;
      expectThat(Math.abs(gap - 100) <= 5, `rm-later is ${gap.toFixed(1)} MiB bigger`);
      return `${gap.toFixed(1)} MiB bigger`;
    },
  },
  {
    slide: 'deleting-doesnt-shrink',
    block: '01-images/rm-later',
    asserts:
      "rm-later's history shows the dd row about 100 MiB and the rm row as a whiteout: 0B with overlay2, a few kB on the containerd store",
    fix: ['slides/07-deleting-doesnt-shrink.ts', 'assets/examples/Dockerfile.rm-later'],
    async check(context) {
      const rows = parseHistory(context.output('01-images/rm-later', 'docker image history rm-later').output);
      const rm = rows.find((row) => row.createdBy.includes('rm /big'));
      const dd = rows.find((row) => row.createdBy.includes('dd if=/dev/'));
      expectThat(rm !== undefined && dd !== undefined, 'no rm or dd row in the history');
      expectThat(Math.abs(dd!.bytes / MiB - 100) <= 5, `the dd row is ${(dd!.bytes / MiB).toFixed(1)} MiB`);
      // The graph driver counts the whiteout as no bytes; the containerd store counts the layer's
      // compressed tar, a whiteout entry and its headers (4.1kB seen on Engine 28.5).
      const limit = context.store.kind === 'containerd' ? WHITEOUT_LAYER_MAX_BYTES : 0;
      expectThat(rm!.bytes <= limit, `the rm row is ${rm!.bytes} B (at most ${limit} B expected)`);
      return `rm ${rm!.bytes === 0 ? '0B' : `${(rm!.bytes / 1e3).toFixed(1)}kB`}, dd ${(dd!.bytes / 1e6).toFixed(0)}MB`;
    },
  },
  {
    slide: 'build-cache',
    block: '02-builds/cache',
    asserts: 'after the edit, every step before COPY app/src/ is CACHED, and COPY app/src/ reruns',
    fix: ['slides/08-build-cache.ts', 'slides/diagrams/build-cache.ts', 'assets/examples/Dockerfile'],
    async check(context) {
      const steps = parseBuildSteps(context.output('02-builds/cache', '--progress=plain').output);
      return cachedUntil(steps, 'COPY app/src/');
    },
  },
  {
    slide: 'cache-order',
    block: '02-builds/order',
    asserts: 'with Dockerfile.bad-order the same edit reruns COPY app/ and npm ci',
    fix: ['slides/09-cache-order.ts', 'assets/examples/Dockerfile.bad-order'],
    async check(context) {
      const steps = parseBuildSteps(context.output('02-builds/order', '--progress=plain').output);
      const npmCi = steps.find((step) => step.name.includes('RUN npm ci'));
      expectThat(npmCi !== undefined, 'no RUN npm ci step in the build output');
      expectThat(!npmCi!.cached, 'RUN npm ci was CACHED');
      return cachedUntil(steps, 'COPY app/ ');
    },
  },
  {
    slide: 'multi-stage',
    block: '02-builds/multi-stage',
    asserts: 'the final image has no npm (the build stage has), and is smaller than the build stage',
    fix: ['slides/10-multi-stage.ts', 'assets/examples/Dockerfile.multistage'],
    async check(context) {
      const small = await npmFilesIn(context, 'hello-small');
      const build = await npmFilesIn(context, 'hello-build');
      expectThat(build > 0, 'the build stage has no npm either, so the check would prove nothing');
      expectThat(small === 0, `hello-small has ${small} files of npm`);
      const smallSize = Number(await inspect(context, 'hello-small', '{{.Size}}'));
      const buildSize = Number(await inspect(context, 'hello-build', '{{.Size}}'));
      expectThat(
        smallSize < buildSize,
        `hello-small ${mb(smallSize)} is not smaller than hello-build ${mb(buildSize)}`,
      );
      return `no npm; ${mb(smallSize)} < ${mb(buildSize)}`;
    },
  },
  {
    slide: 'union-filesystem',
    block: '03-containers/union',
    asserts:
      "the container's root is an overlay mount: the image's layers and an init layer below (lowerdir), its own layer on top (upperdir)",
    fix: [
      'slides/11-union-filesystem.ts',
      'slides/diagrams/union-fs.ts',
      'assets/examples/demo/03-containers.sh',
    ],
    async check(context) {
      const mount = parseOverlayMount(context.output('03-containers/union', '/proc/mounts').output);
      expectThat(mount !== undefined, 'no overlay mount on / in the container');
      const layers = JSON.parse(
        await inspect(context, 'hello-layers', '{{json .RootFS.Layers}}'),
      ) as string[];
      // Both stores put a small init layer (/etc/hosts, /etc/resolv.conf) between image and container.
      expectThat(
        mount!.lower.length === layers.length + 1,
        `lowerdir has ${mount!.lower.length} directories for ${layers.length} image layers`,
      );
      expectThat(
        mount!.upper !== '' && !mount!.lower.includes(mount!.upper),
        `the upperdir "${mount!.upper}" is not a layer of its own`,
      );
      return `overlay: lowerdir ${layers.length} image layers + 1 init layer, upperdir ${mount!.upper.split('/').slice(-2).join('/')}`;
    },
  },
  {
    slide: 'copy-on-write',
    block: '03-containers/many',
    asserts: 'the write in web-1 is seen in web-1 and not in web-2 of the same image',
    fix: ['slides/12-copy-on-write.ts', 'assets/examples/demo/03-containers.sh'],
    async check(context) {
      const inOne = context.output('03-containers/copy-up', 'docker exec web-1 tail').output;
      const inTwo = context.output('03-containers/many', 'docker exec web-2 tail').output;
      expectThat(inOne === '// patched', `web-1's server.js ends with "${inOne}"`);
      expectThat(!inTwo.includes('patched'), `web-2's server.js ends with "${inTwo}"`);
      return 'web-1 patched, web-2 untouched';
    },
  },
  {
    slide: 'shared-layers',
    block: '03-containers/many',
    asserts: 'three containers of one image answer with three different hostnames',
    fix: ['slides/13-shared-layers.ts', 'assets/examples/app/src/server.js'],
    async check(context) {
      const answers = context.output('03-containers/many', 'curl').output.split('\n').filter(Boolean);
      const hosts = new Set(answers.map((answer) => answer.split(' ').pop()));
      expectThat(answers.length === 3 && hosts.size === 3, `answers: ${answers.join(' | ') || '(none)'}`);
      return [...hosts].join(', ');
    },
  },
  {
    slide: 'shared-layers',
    block: '03-containers/many',
    asserts: 'docker ps -s: each container has a small own size, the shared image counts as virtual',
    fix: ['slides/13-shared-layers.ts', 'slides/diagrams/shared-layers.ts'],
    async check(context) {
      const sizes = parsePsSizes(context.output('03-containers/many', 'docker ps -s').output);
      const image = Number(await inspect(context, 'hello-layers', '{{.Size}}'));
      const rows = ['web-1', 'web-2', 'web-3'].map((name) => ({ name, size: sizes.get(name) }));
      for (const { name, size } of rows) {
        expectThat(size !== undefined, `${name} is not in docker ps -s`);
        expectThat(size!.own < 100_000, `${name} has ${size!.own} B of its own`);
        // docker rounds to 3 significant digits: the virtual size is at least the image's, within rounding.
        expectThat(
          size!.virtual >= image * 0.99,
          `${name} virtual ${mb(size!.virtual)} < image ${mb(image)}`,
        );
      }
      return rows.map(({ name, size }) => `${name} ${size!.own} B (virtual ${mb(size!.virtual)})`).join(', ');
    },
  },
  {
    slide: 'diff-and-commit',
    block: '03-containers/diff',
    asserts:
      "docker diff web-1 prints exactly the diff block's changes: the write copied up, the delete as D, the new file as A (as a set)",
    fix: ['assets/examples/demo/03-containers.sh', 'slides/14-diff-and-commit.ts'],
    async check(context) {
      const engine = diffLineSet(context.output('03-containers/diff', 'docker diff web-1').output);
      // What the copy-up block's patch, the diff block's note and its rm leave in web-1's layer
      // (seen the same on Engine 20.10 and 28.5; the engine keeps no order). The slide quotes
      // the engine's own output from the recording, so it cannot drift from this.
      const expected = [
        'C /app',
        'C /app/src',
        'C /app/src/server.js',
        'D /app/package-lock.json',
        'C /tmp',
        'A /tmp/note.txt',
      ].sort();
      const missing = expected.filter((line) => !engine.includes(line));
      const extra = engine.filter((line) => !expected.includes(line));
      expectThat(
        missing.length === 0 && extra.length === 0,
        `expected but the engine does not print: ${missing.join(', ') || '-'}; the engine prints but nothing expects: ${extra.join(', ') || '-'}`,
      );
      return `${engine.length} lines, the same set`;
    },
  },
  {
    slide: 'where-data-lives',
    block: '03-containers/data',
    asserts: "a file in the container's layer survives stop and start, and is gone with rm",
    fix: ['slides/15-where-data-lives.ts', 'assets/examples/demo/03-containers.sh'],
    async check(context) {
      const kept = context.output('03-containers/data', 'docker exec keeper cat').output;
      expectThat(kept === 'kept', `after stop and start the file reads "${kept}"`);
      const after = context.output('03-containers/data', 'cat /note.txt ||');
      // The terminal merges the fallback's echo (which names /note.txt too) with cat's error: read cat's.
      expectThat(
        /^cat: .*\/note\.txt/m.test(after.output),
        'a new container of the image still has /note.txt',
      );
      const gone = await context.docker(['container', 'inspect', 'keeper']);
      expectThat(gone.code !== 0, 'keeper still exists after docker rm -f');
      return 'kept across stop/start; gone after rm';
    },
  },
  {
    slide: 'where-data-lives',
    block: '03-containers/data',
    asserts: 'a named volume outlives its containers; --tmpfs mounts a tmpfs',
    fix: ['slides/15-where-data-lives.ts', 'assets/examples/demo/03-containers.sh'],
    async check(context) {
      const read = context.output('03-containers/data', 'cat /data/created.txt').output;
      expectThat(/\d{2}:\d{2}:\d{2}/.test(read), `the second container read "${read}" from the volume`);
      const df = context.output('03-containers/data', '--tmpfs').output;
      expectThat(/^tmpfs\s/m.test(df), `df of /scratch: ${df.split('\n').pop()}`);
      return 'volume read back by a second container; /scratch is tmpfs';
    },
  },
  {
    slide: 'container-is-a-process',
    block: '04-processes/process',
    asserts: 'inside, node is PID 1; on the host it is an ordinary process with another PID',
    fix: ['slides/16-container-is-a-process.ts', 'assets/examples/demo/04-processes.sh'],
    async check(context) {
      const inside = context.output('04-processes/process', 'docker exec web-1 ps').output;
      expectThat(
        /^\s*1\s+\S+\s+.*node \/app\/src\/server\.js/m.test(inside),
        `PID 1 inside is not node:\n${inside}`,
      );
      const pid = Number((await context.docker(['inspect', 'web-1', '--format', '{{.State.Pid}}'])).stdout);
      expectThat(pid > 1, `the host PID is ${pid}`);
      if (context.engineOnThisHost) {
        const host = context.output('04-processes/process', 'host_only ps').output;
        expectThat(
          new RegExp(`^\\s*${pid}\\s.*node /app/src/server\\.js`, 'm').test(host),
          `host ps: ${host}`,
        );
      }
      return `PID 1 inside, PID ${pid} on the host`;
    },
  },
  {
    slide: 'runtime-chain',
    block: '04-processes/chain',
    asserts: "the default runtime is runc, and a containerd shim is the parent of the container's PID 1",
    fix: ['slides/17-runtime-chain.ts', 'assets/examples/demo/04-processes.sh'],
    hostOnly: true,
    async check(context) {
      const runtime = context.output('04-processes/chain', 'DefaultRuntime').output;
      expectThat(runtime === 'runc', `the default runtime is "${runtime}"`);
      const parent = context.output('04-processes/chain', 'host_only ps').output;
      expectThat(/containerd-shim/.test(parent), `the parent of PID 1 is: ${parent.split('\n').pop()}`);
      return 'runc; parent containerd-shim-runc-v2';
    },
  },
  {
    slide: 'lifecycle',
    block: '04-processes/lifecycle',
    asserts: 'docker ps -a shows created → running → paused → exited',
    fix: ['slides/18-lifecycle.ts', 'slides/diagrams/lifecycle.ts'],
    async check(context) {
      const states = ['created', 'running', 'paused', 'exited'];
      const seen = psStateLines(context);
      expectThat(seen.join(' → ') === states.join(' → '), `docker ps -a showed ${seen.join(' → ')}`);
      return seen.join(' → ');
    },
  },
  {
    slide: 'pid1-and-signals',
    block: '04-processes/signals',
    asserts: 'the shell form is stored as ["/bin/sh","-c",…], the exec form as written',
    fix: ['slides/19-pid1-and-signals.ts', 'assets/examples/Dockerfile.shell-form'],
    async check(context) {
      const shell = JSON.parse(
        context.output('04-processes/signals', 'inspect hello-shell').output,
      ) as string[];
      const exec = JSON.parse(
        context.output('04-processes/signals', 'inspect hello-exec').output,
      ) as string[];
      expectThat(
        shell[0] === '/bin/sh' && shell[1] === '-c',
        `shell form stored as ${JSON.stringify(shell)}`,
      );
      expectThat(exec[0] === 'node', `exec form stored as ${JSON.stringify(exec)}`);
      return `${JSON.stringify(shell)} / ${JSON.stringify(exec)}`;
    },
  },
  {
    slide: 'pid1-and-signals',
    block: '04-processes/signals',
    asserts:
      'stop of sleep as PID 1 waits ~10 s and exits 137; with --init 143 at once; the exec-form server 0 at once',
    fix: ['slides/19-pid1-and-signals.ts', 'assets/examples/app/src/server.js'],
    async check(context) {
      const stops = [
        { name: 'sleepy', code: '137', slow: true },
        { name: 'sleepy-init', code: '143', slow: false },
        { name: 'exec-1', code: '0', slow: false },
      ];
      const seen: string[] = [];
      for (const stop of stops) {
        const seconds = parseRealSeconds(
          context.output('04-processes/signals', `time docker stop ${stop.name}`).output,
        );
        const code = context.output('04-processes/signals', `inspect ${stop.name} --format`).output;
        seen.push(`${stop.name} ${seconds.toFixed(1)} s, exit ${code}`);
        expectThat(code === stop.code, `${stop.name} exited ${code}, not ${stop.code}`);
        expectThat(
          stop.slow ? seconds >= 9.5 && seconds < 20 : seconds < 3,
          `${stop.name} took ${seconds.toFixed(1)} s to stop`,
        );
      }
      return seen.join('; ');
    },
  },
  {
    slide: 'distribution',
    block: '05-distribution/push-pull',
    asserts: 'the second push finds every layer already there; the pull fetches only the missing layers',
    fix: ['slides/20-distribution.ts', 'slides/diagrams/distribution.ts'],
    async check(context) {
      const block = '05-distribution/push-pull';
      const pushes = context.outputs(block, 'docker push');
      expectThat(pushes.length === 2, `${pushes.length} pushes ran`);
      const first = layerOutcomes(pushes[0]!.output);
      const second = layerOutcomes(pushes[1]!.output);
      const blobs = first['Pushed'] ?? 0;
      const layers = (
        JSON.parse(
          await inspect(context, 'localhost:5050/hello-layers:1.0', '{{json .RootFS.Layers}}'),
        ) as string[]
      ).length;
      // The containerd store pushes BuildKit's provenance attestation beside the layers.
      const expected = context.store.kind === 'containerd' ? layers + 1 : layers;
      expectThat(blobs === expected, `the first push pushed ${blobs} blobs for ${layers} layers`);
      const again = (second['Layer already exists'] ?? 0) + (second['Already exists'] ?? 0);
      expectThat(again === blobs && !second['Pushed'], `second push: ${JSON.stringify(second)}`);
      const pull = layerOutcomes(context.output(block, 'docker pull').output);
      const base = JSON.parse(
        (await inspect(context, 'node:26-alpine', '{{json .RootFS.Layers}}')) || '[]',
      ) as string[];
      expectThat(
        pull['Pull complete'] === layers - base.length,
        `pull: ${JSON.stringify(pull)} for ${layers} layers on a base of ${base.length}`,
      );
      // The graph driver lists each layer it has as "Already exists"; the containerd store lists
      // those whose compressed blob it holds, which may be none (seen both ways on Engine 28.5).
      const listed = pull['Already exists'] ?? 0;
      expectThat(
        context.store.kind === 'containerd' ? listed <= base.length : listed === base.length,
        `pull: ${JSON.stringify(pull)} on a base of ${base.length}`,
      );
      return `push ${blobs} blobs then ${again} already there; pull ${pull['Pull complete']} of ${layers} layers`;
    },
  },
];

/** Every step before `marker` was CACHED (the FROM is never rebuilt), and `marker` onwards ran. */
function cachedUntil(steps: readonly BuildStep[], marker: string): string {
  const at = steps.findIndex((step) => step.name.includes(marker));
  expectThat(at > 0, `no step "${marker}" in the build output`);
  const before = steps.slice(0, at).filter((step) => !/\] FROM /.test(step.name));
  const notCached = before.filter((step) => !step.cached);
  expectThat(
    notCached.length === 0,
    `ran again before ${marker}: ${notCached.map((step) => step.name).join('; ')}`,
  );
  const cachedAfter = steps.slice(at).filter((step) => step.cached);
  expectThat(
    cachedAfter.length === 0,
    `CACHED from ${marker} on: ${cachedAfter.map((step) => step.name).join('; ')}`,
  );
  return `${before.length} CACHED, ${steps.length - at} ran`;
}

/** At most this many bytes for a layer that holds one whiteout, as the containerd store counts it. */
const WHITEOUT_LAYER_MAX_BYTES = 16 * 1024;

/** `RUN /bin/sh -c …`, `ENV NODE_ENV=…`, `CMD ["node"]` → the instruction. */
function instructionOf(createdBy: string): string {
  return createdBy.split(/\s/)[0] ?? '';
}

async function historyLength(context: ClaimContext, image: string): Promise<number> {
  const result = await context.docker(['image', 'history', image, '--format', '{{.ID}}']);
  if (result.code !== 0) throw new ClaimFailed(`docker image history ${image}: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean).length;
}

async function inspect(context: ClaimContext, image: string, format: string): Promise<string> {
  const result = await context.docker(['image', 'inspect', image, '--format', format]);
  if (result.code !== 0) throw new ClaimFailed(`docker image inspect ${image}: ${result.stderr}`);
  return result.stdout;
}

/** Files of npm in an image, read from its exported filesystem: works without a shell in it. */
async function npmFilesIn(context: ClaimContext, image: string): Promise<number> {
  const created = await context.docker(['create', image]);
  if (created.code !== 0) throw new ClaimFailed(`docker create ${image}: ${created.stderr}`);
  try {
    const listing = await context.listExport(created.stdout);
    return listing.filter((path) => /(^|\/)node_modules\/npm\//.test(path)).length;
  } finally {
    await context.docker(['rm', '-f', created.stdout]);
  }
}

function psStateLines(context: ClaimContext): string[] {
  return context
    .outputs('04-processes/lifecycle', '{{.Names}}: {{.State}}')
    .map((result) => /^life: (\w+)/.exec(result.output)?.[1] ?? `?${result.output}`);
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)}MB`;
}
