import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { rmSync } from 'node:fs';
import { claimFailureLine, type ClaimContext } from './claim-types.ts';
import { checkClaim, createClaimContext } from './claim-context.ts';
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
import { createEvidenceContext, recordCommands, writeEngineEvidence } from './claim-evidence.ts';
import { needsRegistry } from './needs-registry.ts';
import type { RehearseOptions } from './options.ts';
import { checkEngine, checkPorts, PreflightError, type Engine } from './preflight.ts';
import { createRecordingTerminal, type DemoTerminal } from './record/recorder.ts';
import { createBlockCast, recordingPath, writeRecording } from './record/recordings.ts';
import {
  engineKey,
  engineLabel,
  REHEARSAL_DIR,
  scriptHash,
  writeEngineReport,
  type BlockReport,
  type EngineIdentity,
} from './report.ts';
import { startShellSession } from './shell-session.ts';
import { DEMO_TERMINAL } from '../cast/terminal.ts';
import type { Cast } from '../cast/asciicast.ts';
import type { CommandResult } from './claim-types.ts';
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

/** Opens the terminal a demo script is typed into; `$0` is `scriptPath`. */
export type OpenDemoTerminal = (scriptPath: string, env: NodeJS.ProcessEnv, cwd: string) => DemoTerminal;

/** The rehearsal's own: a pseudo-terminal of the pane's size, each block recorded. */
export const openRecordingTerminal: OpenDemoTerminal = (scriptPath, env, cwd) =>
  createRecordingTerminal(startShellSession(scriptPath, env, cwd, DEMO_TERMINAL), DEMO_TERMINAL);

/** What a block's recording needs besides its events. */
interface RecordingContext {
  engine: EngineIdentity;
  scriptHash: string;
  /** Written with the report, so an interrupted rehearsal leaves the last recordings as they were. */
  casts: Map<string, Cast>;
}

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
  openTerminal: OpenDemoTerminal = openRecordingTerminal,
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
  const rehearsalDir = options.rehearsalDir ?? REHEARSAL_DIR;
  const engine = await checkEngine(env);
  const identity = identify(engine);
  const casts = new Map<string, Cast>();
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
  const engineContext = createClaimContext(engine, results, examplesDir);
  const recorder = options.evidenceTo ? createEvidenceContext(engineContext) : undefined;
  const context = recorder?.context ?? engineContext;
  // Started last before the demos, so the finally below always stops it.
  const mirror = options.offline
    ? await startMirror(engine.docker, engineKey(engine.version, engine.store), TALK_IMAGES, (message) => {
        log.line(message);
        outcome.notes.push(message);
      })
    : undefined;
  let session: DemoTerminal | undefined;
  const abort = () => void session?.close();
  signal.addEventListener('abort', abort);
  try {
    for (const { script, source } of scripts) {
      if (signal.aborted) break;
      session = openTerminal(join(workDir, 'demo', script.file), sessionEnv, workDir);
      for (const command of script.preamble) {
        const result = await session.run(command.text);
        if (result.exitCode !== 0) {
          outcome.failures.push(
            `${script.file}:${command.line}: the set-up line \`${command.text}\` exited ${result.exitCode}: ${result.output}`,
          );
        }
      }
      const recording: RecordingContext = { engine: identity, scriptHash: scriptHash(source), casts };
      for (const block of script.blocks) {
        if (signal.aborted) break;
        outcome.blocks.push(
          await rehearseBlock(
            block,
            session,
            options,
            mirror,
            engine,
            context,
            results,
            log,
            outcome,
            recording,
          ),
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
  if (recorder && options.evidenceTo && !outcome.interrupted) {
    // Fixtures are output on which every claim held: a failing run records nothing.
    if (outcome.failures.length > 0) log.line('not recorded: the rehearsal did not pass');
    else {
      const path = await writeEngineEvidence(options.evidenceTo, {
        engine: engineKey(engine.version, engine.store),
        recordedAt: new Date().toISOString(),
        store: engine.store,
        engineOnThisHost: engine.onThisHost,
        blocks: recordCommands(results),
        ...recorder.recorded(),
      });
      log.line(`recorded the engine's output for the claims' tests: ${path}`);
    }
  }
  if (!outcome.interrupted) {
    // The recordings first: a report never names a recording that is not there yet.
    for (const [path, cast] of casts) await writeRecording(rehearsalDir, path, cast);
    await writeEngineReport(
      {
        finishedAt: new Date().toISOString(),
        engine: identity,
        offline: options.offline,
        scripts: Object.fromEntries(scripts.map(({ script, source }) => [script.file, scriptHash(source)])),
        blocks: outcome.blocks,
      },
      join(rehearsalDir, 'report.json'),
    );
  }
  return outcome;
}

/** For the progress line: what a command printed last, without colours and cursor moves. */
function stripAnsi(text: string): string {
  return text.replace(new RegExp(String.raw`\u001b(\[[0-9;?]*[ -/]*[@-~]|\][^\u0007]*\u0007|.)`, 'g'), '');
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
  session: DemoTerminal,
  options: RehearseOptions,
  mirror: Mirror | undefined,
  engine: Engine,
  context: ClaimContext,
  results: Map<string, { command: string; result: CommandResult }[]>,
  log: RehearsalLog,
  outcome: RehearsalOutcome,
  recording: RecordingContext,
): Promise<BlockReport> {
  const report: BlockReport = {
    id: block.id,
    slide: block.slideId,
    status: 'passed',
    notRehearsed: [],
    claims: [],
    steps: [],
  };
  const startedAt = new Date();
  session.beginBlock();
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
        const lines = stripAnsi(chunk)
          .split(/[\r\n]/)
          .filter((line) => line.trim());
        lastLine = lines.pop() ?? lastLine;
      })
      .finally(() => clearInterval(heartbeat));
    ran.push({ command: command.text, result });
    report.steps!.push({ command: command.text, exitCode: result.exitCode, screen: result.output });
    rows.push(row(command.text, String(result.exitCode), (result.milliseconds / 1000).toFixed(1)));
    if (result.exitCode !== 0) {
      report.failed = command.text;
      const said = result.output.split('\n').slice(-3).join(' / ');
      outcome.failures.push(
        `${block.id} (slide "${block.slideId}"): \`${command.text}\` exited ${result.exitCode}: ${said}. Fix: assets/examples/demo/${block.script}:${command.line}`,
      );
    }
  }
  const events = await session.endBlock();
  if (events) {
    const path = recordingPath(recording.engine.key, block.id);
    const origin = {
      block: block.id,
      slide: block.slideId,
      engine: `Docker ${engineLabel(recording.engine)}`,
      engineKey: recording.engine.key,
      scriptHash: recording.scriptHash,
      recordedAt: startedAt.toISOString(),
      steps: report.steps!.map(({ command, exitCode }) => ({ command, exitCode })),
    };
    recording.casts.set(path, createBlockCast(origin, DEMO_TERMINAL, startedAt, events));
    report.recording = path;
  }
  for (const claim of CLAIMS.filter((candidate) => candidate.block === block.id)) {
    const result = await checkClaim(claim, context, {
      blockFailed: Boolean(report.failed),
      onThisHost: engine.onThisHost,
    });
    report.claims.push(result);
    // The claim's own slide: a claim may be checked after a later slide's block (copy-on-write).
    if (!result.ok) {
      outcome.failures.push(claimFailureLine(claim, result.detail));
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
