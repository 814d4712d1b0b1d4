import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseDockerClient, type DockerClient } from '../../src/rehearse/docker-client.ts';
import {
  createdSince,
  isEmpty,
  readEngineState,
  removeCreated,
  type EngineState,
} from '../../src/rehearse/engine-state.ts';
import { rehearsalEngines } from '../support/docker-engine.ts';

/**
 * The rehearsal's own cleanup, whatever a stopped rehearsal left: every kind of thing a demo
 * makes (container, tag, built image, volume, network) is removed, the engine is as it was, and
 * the next rehearsal finds nothing of it to count as already there. `99-cleanup.sh` removes the
 * demos' volume in every full run, so without these tests the rehearsal's own removal of volumes
 * and networks would never run.
 */
const engines = await rehearsalEngines();

function sameState(a: EngineState, b: EngineState): Record<string, string[]> {
  const kinds = ['containers', 'images', 'tags', 'volumes', 'networks'] as const;
  return Object.fromEntries(
    kinds.map((kind) => [
      kind,
      [...new Set([...a[kind], ...b[kind]])].filter((item) => a[kind].has(item) !== b[kind].has(item)).sort(),
    ]),
  );
}

const NOTHING = { containers: [], images: [], tags: [], volumes: [], networks: [] };

describe.skipIf(engines.length === 0).each(engines)(
  'cleanup after a stopped rehearsal on $label',
  ({ env }) => {
    let docker: DockerClient;
    beforeAll(async () => {
      docker = (await chooseDockerClient(env)).client!;
    });

    async function must(args: string[]): Promise<string> {
      const result = await docker.run(args, { timeoutMs: 120_000 });
      expect(result.code, `docker ${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result.stdout;
    }

    it('removes a container, a tag, a built image, a volume and a network it made, and nothing else', async () => {
      const before = await readEngineState(docker);
      const context = mkdtempSync(join(tmpdir(), 'docker-talk-cleanup-'));
      try {
        writeFileSync(
          join(context, 'Dockerfile'),
          'FROM alpine:3.24\nRUN echo made by the cleanup test > /made\n',
        );
        await must(['build', '--quiet', '--tag', 'docker-talk-cleanup:built', context]);
        await must(['tag', 'alpine:3.24', 'docker-talk-cleanup:tagged']);
        await must(['volume', 'create', 'data']);
        await must(['network', 'create', 'docker-talk-cleanup-net']);
        await must([
          'run',
          '-d',
          '--name',
          'docker-talk-cleanup',
          '-v',
          'data:/data',
          '--network',
          'docker-talk-cleanup-net',
          'alpine:3.24',
          'sleep',
          '600',
        ]);
        await must(['create', '--name', 'docker-talk-cleanup-created', 'docker-talk-cleanup:built']);
        const made = createdSince(before, await readEngineState(docker));
        // Each kind is there to be removed: the test proves nothing if one was not made.
        expect(made.containers.size).toBe(2);
        expect([...made.tags].sort()).toEqual(['docker-talk-cleanup:built', 'docker-talk-cleanup:tagged']);
        expect(made.images.size).toBeGreaterThanOrEqual(1);
        expect([...made.volumes]).toEqual(['data']);
        expect(made.networks.size).toBe(1);

        expect(await removeCreated(docker, before)).toEqual([]);
        const after = await readEngineState(docker);
        expect(sameState(before, after)).toEqual(NOTHING);
        expect(isEmpty(createdSince(before, after))).toBe(true);
      } finally {
        rmSync(context, { recursive: true, force: true });
        await docker.run(['rm', '-f', '-v', 'docker-talk-cleanup', 'docker-talk-cleanup-created']);
        await docker.run(['image', 'rm', 'docker-talk-cleanup:built', 'docker-talk-cleanup:tagged']);
        await docker.run(['volume', 'rm', 'data']);
        await docker.run(['network', 'rm', 'docker-talk-cleanup-net']);
      }
    }, 300_000);

    it('leaves no volume behind when Ctrl-C stops the rehearsal after the data block made one', async () => {
      const before = await readEngineState(docker);
      let sent = false;
      let said = '';
      const code = await new Promise<number>((resolve) => {
        // Node itself with tsx's loader, no relaying wrapper: Ctrl-C reaches the rehearsal as it would.
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'scripts/rehearse.ts', '--offline', '--only', '01-images,03-containers'],
          {
            env,
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        child.stderr.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          // The volume exists from `docker volume create data` on: stop while a container uses it.
          if (!sent && said.includes('03-containers/data: docker run --rm -v data:/data alpine:3.24 cat')) {
            sent = true;
            child.kill('SIGINT');
          }
        });
        child.once('close', (exit) => resolve(exit ?? -1));
      });
      expect(sent, said.slice(-3000)).toBe(true);
      expect(code, said.slice(-3000)).toBe(130);
      const after = await readEngineState(docker);
      expect(after.volumes.has('data')).toBe(false);
      // Stand-ins built by a first run are the bases, kept by design; nothing else is new.
      const label = ['--filter', 'label=org.docker-talk.stand-in'];
      const standInIds = (await must(['images', ...label, '-q', '--no-trunc'])).split('\n');
      const standInTags = (await must(['images', ...label, '--format', '{{.Repository}}:{{.Tag}}'])).split(
        '\n',
      );
      const left = createdSince(before, after);
      expect({
        containers: [...left.containers],
        images: [...left.images].filter((id) => !standInIds.includes(id)),
        tags: [...left.tags].filter((tag) => !standInTags.includes(tag)),
        volumes: [...left.volumes],
        networks: [...left.networks],
      }).toEqual(NOTHING);
    }, 300_000);
  },
);
