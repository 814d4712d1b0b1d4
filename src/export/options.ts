import { parseArgs } from 'node:util';
import { PROJECT_NAME } from '../deck/problems.ts';
import { DECK_THEMES, type DeckTheme } from '../deck/types.ts';

/** The PDFs: what an export writes when no `--format` is given. */
export const PDF_FORMATS = ['slides', 'steps', 'handout', 'handout-3up', 'notes'] as const;
export type PdfFormat = (typeof PDF_FORMATS)[number];
/** Every format: the PDFs, and `png`, one picture per slide (only when asked for). */
export const FORMATS = [...PDF_FORMATS, 'png'] as const;
export type ExportFormat = (typeof FORMATS)[number];
export type Paper = 'a4' | 'letter';

export function isPdfFormat(format: ExportFormat): format is PdfFormat {
  return format !== 'png';
}

export interface ExportOptions {
  formats: ExportFormat[];
  paper: Paper;
  /** Folder the files go to. */
  outDir: string;
  /** Rebuild `dist/` even when it looks fresh. */
  rebuild: boolean;
  /** Theme of slides.pdf, steps.pdf and the PNGs. Default (null): the deck config's. */
  theme: DeckTheme | null;
  /** Theme of the slides on the handouts (paper). Default: light, whatever `theme` is. */
  handoutTheme: DeckTheme;
}

export const EXPORT_USAGE = `usage: npm run export -- [options]

Writes PDFs of the talk (default: all five, into dist/pdf/):
  slides.pdf        one page per slide, every diagram in its final state
  steps.pdf         one page per step (fragment)
  handout.pdf       each slide with its speaker notes below it
  handout-3up.pdf   three slides per page, notes beside each
  notes.pdf         the speaker script: titles, timings, notes
and, when asked for with --format png:
  NN-<slide id>.png one 1920x1080 picture per slide, every step shown

options:
  --format LIST          comma-separated formats: ${FORMATS.join(',')}
  --theme NAME           light or dark: slides.pdf, steps.pdf and the PNGs (default: the deck's)
  --handout-theme NAME   light (default) or dark: the slides on the handouts
  --paper SIZE           a4 (default) or letter, for the handouts and the script
  --out DIR              output folder (default: dist/pdf)
  --rebuild              build the deck even if dist/ is up to date
  --help                 show this help`;

/** A command line the exporter cannot run: print the message and the usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(`${PROJECT_NAME} export: ${message}`);
    this.name = 'UsageError';
  }
}

export function parseExportArgs(argv: readonly string[]): ExportOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        format: { type: 'string' },
        paper: { type: 'string', default: 'a4' },
        out: { type: 'string', default: 'dist/pdf' },
        rebuild: { type: 'boolean', default: false },
        theme: { type: 'string' },
        'handout-theme': { type: 'string', default: 'light' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const formats =
    values.format === undefined ? [...PDF_FORMATS] : values.format.split(',').map((f) => f.trim());
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0 || formats.length === 0) {
    throw new UsageError(
      `unknown format ${unknown.map((f) => `"${f}"`).join(', ') || '(none)'}; choose from ${FORMATS.join(', ')}`,
    );
  }
  if (values.paper !== 'a4' && values.paper !== 'letter') {
    throw new UsageError(`unknown paper "${values.paper}"; use a4 or letter`);
  }
  if (!values.out.trim()) throw new UsageError('--out needs a folder');
  const theme = (flag: string, value: string): DeckTheme => {
    if ((DECK_THEMES as readonly string[]).includes(value)) return value as DeckTheme;
    throw new UsageError(`unknown ${flag} "${value}"; use ${DECK_THEMES.join(' or ')}`);
  };
  return {
    formats: [...new Set(formats)] as ExportFormat[],
    paper: values.paper,
    outDir: values.out,
    rebuild: values.rebuild,
    theme: values.theme === undefined ? null : theme('--theme', values.theme),
    handoutTheme: theme('--handout-theme', values['handout-theme']),
  };
}
