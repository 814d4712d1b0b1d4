import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStaleRecording, parseCast, type Cast } from '../../src/cast/asciicast.ts';
import { validateRecording } from '../../src/cast/validate.ts';
import { parseDemoScript } from '../../src/rehearse/demo-script.ts';
import { parseReport, type EngineReport } from '../../src/rehearse/report.ts';
import { runRehearsal, type RehearsalOutcome } from '../../src/rehearse/run-rehearsal.ts';
import { rehearsalEngines } from '../support/docker-engine.ts';

/**
 * The recordings of a real offline rehearsal (01-images and 02-builds) on each engine the
 * rehearsal tests run on (TALK_ENGINES, or DOCKER_HOST): one per block that ran, where the pane looks for it, each a valid asciicast v3 whose
 * markers are the block's commands and whose exit codes are the report's, and whose replay shows
 * what the claims read.
 */
const SCRIPTS = ['01-images', '02-builds'];
const engines = await rehearsalEngines();

/** Logical lines (wrapped rows joined) of the terminal after replaying `cast` up to marker `before`. */
async function replayUntil(cast: Cast, before: number): Promise<string[]> {
  const { cols, rows } = cast.header.term;
  const terminal = new xterm.Terminal({ cols, rows, scrollback: 20_000, allowProposedApi: true });
  let markers = 0;
  for (const [, code, data] of cast.events) {
    if (code === 'm' && markers++ === before) break;
    if (code === 'o') await new Promise<void>((done) => terminal.write(data, done));
  }
  const buffer = terminal.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y += 1) {
    const line = buffer.getLine(y)!;
    const text = line.translateToString(!buffer.getLine(y + 1)?.isWrapped);
    if (line.isWrapped) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  terminal.dispose();
  return lines.map((line) => line.trimEnd());
}

describe.skipIf(engines.length === 0).each(engines)(
  'the recordings of npm run rehearse -- --offline on $label',
  ({ env }) => {
    const dir = mkdtempSync(join(tmpdir(), 'docker-talk-recordings-'));
    let outcome: RehearsalOutcome;
    let report: EngineReport;
    const casts = new Map<string, Cast>();
    const scripts = SCRIPTS.map((name) => {
      const source = readFileSync(`assets/examples/demo/${name}.sh`, 'utf8');
      return { name, source, parsed: parseDemoScript(`${name}.sh`, source) };
    });
    const blocks = scripts.flatMap(({ parsed }) => parsed.blocks);

    beforeAll(async () => {
      outcome = await runRehearsal(
        { offline: true, only: SCRIPTS, rehearsalDir: dir },
        { line: () => {} },
        new AbortController().signal,
        env,
      );
      const engines = Object.values(parseReport(readFileSync(join(dir, 'report.json'), 'utf8')).engines);
      expect(engines).toHaveLength(1);
      report = engines[0]!;
      for (const block of report.blocks) {
        if (block.recording) {
          casts.set(block.id, parseCast(readFileSync(join(dir, block.recording), 'utf8'), block.recording));
        }
      }
    }, 300_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('ran every command of the two scripts (the registry-only ones aside)', () => {
      expect(outcome.interrupted).toBe(false);
      const failedCommands = outcome.failures.filter((failure) => / exited \d+/.test(failure));
      expect(failedCommands).toEqual([]);
      expect(report.blocks.map((block) => block.id)).toEqual(blocks.map((block) => block.id));
    });

    it('writes one recording per block that ran, at recordings/<engine>/<script>/<block>.cast, and nothing else', () => {
      const key = report.engine.key;
      // A block none of whose commands ran (01-images/index asks a registry itself) has nothing to replay.
      const recorded = report.blocks.filter((block) => block.recording).map((block) => block.id);
      const ran = blocks.filter((block) => {
        const left = report.blocks.find((candidate) => candidate.id === block.id)!.notRehearsed;
        return block.commands.some((command) => !left.includes(command.text));
      });
      expect(recorded).toEqual(ran.map((block) => block.id));
      expect(recorded).not.toContain('01-images/index');
      for (const block of report.blocks.filter((candidate) => candidate.recording)) {
        const [script, name] = block.id.split('/');
        expect(block.recording).toBe(`recordings/${key}/${script}/${name}.cast`);
        expect(existsSync(join(dir, block.recording!))).toBe(true);
      }
      // Written through a temp file and renamed: no temp file is left.
      const files = readdirSync(join(dir, 'recordings', key), { recursive: true }).map(String);
      expect(files.filter((file) => file.endsWith('.cast'))).toHaveLength(recorded.length);
      expect(files.filter((file) => file.includes('.tmp'))).toEqual([]);
    });

    it('each recording is valid: monotonic, a marker per command in order, exit codes as the report has them', () => {
      for (const block of report.blocks.filter((candidate) => candidate.recording)) {
        const source = blocks.find((candidate) => candidate.id === block.id)!;
        const problems = validateRecording(casts.get(block.id)!, {
          size: { cols: 96, rows: 14 },
          blockCommands: source.commands.map((command) => command.text),
          steps: block.steps!.map(({ command, exitCode }) => ({ command, exitCode })),
        });
        expect(problems, block.id).toEqual([]);
      }
      // Spelled out for two blocks, from the script as written.
      const history = casts.get('01-images/history')!;
      expect(history.events.filter(([, code]) => code === 'm').map(([, , label]) => label)).toEqual([
        'docker image history hello-layers',
        "docker image inspect hello-layers --format '{{json .RootFS.Layers}}'",
        "docker image inspect hello-layers --format '{{json .Config.Env}} {{json .Config.Cmd}}'",
      ]);
      expect(history.events.at(-1)).toEqual([expect.any(Number), 'x', '0']);
      // A command left out offline (a pull no mirror serves) has no marker; the others keep their order.
      const tags = casts.get('01-images/tags')!;
      const notRun = report.blocks.find((block) => block.id === '01-images/tags')!.notRehearsed;
      expect(tags.events.filter(([, code]) => code === 'm').map(([, , label]) => label)).toEqual(
        ['docker pull alpine:3.24', 'docker image ls --digests alpine'].filter(
          (command) => !notRun.includes(command),
        ),
      );
    });

    it('names the block, its slide, the engine and the script it was made from; fresh now, stale when the script changes', () => {
      for (const { name, source, parsed } of scripts) {
        const hash = createHash('sha256').update(source).digest('hex');
        for (const block of parsed.blocks.filter((candidate) => casts.has(candidate.id))) {
          const header = casts.get(block.id)!.header;
          expect(header.term).toEqual({ cols: 96, rows: 14, type: 'xterm-256color' });
          expect(header.docker_talk).toMatchObject({
            block: block.id,
            slide: block.slideId,
            engineKey: report.engine.key,
            scriptHash: hash,
          });
          expect(header.docker_talk!.engine).toMatch(
            /^Docker Engine \d+\.\d+\.\d+ \((overlay2|containerd store)\)$/,
          );
          expect(Date.parse(header.docker_talk!.recordedAt)).toBeGreaterThan(Date.now() - 600_000);
          expect(isStaleRecording(header, hash), `${name}: ${block.id}`).toBe(false);
          const edited = createHash('sha256').update(`${source}\necho one more\n`).digest('hex');
          expect(isStaleRecording(header, edited)).toBe(true);
        }
      }
    });

    it('shows what the claims read: each step’s screen text is on the replayed terminal before the next marker', async () => {
      let checked = 0;
      for (const block of report.blocks.filter((candidate) => candidate.recording)) {
        const cast = casts.get(block.id)!;
        for (const [index, step] of block.steps!.entries()) {
          if (step.screen === '') continue;
          const shown = (await replayUntil(cast, index + 1)).join('\n');
          expect(shown, `${block.id}: ${step.command}`).toContain(step.screen);
          checked += 1;
        }
      }
      // The plain-progress build's CACHED lines are among what the claims read (02-builds/cache).
      const cache = report.blocks.find((block) => block.id === '02-builds/cache')!;
      const plain = cache.steps!.find((step) => step.command.includes('--progress=plain'))!;
      expect(plain.screen).toMatch(/^#\d+ CACHED$/m);
      expect(plain.screen).not.toContain('\u001b');
      expect(checked).toBeGreaterThan(15);
    }, 120_000);
  },
);
