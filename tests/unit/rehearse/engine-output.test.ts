import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  diffLineSet,
  layerOutcomes,
  parseBuildSteps,
  parseDockerSize,
  parseHistory,
  parsePsSizes,
  parseRealSeconds,
} from '../../../src/rehearse/engine-output.ts';

/** Real engine output (see tests/fixtures/engine-output/README.md). */
const fixture = (name: string) => readFileSync(`tests/fixtures/engine-output/${name}`, 'utf8');

describe('reading what the engine printed', () => {
  it('reads docker sizes in decimal units, as docker prints them', () => {
    expect(parseDockerSize('0B')).toBe(0);
    expect(parseDockerSize('821B')).toBe(821);
    expect(parseDockerSize('1.2kB')).toBe(1200);
    expect(parseDockerSize('105MB')).toBe(105_000_000);
    expect(() => parseDockerSize('a lot')).toThrow(/not a docker size/);
  });

  it('reads docker image history rows, newest first', () => {
    const rows = parseHistory(fixture('history-patched.txt'));
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({ createdBy: 'node /app/src/server.js', bytes: 824 });
    expect(rows.find((row) => row.createdBy.startsWith('USER'))).toEqual({
      createdBy: 'USER node',
      bytes: 0,
    });
    expect(rows.at(-1)!.bytes).toBe(146_000_000);
  });

  it('reads which BuildKit steps were CACHED, in Dockerfile order', () => {
    expect(parseBuildSteps(fixture('build-edited-plain.txt'))).toEqual([
      { name: '[1/4] FROM docker.io/library/node:24-alpine', cached: false },
      { name: '[2/4] COPY app/package.json app/package-lock.json /app/', cached: true },
      { name: '[3/4] RUN npm ci --omit=dev --prefix /app', cached: true },
      { name: '[4/4] COPY app/src/ /app/src/', cached: false },
    ]);
  });

  it('reads stage-named steps of a multi-stage build', () => {
    const steps = parseBuildSteps(
      '#7 [build 3/4] RUN npm ci --omit=dev\n#7 CACHED\n#9 [stage-1 2/2] COPY --from=build /app/ /app/\n',
    );
    expect(steps).toEqual([
      { name: '[stage-1 2/2] COPY --from=build /app/ /app/', cached: false },
      { name: '[build 3/4] RUN npm ci --omit=dev', cached: true },
    ]);
  });

  it('compares docker diff as a set: the engine keeps no order a slide could promise', () => {
    const engine =
      'C /tmp\nA /tmp/note.txt\nC /app\nC /app/src\nC /app/src/server.js\nD /app/package-lock.json\n';
    const shown =
      '$ docker diff web-1\nC /app\nC /app/src\nC /app/src/server.js\nD /app/package-lock.json\nC /tmp\nA /tmp/note.txt\n';
    expect(diffLineSet(engine)).toEqual(diffLineSet(shown));
    expect(diffLineSet(shown)).toHaveLength(6);
    expect(diffLineSet(engine)).not.toEqual(
      diffLineSet(shown.replace('D /app/package-lock.json', 'C /app/package-lock.json')),
    );
  });

  it("reads each container's own and virtual size from docker ps -s", () => {
    const sizes = parsePsSizes(fixture('ps-s.txt'));
    expect(sizes.get('web-1')).toEqual({ own: 821, virtual: 148_000_000 });
    expect(sizes.get('web-3')).toEqual({ own: 0, virtual: 148_000_000 });
    expect(sizes.size).toBe(3);
  });

  it("reads bash's time and the layer lines of push and pull", () => {
    expect(parseRealSeconds('\nreal\t0m10.124s\nuser\t0m0.014s\nsys\t0m0.009s')).toBeCloseTo(10.124);
    expect(() => parseRealSeconds('no timing')).toThrow(/no "real" line/);
    const pull =
      'a353940efae3: Already exists\n353a644083da: Pulling fs layer\n353a644083da: Pull complete\n949f6a57c34e: Pull complete\nDigest: sha256:73';
    expect(layerOutcomes(pull)).toEqual({ 'Already exists': 1, 'Pull complete': 2 });
    expect(layerOutcomes('48906c84ea38: Preparing\n48906c84ea38: Layer already exists\n')).toEqual({
      'Layer already exists': 1,
    });
  });
});
