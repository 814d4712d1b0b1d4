import { describe, expect, it } from 'vitest';
import { DemoScriptError, parseDemoScript } from '../../../src/rehearse/demo-script.ts';

const SCRIPT = `#!/usr/bin/env bash
# Slides 8-10: the build cache.
set -euo pipefail
cd "$(dirname "$0")/.."

# block: cache  slide: build-cache
# Edit one line, build again,
# read the CACHED lines.
docker build -t hello-layers .
echo "// edited" >> app/src/server.js

# A comment between commands is not part of the description.
docker build --progress=plain \\
  -t hello-layers:edited .

# block: order  slide: cache-order
docker build -f Dockerfile.bad-order -t hello-bad-order .
`;

describe('parseDemoScript', () => {
  const script = parseDemoScript('02-builds.sh', SCRIPT);

  it('keeps the lines before the first block as the preamble', () => {
    expect(script.preamble.map((command) => command.text)).toEqual([
      'set -euo pipefail',
      'cd "$(dirname "$0")/.."',
    ]);
  });

  it('names each block after its script and ties it to its slide', () => {
    expect(script.blocks.map((block) => [block.id, block.slideId, block.line])).toEqual([
      ['02-builds/cache', 'build-cache', 6],
      ['02-builds/order', 'cache-order', 16],
    ]);
  });

  it('takes the comment right under the marker as the description, not later comments', () => {
    expect(script.blocks[0]!.description).toBe('Edit one line, build again, read the CACHED lines.');
    expect(script.blocks[1]!.description).toBe('');
  });

  it('joins continuation lines into one command, at the line where it starts', () => {
    expect(script.blocks[0]!.commands).toEqual([
      { text: 'docker build -t hello-layers .', line: 9 },
      { text: 'echo "// edited" >> app/src/server.js', line: 10 },
      { text: 'docker build --progress=plain \\\n  -t hello-layers:edited .', line: 13 },
    ]);
  });

  it('names the file and line of a malformed marker, a duplicate block and an empty one', () => {
    expect(() => parseDemoScript('x.sh', '# block: Cache slide: build-cache\necho')).toThrow(
      /assets\/examples\/demo\/x\.sh:1: a block comment reads "# block: NAME {2}slide: SLIDE-ID"/,
    );
    expect(() => parseDemoScript('x.sh', '# block: a  slide: s\necho\n# block: a  slide: t\necho')).toThrow(
      /x\.sh:3: the block "a" is already named on line 1/,
    );
    expect(() => parseDemoScript('x.sh', '# block: a  slide: s\n# nothing to type\n')).toThrow(
      DemoScriptError,
    );
  });
});
