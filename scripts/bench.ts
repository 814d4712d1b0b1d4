/**
 * `npm run bench [-- --rounds N]`: medians of N alternated runs in one process, and ratios
 * against a baseline measured the same way. Not a test: machines here are noisy, so read the
 * ratios, not the milliseconds.
 */
import { parseArgs } from 'node:util';
import { buildVariant } from '../src/bench/builds.ts';
import { measureDeckTimes, measureSpeakerViewReady } from '../src/bench/deck-timing.ts';
import { measureExport, measureRawChromiumPrint } from '../src/bench/export-timing.ts';
import { alternate, formatMs, median } from '../src/bench/stats.ts';
import { launchBrowser } from '../src/export/launch.ts';
import { serveStatic } from '../src/export/serve.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: npm run bench -- [--rounds N]   (N >= 1, default 7)');
  process.exit(2);
}

function report(title: string, rows: [string, number, number | null][]): void {
  console.log(`\n${title}`);
  for (const [name, value, target] of rows) {
    const verdict =
      target === null
        ? ''
        : value <= target
          ? `  (target <= ${target}x: met)`
          : `  (target <= ${target}x: MISSED)`;
    console.log(`  ${name.padEnd(44)} ${value.toFixed(2)}x${verdict}`);
  }
}

console.log(`docker-talk bench: ${rounds} alternated rounds per measurement`);
const withDiagrams = await buildVariant('deck');
const withoutDiagrams = await buildVariant('deck-without-diagrams', { withoutDiagrams: true });
const servers = await Promise.all([serveStatic(withDiagrams), serveStatic(withoutDiagrams)]);
const [deck, baseline] = servers;
const browser = await launchBrowser();
try {
  const samples = await alternate(rounds, {
    baseline: () => measureDeckTimes(browser, baseline!.url),
    deck: () => measureDeckTimes(browser, deck!.url),
    speaker: async () => ({
      ready: await measureSpeakerViewReady(browser, deck!.url),
      allDiagrams: Number.NaN,
    }),
  });
  const base = median(samples.baseline!.map((s) => s.ready));
  const full = median(samples.deck!.map((s) => s.ready));
  const fullAll = median(samples.deck!.map((s) => s.allDiagrams));
  const speaker = median(samples.speaker!.map((s) => s.ready));
  console.log('\ntime to ready, cold (median)');
  console.log(`  ${'deck with its diagrams replaced by text'.padEnd(44)} ${formatMs(base)}`);
  console.log(`  ${'deck with diagrams: ready to present'.padEnd(44)} ${formatMs(full)}`);
  console.log(`  ${'deck with diagrams: every diagram drawn'.padEnd(44)} ${formatMs(fullAll)}`);
  console.log(`  ${'speaker view: S pressed to both frames ready'.padEnd(44)} ${formatMs(speaker)}`);
  report('ratios', [
    ['diagrams / no diagrams (ready)', full / base, 2],
    ['diagrams / no diagrams (every diagram drawn)', fullAll / base, null],
    ['speaker view / main deck', speaker / full, 1.5],
  ]);
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}

// Export: one browser per export run, alternated with the raw Chromium print of the same page.
const root = process.cwd();
const small = await buildVariant('synthetic-20', { slidesDir: 'tests/fixtures/decks/synthetic-20' });
const large = await buildVariant('synthetic-200', { slidesDir: 'tests/fixtures/decks/synthetic-200' });
const exportRounds = Math.max(3, Math.ceil(rounds / 2));
const exports = await alternate(exportRounds, {
  raw: () => measureRawChromiumPrint(withDiagrams, 'print-pdf&pdfSeparateFragments=false&margin=0'),
  slides: () => measureExport(root, withDiagrams, ['slides']),
  all: () => measureExport(root, withDiagrams),
  small: () => measureExport(root, small),
  large: () => measureExport(root, large),
});
const seconds = (name: string) => median(exports[name]!);
console.log(`\nexport, seconds (median of ${exportRounds})`);
console.log(`  ${'raw chromium --print-to-pdf of ?print-pdf'.padEnd(44)} ${seconds('raw').toFixed(2)} s`);
console.log(`  ${'slides.pdf (the talk)'.padEnd(44)} ${seconds('slides').toFixed(2)} s`);
console.log(`  ${'all five PDFs (the talk)'.padEnd(44)} ${seconds('all').toFixed(2)} s`);
console.log(`  ${'all five PDFs, synthetic 20 slides'.padEnd(44)} ${seconds('small').toFixed(2)} s`);
console.log(`  ${'all five PDFs, synthetic 200 slides'.padEnd(44)} ${seconds('large').toFixed(2)} s`);
report('export ratios', [
  ['slides.pdf / raw chromium print', seconds('slides') / seconds('raw'), 1.3],
  ['all five PDFs / raw chromium print', seconds('all') / seconds('raw'), 3],
  ['200 slides / 20 slides', seconds('large') / seconds('small'), 11],
]);
