import type { CastEvent, CastEventCode, CastHeader } from '../cast/asciicast.ts';
import { DEMO_TERMINAL } from '../cast/terminal.ts';
import type { DemoBlock, DemoScript } from '../rehearse/demo-script.ts';
import { createScreen, type Screen } from '../rehearse/record/screen.ts';
import type { LiveStep } from './claims.ts';
import type { FallbackReason, LiveControl } from './protocol.ts';
import { startScriptShell, type ScriptShell } from './script-shell.ts';

/** A frame to the page: an asciicast v3 header or event, or a control object. */
export type LiveFrame = CastHeader | CastEvent | LiveControl;

/** The longest a command takes to appear, typed. */
const MAX_TYPING_MS = 1500;

/** A demo script as the runner loaded it at start. */
export interface LoadedScript {
  script: DemoScript;
  path: string;
}

export interface SessionOptions {
  scripts: readonly LoadedScript[];
  /** The fixed working folder of every shell: the examples folder. */
  cwd: string;
  /** The whole environment of the shells (see `cleanEnvironment`). */
  env: Record<string, string>;
  stepTimeoutMs: number;
  /** Per typed character of the command shown before it runs; 0 shows it at once. */
  typingDelayMs: number;
  /** Whether the engine answers now (asked after a step fails, and before a block starts). */
  engineAnswers(): Promise<boolean>;
  /**
   * After a block's last command: what of the rehearsal's claims for it does not hold, judged on
   * what this terminal showed (undefined: they hold). Without it, no claim is checked.
   */
  checkClaims?(block: string, steps: LiveStep[]): Promise<string | undefined>;
  /** One line per step run, for the terminal that started `present`. */
  log(line: string): void;
  send(frame: LiveFrame): void;
}

export interface LiveSession {
  /** Step 0: the block's shell is made ready. Step N: its Nth command runs. Calls are queued. */
  run(block: string, step: number): Promise<void>;
  /** The slide was left: the running step's processes end; queued steps are dropped. */
  leave(): Promise<void>;
  /** The socket closed or the runner stops: every shell ends. */
  close(): Promise<void>;
}

/**
 * Runs the demo blocks a page asks for, one step at a time, and streams the terminal to it as
 * asciicast v3. The guard has already decided the request may run (known block, in order,
 * script unchanged); this is only how it runs: the commands come from the scripts as loaded.
 */
export function createLiveSession(options: SessionOptions): LiveSession {
  const blocks = new Map<string, { block: DemoBlock; loaded: LoadedScript }>();
  for (const loaded of options.scripts) {
    for (const block of loaded.script.blocks) blocks.set(block.id, { block, loaded });
  }
  let shell: ScriptShell | undefined;
  let shellScript: string | undefined;
  let queue: Promise<void> = Promise.resolve();
  /** Bumped by leave/close: queued work of an older generation does nothing. */
  let generation = 0;
  let closed = false;
  const fellBack = new Set<string>();
  let lastEvent = performance.now();

  /** The block's terminal as the page shows it, for the claims: what each command printed. */
  let screen: Screen | undefined;
  let steps: LiveStep[] = [];
  const emit = (code: CastEventCode, data: string) => {
    if (code === 'o') screen?.write(data);
    const now = performance.now();
    const interval = Math.max(0, (now - lastEvent) / 1000);
    lastEvent = now;
    options.send([Number(interval.toFixed(6)), code, data]);
  };

  const endShell = async () => {
    const ending = shell;
    shell = undefined;
    shellScript = undefined;
    await ending?.kill();
  };

  const fallback = (block: string, step: number, reason: FallbackReason, detail: string) => {
    fellBack.add(block);
    options.send({
      type: 'fallback',
      block,
      step,
      reason,
      message: `fall back to the recording at step ${step}: ${reason}${detail ? ` (${detail})` : ''}`,
    });
    options.log(
      `live  ${block} step ${step}: falling back to the recording: ${reason}${detail ? ` (${detail})` : ''}`,
    );
  };

  const shellFor = async (loaded: LoadedScript): Promise<{ ok: true } | { ok: false; detail: string }> => {
    if (shell && !shell.ended && shellScript === loaded.script.file) return { ok: true };
    await endShell();
    shell = startScriptShell({
      scriptPath: loaded.path,
      cwd: options.cwd,
      env: options.env,
      cols: DEMO_TERMINAL.cols,
      rows: DEMO_TERMINAL.rows,
    });
    shellScript = loaded.script.file;
    // The script's set-up lines (`set -euo pipefail`, `cd`, `source demo/lib.sh`), unseen.
    for (const command of loaded.script.preamble) {
      const result = await shell.run(command.text, () => undefined);
      if (result.status !== 0 || result.shellEnded) {
        return { ok: false, detail: `the set-up line \`${command.text}\` exited ${result.status}` };
      }
    }
    return { ok: true };
  };

  const startBlock = (block: DemoBlock) => {
    lastEvent = performance.now();
    screen?.dispose();
    // Only the claims read it: without a check, no terminal is kept beside the stream.
    screen = options.checkClaims ? createScreen(DEMO_TERMINAL) : undefined;
    steps = [];
    const header: CastHeader = {
      version: 3,
      term: {
        cols: DEMO_TERMINAL.cols,
        rows: DEMO_TERMINAL.rows,
        type: options.env.TERM ?? 'xterm-256color',
      },
      timestamp: Math.floor(Date.now() / 1000),
      title: block.id,
    };
    options.send(header);
  };

  /** The block whose header was sent and whose shell is ready. */
  let current: string | undefined;
  /** The block the page asked for last (set at once, while the queue may still run another). */
  let requested: string | undefined;

  const prepare = async (id: string, block: DemoBlock, loaded: LoadedScript, step: number) => {
    startBlock(block);
    current = id;
    fellBack.delete(id);
    if (!(await options.engineAnswers())) {
      fallback(id, step, 'engine not answering', `no answer from ${options.env.DOCKER_HOST}`);
      return;
    }
    const ready = await shellFor(loaded);
    if (!ready.ok) {
      await endShell();
      fallback(id, step, 'shell ended', ready.detail);
    }
  };

  const runStep = async (id: string, step: number, mine: number) => {
    const entry = blocks.get(id);
    if (!entry || closed || mine !== generation) return;
    const { block, loaded } = entry;
    if (step === 0 || current !== id) await prepare(id, block, loaded, step);
    if (step === 0 || mine !== generation) return;
    if (fellBack.has(id)) {
      fallback(id, step, 'shell ended', 'an earlier step of this block fell back');
      return;
    }
    const command = block.commands[step - 1];
    if (!command || !shell) return;
    const running = shell;
    // Labelled with the command, as the rehearsal's recordings are: one pane, one kind of step.
    emit('m', command.text);
    await typeCommand(command.text, mine);
    if (mine !== generation) return;
    await screen?.settled();
    const mark = screen?.mark();
    const started = performance.now();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void running.kill();
    }, options.stepTimeoutMs);
    const result = await running
      .run(command.text, (text) => emit('o', text))
      .finally(() => clearTimeout(timer));
    const seconds = (performance.now() - started) / 1000;
    const firstLine = command.text.split('\n')[0] ?? command.text;
    if (mine !== generation) {
      options.log(
        `live  ${id} step ${step}: ${firstLine} → ended: the slide was left (${seconds.toFixed(1)} s)`,
      );
      return;
    }
    options.log(
      `live  ${id} step ${step}: ${firstLine} → ${timedOut ? 'timed out' : `exit ${result.status}`} (${seconds.toFixed(1)} s)`,
    );
    if (result.shellEnded) {
      emit('x', String(result.status));
      if (shell === running) {
        shell = undefined;
        shellScript = undefined;
      }
    }
    if (timedOut) {
      fallback(id, step, 'step timed out', `after ${Number((options.stepTimeoutMs / 1000).toFixed(1))} s`);
    } else if (result.status !== 0) {
      const answers = await options.engineAnswers();
      if (!answers) fallback(id, step, 'engine not answering', `no answer from ${options.env.DOCKER_HOST}`);
      else fallback(id, step, 'non-zero exit', `exit ${result.status}`);
    } else {
      options.send({ type: 'step-done', block: id, step, seconds: Number(seconds.toFixed(3)) });
      if (screen && mark && options.checkClaims) {
        await screen.settled();
        const output = screen.textFrom(mark);
        steps.push({ command: command.text, result: { exitCode: 0, output, milliseconds: seconds * 1000 } });
        if (step === block.commands.length && mine === generation) {
          const failed = await options.checkClaims(id, steps);
          if (failed !== undefined) fallback(id, step, 'claim failed', failed);
          else options.log(`live  ${id}: its claims hold`);
        }
      }
    }
  };

  /** The prompt and the command, a character at a time, as if typed. */
  const typeCommand = async (text: string, mine: number) => {
    emit('o', '$ ');
    const typed = text.replaceAll('\n', '\n> ');
    // A long command is typed faster: the audience waits at most about 1.5 s for it.
    const delay = Math.min(options.typingDelayMs, MAX_TYPING_MS / typed.length);
    for (const char of typed) {
      if (mine !== generation) return;
      emit('o', char === '\n' ? '\r\n' : char);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    }
    emit('o', '\r\n');
  };

  const interrupt = async () => {
    generation += 1;
    current = undefined;
    // A step that runs now ends with its process group, and the shell with it.
    if (shell?.running) await endShell();
  };

  return {
    run(block, step) {
      // Another block while a step runs: the presenter moved on, that step ends now.
      const movedOn = requested !== undefined && requested !== block;
      requested = block;
      const interrupted = movedOn ? interrupt() : Promise.resolve();
      const mine = generation;
      queue = queue
        .then(() => interrupted)
        .then(() => runStep(block, step, mine))
        .catch((error: Error) => {
          options.log(`live  ${block} step ${step}: the runner failed: ${error.message}`);
          fallback(block, step, 'shell ended', error.message);
        });
      return queue;
    },
    async leave() {
      requested = undefined;
      await interrupt();
    },
    async close() {
      closed = true;
      generation += 1;
      await endShell();
      await queue.catch(() => undefined);
      screen?.dispose();
    },
  };
}
