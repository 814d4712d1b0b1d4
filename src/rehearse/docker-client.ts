import { execFile, spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { isExecutable } from '../export/executable.ts';
import type { DockerResult } from './claim-types.ts';

export type { DockerResult };

export interface DockerClient {
  /** The client executable: the demos run with it first on PATH. */
  path: string;
  version: string;
  /** How BuildKit is reached: the buildx plugin, or DOCKER_BUILDKIT=1 in a client older than 23. */
  buildkit: 'buildx' | 'DOCKER_BUILDKIT=1';
  env: NodeJS.ProcessEnv;
  run(
    args: readonly string[],
    options?: { input?: NodeJS.ReadableStream; timeoutMs?: number },
  ): Promise<DockerResult>;
}

/** Where the engine is: DOCKER_HOST, or the default socket. */
export function engineAddress(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_HOST || 'unix:///var/run/docker.sock';
}

export function runDocker(
  path: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { input?: NodeJS.ReadableStream; timeoutMs?: number } = {},
): Promise<DockerResult> {
  if (options.input) {
    return new Promise((resolve, reject) => {
      const child = spawn(path, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (code) =>
        resolve({ code: code ?? 1, stdout: stdout.trim(), stderr: stderr.trim() }),
      );
      options.input!.pipe(child.stdin);
    });
  }
  return new Promise((resolve) => {
    execFile(
      path,
      [...args],
      { env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({
          code,
          stdout: stdout.trim(),
          stderr: stderr.trim() || (error && !stderr ? error.message : stderr.trim()),
        });
      },
    );
  });
}

/** Every `docker` executable worth trying: PATH order first, then the usual places. */
export function dockerCandidates(env: NodeJS.ProcessEnv): string[] {
  const fromPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'docker'));
  const found: string[] = [];
  for (const candidate of [...fromPath, '/usr/bin/docker', '/usr/local/bin/docker']) {
    if (found.includes(candidate)) continue;
    if (isExecutable(candidate)) found.push(candidate);
  }
  return found;
}

/** Why a client was passed over, for the output: a presenter should see which `docker` runs. */
export interface ClientChoice {
  client: DockerClient | undefined;
  passedOver: string[];
}

/**
 * The first client that can build with BuildKit. A client with the buildx plugin always can; one
 * older than 23 has BuildKit built in behind DOCKER_BUILDKIT=1; a newer one without buildx falls
 * back to the legacy builder, whose output and history rows differ from what the slides show.
 */
export async function chooseDockerClient(env: NodeJS.ProcessEnv): Promise<ClientChoice> {
  const passedOver: string[] = [];
  for (const path of dockerCandidates(env)) {
    const version = await runDocker(path, ['version', '--format', '{{.Client.Version}}'], env, {
      timeoutMs: 20_000,
    });
    const clientVersion = version.stdout.split('\n')[0]?.trim() || 'unknown';
    const buildx = await runDocker(path, ['buildx', 'version'], env, { timeoutMs: 20_000 });
    const make = (buildkit: DockerClient['buildkit']): DockerClient => {
      const clientEnv = buildkit === 'buildx' ? env : { ...env, DOCKER_BUILDKIT: '1' };
      return {
        path,
        version: clientVersion,
        buildkit,
        env: clientEnv,
        run: (args, options) => runDocker(path, args, clientEnv, options),
      };
    };
    if (buildx.code === 0) return { client: make('buildx'), passedOver };
    const major = Number(clientVersion.split('.')[0]);
    if (Number.isFinite(major) && major > 0 && major < 23)
      return { client: make('DOCKER_BUILDKIT=1'), passedOver };
    passedOver.push(`${path} ${clientVersion}: no buildx plugin, so it would build with the legacy builder`);
  }
  return { client: undefined, passedOver };
}
