/**
 * `npm run bench [-- --rounds N] [--only deck,transfer,pane,export,rehearse,record]`: medians of N alternated runs in
 * one process, and ratios against a baseline measured the same way. Not a test: machines here
 * are noisy, so read the ratios, not the milliseconds.
 */
import { parseArgs } from 'node:util';
import { buildVariant } from '../src/bench/builds.ts';
import { measureDeckTimes, measureSpeakerViewReady } from '../src/bench/deck-timing.ts';
import { measureExport, measureRawChromiumPrint } from '../src/bench/export-timing.ts';
import { measureOfflineRehearsal, removeStandIns } from '../src/bench/rehearsal-timing.ts';
import { engineEnvs } from '../src/rehearse/engine-env.ts';
import { checkEngine } from '../src/rehearse/preflight.ts';
import {
  measureRehearsalWith,
  measureSession,
  openPipeTerminal,
  openRecordingTerminal,
} from '../src/bench/recording-timing.ts';
import { alternate, formatMs, median } from '../src/bench/stats.ts';
import { measureTransfer } from '../src/bench/transfer.ts';
import { measureFirstStep } from '../src/bench/pane-timing.ts';
import { launchBrowser } from '../src/export/launch.ts';
import { serveStatic } from '../src/export/serve.ts';

const SECTIONS = ['deck', 'transfer', 'pane', 'export', 'rehearse', 'record'] as const;
const USAGE = `usage: npm run bench -- [--rounds N] [--only ${SECTIONS.join(',')}]   (N >= 1, default 7)`;

function parse(): { rounds: number; only: Set<string> } {
  try {
    const { values } = parseArgs({
      options: { rounds: { type: 'string', default: '7' }, only: { type: 'string' } },
    });
    const rounds = Number(values.rounds);
    const only = new Set(values.only?.split(',') ?? SECTIONS);
    if (
      Number.isInteger(rounds) &&
      rounds >= 1 &&
      [...only].every((name) => (SECTIONS as readonly string[]).includes(name))
    ) {
      return { rounds, only };
    }
  } catch (error) {
    console.error((error as Error).message);
  }
  console.error(USAGE);
  process.exit(2);
}

function line(name: string, value: string): void {
  console.log(`  ${name.padEnd(48)} ${value}`);
}

function ratio(name: string, value: number, target: number | null): void {
  const verdict = target === null ? '' : `  (target <= ${target}x: ${value <= target ? 'met' : 'MISSED'})`;
  line(name, `${value.toFixed(2)}x${verdict}`);
}

const { rounds, only } = parse();
console.log(`docker-talk bench: ${rounds} alternated rounds per measurement`);
const withDiagrams =
  only.has('deck') || only.has('transfer') || only.has('export') ? await buildVariant('deck') : '';

if (only.has('deck') || only.has('transfer')) {
  const withoutDiagrams = await buildVariant('deck-without-diagrams', { withoutDiagrams: true });
  const [deck, baseline] = await Promise.all([serveStatic(withDiagrams), serveStatic(withoutDiagrams)]);
  const browser = await launchBrowser();
  try {
    if (only.has('deck')) {
      const samples = await alternate(rounds, {
        baseline: () => measureDeckTimes(browser, baseline.url),
        deck: () => measureDeckTimes(browser, deck.url),
        speaker: async () => ({
          ready: await measureSpeakerViewReady(browser, deck.url),
          allDiagrams: Number.NaN,
        }),
      });
      const base = median(samples.baseline!.map((s) => s.ready));
      const full = median(samples.deck!.map((s) => s.ready));
      const fullAll = median(samples.deck!.map((s) => s.allDiagrams));
      const speaker = median(samples.speaker!.map((s) => s.ready));
      console.log('\ntime to ready, cold (median)');
      line('deck with its diagrams replaced by text', formatMs(base));
      line('deck with diagrams: ready to present', formatMs(full));
      line('deck with diagrams: every diagram drawn', formatMs(fullAll));
      line('speaker view: S pressed to both frames ready', formatMs(speaker));
      console.log('ratios');
      ratio('diagrams / no diagrams (ready)', full / base, 2);
      ratio('diagrams / no diagrams (every diagram drawn)', fullAll / base, null);
      ratio('speaker view / main deck', speaker / full, 1.5);
    }
    if (only.has('transfer')) {
      const transfer = await measureTransfer(browser, deck.url, withDiagrams);
      const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
      const met = (bytes: number, limit: number) => (bytes <= limit * 1024 ? 'met' : 'MISSED');
      console.log('\ntransfer size of a first visit, gzip');
      line(
        'before the title slide shows (ready)',
        `${kib(transfer.beforeReady)}  (target <= 200 KiB: ${met(transfer.beforeReady, 200)})`,
      );
      line(
        'the whole talk, every diagram drawn',
        `${kib(transfer.total)}  (target <= 600 KiB: ${met(transfer.total, 600)})`,
      );
      for (const file of [...transfer.files].sort((a, b) => b.gzip - a.gzip).slice(0, 6)) {
        line(`  ${file.path}`, `${kib(file.gzip)}${file.beforeReady ? '  (before ready)' : ''}`);
      }
    }
  } finally {
    await browser.close();
    await Promise.all([deck.close(), baseline.close()]);
  }
}

if (only.has('pane')) {
  // The fixture deck's recordings (made in a real terminal): the talk's own come from a rehearsal.
  const fixture = 'tests/fixtures/decks/demo-pane';
  const paneDeck = await buildVariant('demo-pane', {
    slidesDir: fixture,
    demos: { demoDir: `${fixture}/demo`, reportPath: 'tests/fixtures/demo-pane/report.json' },
  });
  const server = await serveStatic(paneDeck);
  const browser = await launchBrowser();
  try {
    const samples = await alternate(rounds, {
      // On the slide's own step: the next press runs the demo's first command.
      first: () => measureFirstStep(browser, `${server.url}#/listing/0`),
    });
    const first = median(samples.first!);
    console.log('\ndemo pane (recorded)');
    line(
      'press to the first command on the screen (median)',
      `${formatMs(first)}  (target <= 300 ms: ${first <= 300 ? 'met' : 'MISSED'})`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

if (only.has('export')) {
  // Each export launches its own browser, alternated with a raw Chromium print of the same page.
  const root = process.cwd();
  const small = await buildVariant('synthetic-20', { slidesDir: 'tests/fixtures/decks/synthetic-20' });
  const large = await buildVariant('synthetic-200', { slidesDir: 'tests/fixtures/decks/synthetic-200' });
  const exportRounds = Math.max(3, Math.ceil(rounds / 2));
  const samples = await alternate(exportRounds, {
    raw: () => measureRawChromiumPrint(withDiagrams, 'print-pdf&pdfSeparateFragments=false&margin=0'),
    slides: () => measureExport(root, withDiagrams, ['slides']),
    all: () => measureExport(root, withDiagrams),
    small: () => measureExport(root, small),
    large: () => measureExport(root, large),
  });
  const seconds = (name: string) => median(samples[name]!);
  console.log(`\nexport, seconds (median of ${exportRounds}; diagram SVGs cached from the previous export)`);
  line('raw chromium --print-to-pdf of ?print-pdf', `${seconds('raw').toFixed(2)} s`);
  line('slides.pdf (the talk)', `${seconds('slides').toFixed(2)} s`);
  line('all five PDFs (the talk)', `${seconds('all').toFixed(2)} s`);
  line('all five PDFs, synthetic 20 slides', `${seconds('small').toFixed(2)} s`);
  line('all five PDFs, synthetic 200 slides', `${seconds('large').toFixed(2)} s`);
  console.log('ratios');
  ratio('slides.pdf / raw chromium print', seconds('slides') / seconds('raw'), 1.3);
  ratio('all five PDFs / raw chromium print', seconds('all') / seconds('raw'), 3);
  ratio('200 slides / 20 slides', seconds('large') / seconds('small'), 11);
}

if (only.has('rehearse')) {
  // Whole rehearsals take about a minute each: the first builds the stand-ins, the rest reuse
  // them. Each engine TALK_ENGINES lists (scripts/engines.sh), or the one DOCKER_HOST names.
  for (const candidate of engineEnvs()) {
    if ('missing' in candidate) {
      console.log(`\nrehearsal on ${candidate.source}: skipped, ${candidate.missing}`);
      continue;
    }
    const { env } = candidate;
    const engine = await checkEngine(env);
    const removed = await removeStandIns(env);
    const first = await measureOfflineRehearsal(env);
    const cachedRounds = Math.min(rounds, 3);
    const cached = [];
    for (let round = 0; round < cachedRounds; round += 1) cached.push(await measureOfflineRehearsal(env));
    const problems = [first, ...cached].reduce((sum, run) => sum + run.problems, 0);
    const median_ = median(cached.map((run) => run.seconds));
    const label = `Engine ${engine.version} (${engine.store.kind === 'containerd' ? 'containerd store' : engine.store.driver})`;
    console.log(
      `\nrehearsal, offline, ${label}, seconds (${problems} problems over ${cachedRounds + 1} runs)`,
    );
    line(`first run: ${removed} stand-in images built`, `${first.seconds.toFixed(1)} s`);
    line(
      `stand-ins cached (median of ${cachedRounds})`,
      `${median_.toFixed(1)} s  (target <= 180 s: ${median_ <= 180 ? 'met' : 'MISSED'})`,
    );
  }
}

if (only.has('record')) {
  // What recording costs: the same commands in a pseudo-terminal with the screen and the
  // recording, against plain pipes (the rehearsal before it recorded); first without an engine,
  // then whole offline rehearsals, alternated.
  const sessions = await alternate(rounds, {
    pipes: () => measureSession(openPipeTerminal),
    recorded: () => measureSession(openRecordingTerminal),
  });
  const pipes = median(sessions.pipes!.map((sample) => sample.ms));
  const recorded = median(sessions.recorded!.map((sample) => sample.ms));
  const commands = sessions.pipes![0]!.commands;
  console.log(`\nrecording, one terminal session of ${commands} commands (median of ${rounds}, no engine)`);
  line('pipes, no terminal, no recording', formatMs(pipes));
  line('pseudo-terminal, screen text, recording', formatMs(recorded));
  line('added per command', `${((recorded - pipes) / commands).toFixed(2)} ms`);
  const rehearsalRounds = Math.min(rounds, 3);
  const rehearsals = await alternate(rehearsalRounds, {
    pipes: () => measureRehearsalWith(openPipeTerminal),
    recorded: () => measureRehearsalWith(openRecordingTerminal),
  });
  const all = [...rehearsals.pipes!, ...rehearsals.recorded!];
  const without = median(rehearsals.pipes!.map((run) => run.seconds));
  const withRecording = median(rehearsals.recorded!.map((run) => run.seconds));
  console.log(
    `recording, whole offline rehearsals, seconds (median of ${rehearsalRounds}; ${all.reduce((sum, run) => sum + run.problems, 0)} problems over ${all.length} runs)`,
  );
  line('without recording (pipes)', `${without.toFixed(1)} s`);
  line('with recording', `${withRecording.toFixed(1)} s`);
  console.log('ratios');
  ratio('session: recorded / pipes', recorded / pipes, null);
  ratio('rehearsal: with recording / without', withRecording / without, 1.2);
}
