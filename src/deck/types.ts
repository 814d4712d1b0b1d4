/**
 * The deck's data model.
 *
 * Input types (`*Input`, the block types) are what a slide author writes: small, with optional
 * fields. Resolved types (`Resolved*`) are what the renderer uses: complete, defaults applied.
 * Defaults live in `resolve.ts` only.
 */

/** Languages the code block highlights. Adding one means registering it in `render/highlight.ts`. */
export const CODE_LANGUAGES = ['dockerfile', 'shell', 'json', 'yaml', 'javascript', 'text'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** Inline text: plain text with `code spans` and **strong** spans. Never HTML. */
export type InlineText = string;

/** A paragraph. */
export interface TextBlock {
  kind: 'text';
  text: InlineText;
  /** `lead` is larger, `small` is for footnotes and sources. Default: `body`. */
  variant?: 'body' | 'lead' | 'small';
  /** Appear as a reveal.js fragment (one step). Default: false. */
  fragment?: boolean;
}

/** One bullet. A plain string is a bullet that shows on arrival. */
export interface BulletItemInput {
  text: InlineText;
  /** Appear as its own step. Default: false. */
  fragment?: boolean;
  /** Speaker notes that replace the slide's notes while this step is current. */
  notes?: string;
  /**
   * An https address the bullet links to: it opens in a new tab (the deck itself never loads
   * it) and stays a clickable link in the PDFs, which also print the address. Default: none.
   */
  link?: string;
}

export interface BulletsBlock {
  kind: 'bullets';
  items: readonly (InlineText | BulletItemInput)[];
  /** Numbered list. Default: false. */
  ordered?: boolean;
}

export interface CodeBlock {
  kind: 'code';
  /** Path under `assets/examples/` of the file shown, so what is shown is what runs. */
  file: string;
  language: CodeLanguage;
  /** Lines to emphasise, 1-based: `"3"`, `"2-4"`, `"1,5-6"`. Default: none. */
  highlight?: string;
  /** Show only these lines of the file (1-based, inclusive), e.g. `[1, 8]`. Default: all. */
  lines?: readonly [number, number];
  /** Shown above the code; defaults to the file name. */
  caption?: string;
}

export interface ColumnsBlock {
  kind: 'columns';
  left: readonly ColumnContent[];
  right: readonly ColumnContent[];
  /** Heading above each column. */
  leftTitle?: string;
  rightTitle?: string;
}

/** Blocks that may sit inside a column (no nested columns). */
export type ColumnContent = Exclude<Block, ColumnsBlock>;

export interface TableBlock {
  kind: 'table';
  head: readonly InlineText[];
  rows: readonly (readonly InlineText[])[];
  caption?: string;
}

export interface ImageBlock {
  kind: 'image';
  /** Path under `assets/images/`. */
  file: string;
  /** Text alternative; required, because the handout and screen readers need it. */
  alt: string;
  caption?: string;
  /** Rendered height in px at the 1280x720 design size. Default: 360. */
  height?: number;
}

/** One step of an animated diagram: the Mermaid ids that appear at this step. */
export interface DiagramStepInput {
  /** Ids of nodes, edges (named with `id@-->`) or subgraphs that appear at this step. */
  show: readonly string[];
  /** Ids of parts shown earlier that disappear at this step (a tag that moves, say). */
  hide?: readonly string[];
  /** Speaker notes while this step is current (replace the slide's notes). */
  notes?: string;
}

export interface DiagramBlock {
  kind: 'diagram';
  /** Unique in the deck; prefixes the SVG's ids. Letters, digits and dashes. */
  id: string;
  /** Mermaid flowchart source. */
  source: string;
  /**
   * `steps[0]` is what shows on arrival; each later step is one reveal.js fragment.
   * Parts named in no step show from step 0, except edges without a step, which appear
   * with the later of their two ends. Default: one step showing everything.
   */
  steps?: readonly DiagramStepInput[];
  /** Visible caption under the diagram. */
  caption?: string;
  /** Text alternative: a short title and a description of the whole, final diagram. */
  title: string;
  description: string;
  /** Rendered height in px at the design size. Default: 520. */
  height?: number;
}

/**
 * What one command of a demo block printed, quoted on the slide from the rehearsal's recording
 * (the report's screen text of that step), so the slide cannot drift from what the engine
 * printed. Without a recording it shows the command and says "not rehearsed yet".
 */
export interface DemoOutputBlock {
  kind: 'demo-output';
  /** The demo block, `03-containers/diff`. */
  demo: string;
  /** The command whose output is shown, exactly as the script has it: `docker diff web-1`. */
  command: string;
  /** Shown above the output. Default: the command. */
  caption?: string;
}

export type Block =
  | TextBlock
  | BulletsBlock
  | CodeBlock
  | ColumnsBlock
  | TableBlock
  | ImageBlock
  | DiagramBlock
  | DemoOutputBlock;

export interface SlideInput {
  /** Stable id: the URL hash (`#/<id>`) and the name in every error. Lowercase, dashes. */
  id: string;
  title: string;
  /** `title`: the opening slide (large title, subtitle). Default: `content`. */
  layout?: 'content' | 'title';
  /** A line under the title. */
  subtitle?: InlineText;
  blocks: readonly Block[];
  /** Speaker notes, written to be spoken. Required and non-empty. */
  notes: string;
  /** Planned speaking time in seconds (the speaker view paces against it). */
  timing?: number;
  /**
   * What the presenter types on this slide: the id of a block of the demo scripts
   * (`assets/examples/demo/02-builds.sh`, `# block: cache` → `02-builds/cache`), or several, in
   * the order they are typed. The speaker view shows the commands with their rehearsal status,
   * `notes.pdf` lists them; the notes need not repeat them. Default: none.
   */
  demo?: string | readonly string[];
}

export interface DeckConfigInput {
  title: string;
  author: string;
  /** What the talk is about, one sentence (PDF subject). */
  subject?: string;
  /** Planned talk length in minutes. Default: 25. */
  talkMinutes?: number;
  /** Facts that drift, with their sources and dates: the speaker script ends with them. Default: none. */
  facts?: readonly DatedFact[];
  /**
   * The colours the deck opens in: `light` for a lit room and paper, `dark` for a dark hall.
   * `?theme=dark` in the URL overrides it, and `T` switches live. Default: `light`.
   */
  theme?: DeckTheme;
  /**
   * The public address of the slides (an `https://` URL, no user name or password): the title
   * and last slides and every handout page show it with a QR code, and the PDFs link to it.
   * Default: none (nothing is drawn, and the build says so once).
   */
  url?: string;
}

/** The deck's colour themes: one set of CSS custom properties each (`src/styles/theme.css`). */
export const DECK_THEMES = ['light', 'dark'] as const;
export type DeckTheme = (typeof DECK_THEMES)[number];

/** A fact as the speaker script prints it: what, from where, checked when. */
export interface DatedFact {
  claim: string;
  source: { title: string; url: string };
  /** YYYY-MM-DD. */
  checked: string;
}

/** A slide with the module it came from, so errors can name the file to fix. */
export interface DeckEntry {
  slide: SlideInput;
  /** Path of the slide module relative to the project root, e.g. `slides/03-layers.ts`. */
  module: string;
}

export interface DeckInput {
  config: DeckConfigInput;
  /** The module that defines `config`, for errors. Default: `slides/deck.ts`. */
  configModule?: string;
  entries: readonly DeckEntry[];
}

export interface ResolvedDeckConfig {
  title: string;
  author: string;
  subject: string;
  talkMinutes: number;
  facts: readonly DatedFact[];
  theme: DeckTheme;
  /** The public address, or null when none is configured. */
  url: string | null;
}
