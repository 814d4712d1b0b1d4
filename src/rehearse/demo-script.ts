import { PROJECT_NAME } from '../deck/problems.ts';

/** One command line as the presenter types it (continuation lines joined). */
export interface DemoCommand {
  text: string;
  /** 1-based line in the script where the command starts. */
  line: number;
}

/** What the presenter types on one slide: the lines after a `# block: NAME  slide: ID` comment. */
export interface DemoBlock {
  /** `02-builds/cache`: the script's name without `.sh`, a slash, the block's name. */
  id: string;
  /** The script file, e.g. `02-builds.sh`. */
  script: string;
  name: string;
  /** The slide the block belongs to. */
  slideId: string;
  line: number;
  /** The comment lines right under the marker: what the block shows. */
  description: string;
  commands: DemoCommand[];
}

export interface DemoScript {
  file: string;
  /** Commands before the first block: set-up every block relies on (`cd`, `source`, a trap). */
  preamble: DemoCommand[];
  blocks: DemoBlock[];
}

export class DemoScriptError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${PROJECT_NAME}: assets/examples/demo/${file}:${line}: ${message}`);
    this.name = 'DemoScriptError';
  }
}

const BLOCK_MARKER = /^#\s*block:/;
const BLOCK_LINE = /^#\s*block:\s*([a-z0-9][a-z0-9-]*)\s+slide:\s*([a-z0-9][a-z0-9-]*)\s*$/;

/**
 * Splits a demo script into its blocks. The script stays an ordinary bash script the presenter
 * can run or type from; the block comments are what ties each part of it to a slide.
 */
export function parseDemoScript(file: string, source: string): DemoScript {
  const scriptName = file.replace(/\.sh$/, '');
  const preamble: DemoCommand[] = [];
  const blocks: DemoBlock[] = [];
  const lines = source.split('\n');
  let current: DemoBlock | undefined;
  let describing = false;
  for (let index = 0; index < lines.length; index += 1) {
    const lineNumber = index + 1;
    const trimmed = lines[index]!.trim();
    if (BLOCK_MARKER.test(trimmed)) {
      const match = BLOCK_LINE.exec(trimmed);
      if (!match) {
        throw new DemoScriptError(
          file,
          lineNumber,
          `a block comment reads "# block: NAME  slide: SLIDE-ID" (lower-case names), not "${trimmed}"`,
        );
      }
      const [, name, slideId] = match as unknown as [string, string, string];
      const earlier = blocks.find((block) => block.name === name);
      if (earlier) {
        throw new DemoScriptError(
          file,
          lineNumber,
          `the block "${name}" is already named on line ${earlier.line}`,
        );
      }
      current = {
        id: `${scriptName}/${name}`,
        script: file,
        name,
        slideId,
        line: lineNumber,
        description: '',
        commands: [],
      };
      blocks.push(current);
      describing = true;
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (current && describing && trimmed.startsWith('#')) {
        const words = trimmed.replace(/^#\s?/, '');
        current.description = current.description ? `${current.description} ${words}` : words;
      }
      if (trimmed === '') describing = false;
      continue;
    }
    describing = false;
    // A trailing backslash continues the command on the next line, as in bash.
    let text = lines[index]!.trimEnd();
    const start = lineNumber;
    while (text.endsWith('\\') && index + 1 < lines.length) {
      index += 1;
      text = `${text}\n${lines[index]!.trimEnd()}`;
    }
    (current ? current.commands : preamble).push({ text, line: start });
  }
  for (const block of blocks) {
    if (block.commands.length === 0) {
      throw new DemoScriptError(file, block.line, `the block "${block.name}" has no command`);
    }
  }
  return { file, preamble, blocks };
}
