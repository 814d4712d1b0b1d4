import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineAvailable } from './optional-engine.ts';

/** Debian's Docker Engine 20.10 (`docker.io`), as CI installs it. */
const DOCKERD = '/usr/sbin/dockerd';

/**
 * A Docker Engine of a test's own, never one of the shared ones, so the test may kill it
 * mid-block: its own data, exec root and socket in a temp folder, no bridge, no iptables.
 */
export interface ThrowawayEngine {
  /** `unix:///tmp/…/docker.sock`. */
  host: string;
  /** The test's environment with `DOCKER_HOST` pointing here. */
  env: NodeJS.ProcessEnv;
  /** Kills the daemon at once (SIGKILL), as a crashed or closed engine goes; resolves once gone. */
  kill(): Promise<void>;
  /** Kills it if still running and removes its folder. */
  remove(): void;
}

/**
 * Whether a throwaway engine can start here (root, and Debian's dockerd): a skip line on a
 * developer's machine, a failure under TALK_REQUIRE_ENGINES=1.
 */
export function throwawayEngineAvailable(): boolean {
  const missing =
    process.getuid?.() !== 0
      ? 'starting a Docker Engine of their own needs root'
      : existsSync(DOCKERD)
        ? undefined
        : `${DOCKERD} is not installed`;
  return engineAvailable({
    suite: 'the live tests that stop an engine mid-block (a throwaway Docker Engine)',
    missing,
    howToGet: 'sudo apt-get install -y docker.io, and run the tests as root',
  });
}

export async function startThrowawayEngine(): Promise<ThrowawayEngine> {
  const folder = mkdtempSync(join(tmpdir(), 'docker-talk-throwaway-engine-'));
  const host = `unix://${join(folder, 'docker.sock')}`;
  const env = { ...process.env, DOCKER_HOST: host };
  const daemon: ChildProcess = spawn(
    DOCKERD,
    [
      '--data-root',
      join(folder, 'root'),
      '--exec-root',
      join(folder, 'exec'),
      '-H',
      host,
      '--pidfile',
      join(folder, 'pid'),
      '--bridge',
      'none',
      '--iptables=false',
    ],
    // Not our pipes: a daemon holding them would keep the test's process (and its lock) busy.
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((done) => daemon.once('exit', () => done()));
  const remove = () => {
    if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGKILL');
    spawnSync('umount', ['-l', join(folder, 'root')]);
    rmSync(folder, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (spawnSync('docker', ['version'], { env }).status !== 0) {
    if (Date.now() > deadline || daemon.exitCode !== null) {
      remove();
      throw new Error(`the throwaway dockerd (${DOCKERD}) did not answer on ${host} within 60 s`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    host,
    env,
    async kill() {
      daemon.kill('SIGKILL');
      await exited;
    },
    remove,
  };
}
