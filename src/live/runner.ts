import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExamples, EXAMPLES_DIR, loadDemoScripts } from '../rehearse/demo-files.ts';
import { engineAddress, runDocker } from '../rehearse/docker-client.ts';
import { readEngineState, removeCreated } from '../rehearse/engine-state.ts';
import { checkEngine, checkPorts } from '../rehearse/preflight.ts';
import { scriptHash } from '../rehearse/report.ts';
import { createLiveClaimCheck } from './claims.ts';
import { cleanEnvironment } from './environment.ts';
import type { KnownBlock } from './guard.ts';
import { createLiveServer, type LiveServer } from './server.ts';
import { createLiveSession } from './session.ts';

export interface PresentOptions {
  distDir: string;
  /** Start the live runner (else only the deck is served). */
  live: boolean;
  bindAddress?: string;
  port?: number;
  nextFreePort?: boolean;
  /** The examples folder: the demos' working folder, with the scripts in `demo/`. */
  examplesDir?: string;
  stepTimeoutMs?: number;
  typingDelayMs?: number;
  /** The presenter's environment: where the engine is (`DOCKER_HOST`), PATH, HOME, LANG. */
  env?: NodeJS.ProcessEnv;
  log(line: string): void;
}

export interface Presentation {
  server: LiveServer;
  /** Ends every step, closes the server and, live, removes what the demos made and the copy of
   * the examples they ran in. Returns what could not be cleaned up. */
  stop(): Promise<string[]>;
}

export const DEFAULT_STEP_TIMEOUT_MS = 120_000;
const DEFAULT_TYPING_DELAY_MS = 18;

/**
 * The story of `npm run present`: serve the deck on loopback; live, first find the engine and
 * its client as the rehearsal's preflight does, load the demo scripts once (what runs is what
 * was on disk now), note what the engine holds, and open the runner's socket behind a fresh token.
 */
export async function startPresentation(options: PresentOptions): Promise<Presentation> {
  if (!options.live) {
    const server = await createLiveServer(serverOptions(options));
    return { server, stop: async () => (await server.close(), []) };
  }
  const env = options.env ?? process.env;
  const examplesDir = options.examplesDir ?? EXAMPLES_DIR;
  const engine = await checkEngine(env);
  engine.notes.forEach((note) => options.log(note));
  const scripts = loadDemoScripts(join(examplesDir, 'demo'));
  await checkPorts(scripts.map(({ script }) => script)).catch((error: Error) =>
    options.log(`warning: ${error.message}`),
  );
  const hashes = new Map(
    scripts.map(({ script, source, path }) => [path, { file: script.file, hash: scriptHash(source) }]),
  );
  const blocks = new Map<string, KnownBlock>();
  for (const { script } of scripts) {
    for (const block of script.blocks)
      blocks.set(block.id, { steps: block.commands.length, script: script.file });
  }
  const before = await readEngineState(engine.docker);
  // The demos run in a copy, as in the rehearsal: the build cache demo edits server.js, and what
  // the presenter saves meanwhile must stay as saved. Its scripts are the ones loaded above.
  const workDir = copyExamples(examplesDir);
  const workScripts = scripts.map(({ script }) => ({ script, path: join(workDir, 'demo', script.file) }));
  const shim = await mkdtemp(join(tmpdir(), 'docker-talk-client-'));
  await symlink(engine.docker.path, join(shim, 'docker'));
  const shellEnv = cleanEnvironment(env, engine.docker, shim);
  const stepTimeoutMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const engineAnswers = async () =>
    (
      await runDocker(engine.docker.path, ['version', '--format', '{{.Server.Version}}'], shellEnv, {
        timeoutMs: 5000,
      })
    ).code === 0;

  const server = await createLiveServer({
    ...serverOptions(options),
    live: {
      token: randomBytes(32).toString('hex'),
      blocks,
      changedScripts: () =>
        new Set(
          [...hashes]
            .filter(([path, { hash }]) => {
              try {
                return scriptHash(readFileSync(path, 'utf8')) !== hash;
              } catch {
                return true;
              }
            })
            .map(([, { file }]) => file),
        ),
      hello: {
        blocks: [...blocks].map(([id, block]) => ({ id, steps: block.steps })),
        engine: `Docker Engine ${engine.version} at ${engineAddress(env)}`,
        stepTimeoutSeconds: Math.round(stepTimeoutMs / 1000),
      },
      createSession: (send) =>
        createLiveSession({
          scripts: workScripts,
          cwd: workDir,
          env: shellEnv,
          stepTimeoutMs,
          typingDelayMs: options.typingDelayMs ?? DEFAULT_TYPING_DELAY_MS,
          engineAnswers,
          // One check per session: a reload starts the claims' record of what ran afresh.
          checkClaims: createLiveClaimCheck(engine, examplesDir),
          log: options.log,
          send,
        }),
    },
  });
  let stopped: Promise<string[]> | undefined;
  return {
    server,
    stop: () =>
      (stopped ??= (async () => {
        await server.close();
        const problems: string[] = [];
        // The demos' edits were made in the copy; the presenter's files were never written.
        await rm(workDir, { recursive: true, force: true });
        options.log('cleaning up: removing the containers, images, volumes and networks the demos made');
        problems.push(
          ...(await removeCreated(engine.docker, before).catch((error: Error) => [error.message])),
        );
        await rm(shim, { recursive: true, force: true });
        return problems;
      })()),
  };
}

function serverOptions(options: PresentOptions) {
  return {
    distDir: options.distDir,
    ...(options.bindAddress === undefined ? {} : { bindAddress: options.bindAddress }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.nextFreePort === undefined ? {} : { nextFreePort: options.nextFreePort }),
  };
}
