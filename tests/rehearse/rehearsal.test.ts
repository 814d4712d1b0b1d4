import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chooseDockerClient, type DockerClient } from '../../src/rehearse/docker-client.ts';
import { readEngineState, type EngineState } from '../../src/rehearse/engine-state.ts';
import { engineKey, parseReport, REPORT_PATH } from '../../src/rehearse/report.ts';
import { runRehearsal } from '../../src/rehearse/run-rehearsal.ts';
import { rehearsalEngines } from '../support/docker-engine.ts';

/**
 * The rehearsal against a real Docker Engine, offline (stand-ins for the registry images), as
 * `npm run rehearse -- --offline` runs it: every block, every claim, cleanup, twice in a row; a
 * claim made false fails naming its slide; Ctrl-C cleans up and exits 130.
 */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Rehearsals still running: a test that times out must not leave one racing the next test. */
const running = new Set<ChildProcess>();
afterEach(async () => {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve());
          child.kill('SIGINT');
        }),
    ),
  );
});

/** `npm run rehearse` as a child process; `onLine` sees its progress lines as they come. */
function rehearse(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  onLine?: (line: string, kill: () => void) => void,
): Promise<Run> {
  return new Promise((resolve) => {
    // Node itself with tsx's loader, no relaying wrapper: Ctrl-C reaches the rehearsal as it would.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/rehearse.ts', ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const line of chunk.toString().split('\n')) onLine?.(line, () => child.kill('SIGINT'));
    });
    child.once('close', (code) => {
      running.delete(child);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

const SERVER_JS = 'assets/examples/app/src/server.js';

describe('npm run rehearse: bad input, with or without an engine', () => {
  it('prints the usage and exits 2 on an unknown flag', async () => {
    const run = await rehearse(['--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/docker-talk rehearse: Unknown option '--bogus'/);
    expect(run.stderr).toContain('usage: npm run rehearse -- [options]');
  });

  it('names the engine address and what to do when no engine answers, and exits 1', async () => {
    const run = await rehearse(['--offline'], {
      ...process.env,
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'docker-talk rehearse: no Docker Engine at unix:///nonexistent/docker.sock: start Docker or set DOCKER_HOST',
    );
  });
});

const engines = await rehearsalEngines();

describe.skipIf(engines.length === 0).each(engines)(
  'npm run rehearse -- --offline on $label',
  ({ env, engine }) => {
    let docker: DockerClient;
    let before: EngineState;
    beforeAll(async () => {
      docker = (await chooseDockerClient(env)).client!;
      // The stand-ins come first (a run builds them if missing): they are the bases, kept by design.
      before = await readEngineState(docker);
    });

    /** What the engine holds now that it did not before, apart from stand-ins built on the first run. */
    async function leftOver(): Promise<string[]> {
      const now = await readEngineState(docker);
      const standIns = (
        await docker.run(['images', '--filter', 'label=org.docker-talk.stand-in', '-q', '--no-trunc'])
      ).stdout.split('\n');
      return [
        ...[...now.containers].filter((id) => !before.containers.has(id)).map((id) => `container ${id}`),
        ...[...now.images]
          .filter((id) => !before.images.has(id) && !standIns.includes(id))
          .map((id) => `image ${id}`),
        ...[...now.volumes].filter((name) => !before.volumes.has(name)).map((name) => `volume ${name}`),
        ...[...now.networks].filter((id) => !before.networks.has(id)).map((id) => `network ${id}`),
      ];
    }

    it('runs every block and holds every claim, twice in a row, leaving nothing behind', async () => {
      const serverJs = readFileSync(SERVER_JS, 'utf8');
      for (const round of [1, 2]) {
        const run = await rehearse(['--offline'], env);
        expect(run.stderr, `round ${round}`).not.toMatch(/✘/);
        expect(run.code, `round ${round}:\n${run.stderr.slice(-3000)}`).toBe(0);
        expect(run.stdout).toContain("Offline: the talk's registry images were local stand-ins");
        expect(run.stdout).toMatch(/20 blocks, 20 claims: 20 held, 0 failed; 0 problem\(s\)/);
        expect(run.stdout).toMatch(
          /01-images\.sh\s+index\s+inside-an-image\s+docker buildx imagetools inspect node:26-alpine\s+needs a registry: not rehearsed/,
        );
        expect(run.stderr).toMatch(/alpine:3\.24: a local stand-in \((built|cached)\b/);
        if (round === 2) expect(run.stderr).toMatch(/node:26-alpine: a local stand-in \(cached\)/);
        expect(await leftOver()).toEqual([]);
        expect(readFileSync(SERVER_JS, 'utf8')).toBe(serverJs);
      }
      const report = parseReport(readFileSync(REPORT_PATH, 'utf8')).engines[
        engineKey(engine.version, engine.store)
      ]!;
      expect(report.engine.store).toEqual(engine.store);
      expect(report.offline).toBe(true);
      expect(report.blocks.filter((block) => block.status === 'failed')).toEqual([]);
      expect(report.blocks.find((block) => block.id === '01-images/index')!.status).toBe('not rehearsed');
      // An engine with the loopback mirror (scripts/engines.sh starts both so) pulls offline.
      const mirrors = (await docker.run(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout;
      if (mirrors.includes('127.0.0.1:5098')) {
        expect(report.blocks.find((block) => block.id === '01-images/tags')).toMatchObject({
          status: 'passed',
          notRehearsed: [],
        });
      }
      expect(report.blocks.find((block) => block.id === '03-containers/diff')!.status).toBe('passed');
    }, 900_000);

    it('fails, naming the slide and the file, when the examples make a claim false', async () => {
      const copy = mkdtempSync(join(tmpdir(), 'docker-talk-examples-'));
      try {
        cpSync('assets/examples', copy, { recursive: true });
        // The delete moves to its own RUN: the bytes stay in the image, so the slide's claim is false.
        writeFileSync(
          join(copy, 'Dockerfile.rm-same-run'),
          'FROM alpine:3.24\nRUN dd if=/dev/urandom of=/big bs=1M count=100\nRUN rm /big\n',
        );
        // The slide shows a change the engine does not print.
        // The demo touches the file instead of deleting it: docker diff shows C, not the D the claim backs.
        const script = readFileSync(join(copy, 'demo/03-containers.sh'), 'utf8');
        writeFileSync(
          join(copy, 'demo/03-containers.sh'),
          script.replace(
            'docker exec -u root web-1 rm /app/package-lock.json',
            'docker exec -u root web-1 touch /app/package-lock.json',
          ),
        );
        const outcome = await runRehearsal(
          {
            offline: true,
            only: ['01-images', '03-containers'],
            examplesDir: copy,
            rehearsalDir: join(copy, '.rehearsal'),
          },
          { line: () => {} },
          new AbortController().signal,
          env,
        );
        const failures = outcome.failures.join('\n');
        expect(failures).toMatch(
          /slide "deleting-doesnt-shrink": the claim "rm-later is about 100 MiB \(±5 %\) bigger than rm-same-run" does not hold: rm-later is 0\.0 MiB bigger\. Fix: slides\/07-deleting-doesnt-shrink\.ts/,
        );
        expect(failures).toMatch(
          /slide "diff-and-commit": the claim "docker diff web-1 prints exactly the diff block's changes: .*" does not hold: expected but the engine does not print: D \/app\/package-lock\.json; the engine prints but nothing expects: C \/app\/package-lock\.json\. Fix: assets\/examples\/demo\/03-containers\.sh/,
        );
        expect(outcome.blocks.find((block) => block.id === '01-images/rm-later')!.status).toBe('failed');
        expect(outcome.blocks.find((block) => block.id === '01-images/history')!.status).toBe('passed');
        expect(await leftOver()).toEqual([]);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    }, 300_000);

    it('keeps an edit the presenter saves during the rehearsal, even of a file the demo edits', async () => {
      const presenter = mkdtempSync(join(tmpdir(), 'docker-talk-presenter-'));
      try {
        cpSync('assets/examples', presenter, { recursive: true });
        const note = '// the presenter saved this during the rehearsal\n';
        let saved = false;
        const outcome = await runRehearsal(
          {
            offline: true,
            only: ['02-builds'],
            examplesDir: presenter,
            rehearsalDir: join(presenter, '.rehearsal'),
          },
          {
            line: (message) => {
              // Saved while the demo has its own edit of the same file in place.
              if (!saved && message.includes('02-builds/cache: docker build --progress=plain')) {
                saved = true;
                writeFileSync(join(presenter, 'app/src/server.js'), note);
                writeFileSync(join(presenter, 'Dockerfile.bad-order'), `# ${note}`, { flag: 'a' });
              }
            },
          },
          new AbortController().signal,
          env,
        );
        expect(saved).toBe(true);
        expect(outcome.failures).toEqual([]);
        expect(readFileSync(join(presenter, 'app/src/server.js'), 'utf8')).toBe(note);
        expect(readFileSync(join(presenter, 'Dockerfile.bad-order'), 'utf8')).toMatch(
          /# \/\/ the presenter saved this/,
        );
        expect(await leftOver()).toEqual([]);
      } finally {
        rmSync(presenter, { recursive: true, force: true });
      }
    }, 300_000);

    it('cleans up, restores the edited source and exits 130 on Ctrl-C in the middle of a build', async () => {
      const serverJs = readFileSync(SERVER_JS, 'utf8');
      let sent = false;
      const run = await rehearse(['--offline'], env, (line, interrupt) => {
        // The edit is in place while the edited build runs: the worst moment to be stopped.
        if (!sent && line.includes('02-builds/cache: docker build --progress=plain')) {
          sent = true;
          setTimeout(interrupt, 200);
        }
      });
      expect(sent).toBe(true);
      expect(run.code).toBe(130);
      expect(run.stderr).toContain('SIGINT: stopping and cleaning up');
      expect(run.stderr).toContain('interrupted; cleaned up, no report written');
      expect(readFileSync(SERVER_JS, 'utf8')).toBe(serverJs);
      expect(await leftOver()).toEqual([]);
    }, 300_000);

    describe('a published port that is taken', () => {
      let holder: Server;
      beforeAll(async () => {
        holder = createServer();
        await new Promise<void>((resolve) => holder.listen(8082, '127.0.0.1', resolve));
      });
      afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

      it('names the port and the block that publishes it before anything runs, and exits 1', async () => {
        const run = await rehearse(['--offline'], env);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(
          /port 8082 on 127\.0\.0\.1 is in use, and 03-containers\/many \(slide "shared-layers"\) publishes it/,
        );
        expect(run.stderr).not.toContain('▸');
        expect(await leftOver()).toEqual([]);
      }, 120_000);
    });
  },
);
