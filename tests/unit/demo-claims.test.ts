// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.ts';
import { CLAIMS } from '../../src/rehearse/claims.ts';
import { parseDemoScript } from '../../src/rehearse/demo-script.ts';
import { referencesInDockerfile, TALK_IMAGES } from '../../src/rehearse/images.ts';

/**
 * Ties the rehearsal's data to the talk: every demo block and every claim points at a slide
 * that exists, every file a claim names exists, and the image list is exactly what the demos use.
 */
const { deck, assets } = loadDeck();
const slideIds = new Set(deck.entries.map((entry) => entry.slide.id));
const modules = new Set(deck.entries.map((entry) => entry.module));
const files = [...assets.examples.keys()];
const scripts = files
  .filter((file) => /^demo\/\d\d-.+\.sh$/.test(file))
  .map((file) => parseDemoScript(file.slice('demo/'.length), assets.examples.get(file)!))
  // 99-cleanup.sh is the presenter's after-talk cleanup: it has no block of its own.
  .filter((script) => script.file !== '99-cleanup.sh');
const blocks = scripts.flatMap((script) => script.blocks);
const commands = blocks.flatMap((block) => block.commands.map((command) => command.text));

describe('the demo blocks and the claims', () => {
  it('has a block in every demo script, each on a slide of the talk', () => {
    expect(scripts.length).toBe(5);
    for (const script of scripts) expect(script.blocks.length, script.file).toBeGreaterThan(0);
    for (const block of blocks)
      expect(slideIds, `${block.id} names slide "${block.slideId}"`).toContain(block.slideId);
  });

  it('checks each claim after a block that exists, for a slide that exists, naming files that exist', () => {
    const blockIds = new Set(blocks.map((block) => block.id));
    expect(CLAIMS.length).toBeGreaterThanOrEqual(20);
    for (const claim of CLAIMS) {
      expect(slideIds, claim.asserts).toContain(claim.slide);
      expect(blockIds, claim.asserts).toContain(claim.block);
      for (const file of claim.fix) {
        const exists =
          modules.has(file) ||
          file.startsWith('slides/diagrams/') ||
          files.includes(file.replace(/^assets\/examples\//, ''));
        expect(exists, `${claim.asserts}: ${file}`).toBe(true);
      }
    }
  });

  it('backs every slide the issue lists with at least one claim', () => {
    const backed = new Set(CLAIMS.map((claim) => claim.slide));
    for (const slide of [
      'deleting-doesnt-shrink',
      'dockerfile-to-layers',
      'build-cache',
      'cache-order',
      'multi-stage',
      'copy-on-write',
      'diff-and-commit',
      'shared-layers',
      'where-data-lives',
      'lifecycle',
      'pid1-and-signals',
      'distribution',
    ]) {
      expect(backed, slide).toContain(slide);
    }
  });
});

describe('the images the talk uses', () => {
  /** Images the demos build themselves: `-t NAME` in a script. */
  const built = new Set(
    commands.flatMap((command) => [...command.matchAll(/-t (\S+?)(?::\S+)? /g)].map((match) => match[1]!)),
  );
  const fromLines = files
    .filter((file) => /^Dockerfile/.test(file))
    .flatMap((file) => referencesInDockerfile(assets.examples.get(file)!))
    .filter((reference) => !built.has(reference));
  const listed = TALK_IMAGES.map((image) => image.reference);

  it('lists every base image of every Dockerfile', () => {
    expect(fromLines.length).toBeGreaterThan(0);
    for (const reference of fromLines) expect(listed, reference).toContain(reference);
  });

  it('lists every registry image a demo runs or pulls, and no image nothing uses', () => {
    const used = new Set(fromLines);
    for (const reference of listed) {
      if (
        commands.some((command) =>
          new RegExp(`(^|\\s)${reference.replace(/[.:/]/g, '\\$&')}(\\s|$)`).test(command),
        )
      ) {
        used.add(reference);
      }
    }
    expect([...used].sort()).toEqual([...listed].sort());
    for (const command of commands) {
      // A tagged base name (`alpine:3.24`) or hello-world; a bare `alpine` is a filter of docker image ls.
      for (const match of command.matchAll(
        /(?<![/\w.-])((?:alpine|node|registry):[\w.-]+|hello-world)(?=\s|$)/g,
      )) {
        expect(listed, command).toContain(match[1]);
      }
    }
  });
});
