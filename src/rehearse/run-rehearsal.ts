import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { ClaimFailed, type Claim, type ClaimContext } from './claim-types.ts';
import { CLAIMS } from './claims.ts';
import {
  changedFiles,
  CLEANUP_SCRIPT,
  copyExamples,
  EXAMPLES_DIR,
  loadDemoScripts,
  snapshotFiles,
} from './demo-files.ts';
import type { DemoBlock } from './demo-script.ts';
import type { DockerClient } from './docker-client.ts';
import { createdSince, describeState, isEmpty, readEngineState, removeCreated } from './engine-state.ts';
import { TALK_IMAGES } from './images.ts';
import { startMirror, servedByMirror, type Mirror } from './mirror.ts';
import { needsRegistry } from './needs-registry.ts';
import type { RehearseOptions } from './options.ts';
import { checkEngine, checkPorts, PreflightError, type Engine } from './preflight.ts';
import { engineKey, scriptHash, writeEngineReport, type BlockReport, type EngineIdentity } from './report.ts';
import { startShellSession, type CommandResult, type ShellSession } from './shell-session.ts';
import { ensureStandIns } from './stand-ins.ts';
import type { TableRow } from './table.ts';

export interface RehearsalLog {
  /** A line of progress: what runs now, what was found. */
  line(message: string): void;
}

export interface RehearsalOutcome {
  rows: TableRow[];
  blocks: BlockReport[];
  /** Everything that went wrong, each naming its slide and the file to fix. */
  failures: string[];
  notes: string[];
  interrupted: boolean;
}

/** How long a command may be quiet before the log says it is still running. */
const HEARTBEAT_MS = 10_000;

/**
 * The story of a rehearsal: find the engine and a BuildKit client; make the talk's images
 * available (pulled, or stand-ins offline); check the ports; run every block of every demo
 * script as the presenter would type it, checking each claim after its block; then put
 * everything back: the example files as they were, and the engine without what the demos made.
 */
export async function runRehearsal(
  options: RehearseOptions,
  log: RehearsalLog,
  signal: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RehearsalOutcome> {
  const outcome: RehearsalOutcome = { rows: [], blocks: [], failures: [], notes: [], interrupted: false };
  const examplesDir = options.examplesDir ?? EXAMPLES_DIR;
  const scripts = loadDemoScripts(join(examplesDir, 'demo')).filter(
    ({ script }) => !options.only || options.only.includes(script.file.replace(/\.sh$/, '')),
  );
  if (options.only && scripts.length !== options.only.length) {
    throw new PreflightError(
      `--only names a script that has no blocks in ${join(examplesDir, 'demo')}: ${options.only.join(', ')}`,
    );
  }
  const engine = await checkEngine(env);
  engine.notes.forEach((note) => log.line(note));
  outcome.notes.push(...engine.notes);

  await checkPorts(scripts.map(({ script }) => script));
  await provideImages(engine.docker, options, log, outcome);

  const before = await readEngineState(engine.docker);
  // The demos run in a copy: what the presenter saves meanwhile stays exactly as saved.
  const workDir = copyExamples(examplesDir);
  const files = snapshotFiles(workDir);
  const shim = await mkdtemp(join(tmpdir(), 'docker-talk-client-'));
  await symlink(engine.docker.path, join(shim, 'docker'));
  const sessionEnv = { ...engine.docker.env, PATH: `${shim}${delimiter}${env.PATH ?? ''}` };
  const results = new Map<string, { command: string; result: CommandResult }[]>();
  const context = createClaimContext(engine, results, examplesDir);
  // Started last before the demos, so the finally below always stops it.
  const mirror = options.offline
    ? await startMirror(engine.docker, engineKey(engine.version, engine.store), TALK_IMAGES, (message) => {
        log.line(message);
        outcome.notes.push(message);
      })
    : undefined;
  let session: ShellSession | undefined;
  const abort = () => void session?.close();
  signal.addEventListener('abort', abort);
  try {
    for (const { script } of scripts) {
      if (signal.aborted) break;
      session = startShellSession(join(workDir, 'demo', script.file), sessionEnv, workDir);
      for (const command of script.preamble) {
        const result = await session.run(command.text);
        if (result.exitCode !== 0) {
          outcome.failures.push(
            `${script.file}:${command.line}: the set-up line \`${command.text}\` exited ${result.exitCode}: ${result.stderr}`,
          );
        }
      }
      for (const block of script.blocks) {
        if (signal.aborted) break;
        outcome.blocks.push(
          await rehearseBlock(block, session, options, mirror, engine, context, results, log, outcome),
        );
      }
      await session.close();
      session = undefined;
    }
    if (!signal.aborted)
      await checkCleanupScript(engine, before, sessionEnv, join(workDir, 'demo'), outcome, log);
  } finally {
    signal.removeEventListener('abort', abort);
    await session?.close();
    outcome.interrupted = signal.aborted;
    const left = changedFiles(files, workDir);
    if (left.length > 0) {
      outcome.failures.push(
        `the demos leave example files changed or added (in the rehearsal's copy; yours are untouched): ${left.join(', ')}. Fix: the EXIT trap of the demo script that edits them`,
      );
    }
    rmSync(workDir, { recursive: true, force: true });
    log.line('cleaning up: removing the containers, images, volumes and networks the demos made');
    const problems = await removeCreated(engine.docker, before);
    outcome.failures.push(...problems.map((problem) => `cleanup: ${problem}`));
    await rm(shim, { recursive: true, force: true });
    await mirror?.stop();
  }
  if (!outcome.interrupted) {
    await writeEngineReport({
      finishedAt: new Date().toISOString(),
      engine: identify(engine),
      offline: options.offline,
      scripts: Object.fromEntries(scripts.map(({ script, source }) => [script.file, scriptHash(source)])),
      blocks: outcome.blocks,
    });
  }
  return outcome;
}

function identify(engine: Engine): EngineIdentity {
  return {
    key: engineKey(engine.version, engine.store),
    version: engine.version,
    os: engine.os,
    client: `${engine.docker.path} ${engine.docker.version}`,
    store: engine.store,
  };
}

async function provideImages(
  docker: DockerClient,
  options: RehearseOptions,
  log: RehearsalLog,
  outcome: RehearsalOutcome,
) {
  if (options.offline) {
    const standIns = await ensureStandIns(docker, TALK_IMAGES, (message) => log.line(message));
    for (const standIn of standIns) {
      const line = `${standIn.reference}: ${standIn.state === 'real image present' ? 'the real image, already here' : `a local stand-in (${standIn.state}${standIn.state === 'built' ? ` in ${standIn.seconds.toFixed(1)} s` : ''}), not the real image`}`;
      log.line(line);
      outcome.notes.push(line);
    }
    return;
  }
  // Pull first: at the venue the network may be gone, and every image must already be here.
  for (const image of TALK_IMAGES) {
    log.line(`pulling ${image.reference}`);
    const pulled = await docker.run(['pull', image.reference], { timeoutMs: 15 * 60_000 });
    if (pulled.code !== 0) {
      throw new PreflightError(
        `cannot pull ${image.reference} (${pulled.stderr.split('\n').pop()}): on stage this demo would fail. Pull on a working network, or rehearse with --offline`,
      );
    }
  }
}

async function rehearseBlock(
  block: DemoBlock,
  session: ShellSession,
  options: RehearseOptions,
  mirror: Mirror | undefined,
  engine: Engine,
  context: ClaimContext,
  results: Map<string, { command: string; result: CommandResult }[]>,
  log: RehearsalLog,
  outcome: RehearsalOutcome,
): Promise<BlockReport> {
  const report: BlockReport = {
    id: block.id,
    slide: block.slideId,
    status: 'passed',
    notRehearsed: [],
    claims: [],
  };
  const ran: { command: string; result: CommandResult }[] = [];
  results.set(block.id, ran);
  const rows: TableRow[] = [];
  const row = (command: string, exit: string, seconds: string): TableRow => ({
    script: block.script,
    block: block.name,
    slide: block.slideId,
    command,
    exit,
    seconds,
    claims: '',
  });
  for (const command of block.commands) {
    if (options.offline && needsRegistry(command.text) && !servedByMirror(command.text, mirror)) {
      report.notRehearsed.push(command.text);
      rows.push(row(command.text, 'needs a registry: not rehearsed', ''));
      continue;
    }
    if (report.failed || session.ended) {
      rows.push(row(command.text, 'not run', ''));
      continue;
    }
    log.line(`▸ ${block.id}: ${command.text.split('\n')[0]}`);
    let lastLine = '';
    const heartbeat = setInterval(
      () => log.line(`  … still running: ${lastLine.slice(0, 100)}`),
      HEARTBEAT_MS,
    );
    const result = await session
      .run(command.text, (chunk) => {
        const lines = chunk.split('\n').filter((line) => line.trim());
        lastLine = lines.pop() ?? lastLine;
      })
      .finally(() => clearInterval(heartbeat));
    ran.push({ command: command.text, result });
    rows.push(row(command.text, String(result.exitCode), (result.milliseconds / 1000).toFixed(1)));
    if (result.exitCode !== 0) {
      report.failed = command.text;
      const said = (result.stderr || result.stdout).split('\n').slice(-3).join(' / ');
      outcome.failures.push(
        `${block.id} (slide "${block.slideId}"): \`${command.text}\` exited ${result.exitCode}: ${said}. Fix: assets/examples/demo/${block.script}:${command.line}`,
      );
    }
  }
  for (const claim of CLAIMS.filter((candidate) => candidate.block === block.id)) {
    const result = await checkClaim(claim, context, engine, Boolean(report.failed));
    report.claims.push(result);
    // The claim's own slide: a claim may be checked after a later slide's block (copy-on-write).
    if (!result.ok) {
      outcome.failures.push(
        `slide "${claim.slide}": the claim "${claim.asserts}" does not hold: ${result.detail}. Fix: ${claim.fix.join(' or ')}`,
      );
    }
  }
  const failedClaims = report.claims.filter((claim) => !claim.ok);
  if (report.failed || failedClaims.length > 0) {
    report.status = 'failed';
    report.failed ??= `claim: ${failedClaims[0]!.asserts}`;
  } else if (ran.length === 0) report.status = 'not rehearsed';
  const last = rows.at(-1);
  if (last && report.claims.length > 0) {
    last.claims = failedClaims.length
      ? `✘ ${failedClaims.length}/${report.claims.length}`
      : `✔ ${report.claims.length}`;
  }
  for (const claim of report.claims) log.line(`  ${claim.ok ? '✔' : '✘'} ${claim.asserts}: ${claim.detail}`);
  outcome.rows.push(...rows);
  return report;
}

async function checkClaim(claim: Claim, context: ClaimContext, engine: Engine, blockFailed: boolean) {
  if (blockFailed)
    return { asserts: claim.asserts, ok: false, detail: 'not checked: a command of its block failed' };
  if (claim.hostOnly && !engine.onThisHost) {
    return {
      asserts: claim.asserts,
      ok: true,
      detail: 'host-only: skipped, the engine is not on this machine',
    };
  }
  try {
    return { asserts: claim.asserts, ok: true, detail: await claim.check(context) };
  } catch (error) {
    const detail =
      error instanceof ClaimFailed ? error.message : `the check itself failed: ${(error as Error).message}`;
    return { asserts: claim.asserts, ok: false, detail };
  }
}

function createClaimContext(
  engine: Engine,
  results: Map<string, { command: string; result: CommandResult }[]>,
  examplesDir: string,
): ClaimContext {
  const find = (block: string, command: string | RegExp) =>
    (results.get(block) ?? [])
      .filter((entry) =>
        typeof command === 'string' ? entry.command.includes(command) : command.test(entry.command),
      )
      .map((entry) => entry.result);
  return {
    output(block, command) {
      const [first] = find(block, command);
      if (!first) throw new ClaimFailed(`no command with "${String(command)}" ran in ${block}`);
      return first;
    },
    outputs: find,
    docker: (args) => engine.docker.run(args),
    example: (path) => readFileSync(join(examplesDir, path), 'utf8'),
    engineOnThisHost: engine.onThisHost,
    store: engine.store,
    listExport: (container) => listExport(engine.docker, container),
  };
}

function listExport(docker: DockerClient, container: string): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const exporter = spawn(docker.path, ['export', container], {
      env: docker.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tar = spawn('tar', ['-t'], { stdio: ['pipe', 'pipe', 'inherit'] });
    exporter.stdout.pipe(tar.stdin);
    let listing = '';
    tar.stdout.on('data', (chunk: Buffer) => (listing += chunk.toString()));
    tar.once('error', reject);
    tar.once('close', (code) =>
      code === 0
        ? resolvePromise(listing.split('\n').filter(Boolean))
        : reject(new Error(`tar -t exited ${code}`)),
    );
  });
}

/** The presenter's 99-cleanup.sh must leave nothing the demos made: run it, and see. */
async function checkCleanupScript(
  engine: Engine,
  before: Awaited<ReturnType<typeof readEngineState>>,
  env: NodeJS.ProcessEnv,
  demoDir: string,
  outcome: RehearsalOutcome,
  log: RehearsalLog,
) {
  log.line(`▸ ${CLEANUP_SCRIPT}: the after-talk cleanup`);
  const path = join(demoDir, CLEANUP_SCRIPT);
  const code = await new Promise<number>((resolvePromise) => {
    const child = spawn('bash', [path], { env, stdio: 'ignore' });
    child.once('close', (exit) => resolvePromise(exit ?? 1));
  });
  const left = createdSince(before, await readEngineState(engine.docker));
  const row: TableRow = {
    script: CLEANUP_SCRIPT,
    block: '-',
    slide: '-',
    command: `bash assets/examples/demo/${CLEANUP_SCRIPT}`,
    exit: String(code),
    seconds: '',
    claims: isEmpty(left) ? '✔ 1' : '✘ 1/1',
  };
  outcome.rows.push(row);
  if (!isEmpty(left)) {
    outcome.failures.push(
      `${CLEANUP_SCRIPT} leaves what the demos made: ${describeState(left)}. Fix: assets/examples/demo/${CLEANUP_SCRIPT}`,
    );
  }
}
