import { delimiter } from 'node:path';
import { engineAddress, type DockerClient } from '../rehearse/docker-client.ts';

/**
 * The whole environment of the live shells, and nothing else from the presenter's: no tokens,
 * no SSH agent, no proxy settings, no aliases (bash runs with --norc --noprofile). `DOCKER_HOST`
 * is pinned to the engine the preflight found, so a shell cannot be pointed elsewhere, and the
 * chosen client comes first on PATH (through `shimDir`, which holds only a `docker` link to it).
 */
export function cleanEnvironment(
  env: NodeJS.ProcessEnv,
  client: Pick<DockerClient, 'buildkit' | 'env'>,
  shimDir: string,
): Record<string, string> {
  const clean: Record<string, string> = {
    PATH: [shimDir, env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(delimiter),
    HOME: env.HOME ?? '/',
    TERM: 'xterm-256color',
    LANG: env.LANG && /utf-?8/i.test(env.LANG) ? env.LANG : 'C.UTF-8',
    DOCKER_HOST: engineAddress(env),
  };
  // The client's plugins (buildx) and its settings live there.
  if (env.DOCKER_CONFIG) clean.DOCKER_CONFIG = env.DOCKER_CONFIG;
  if (client.buildkit === 'DOCKER_BUILDKIT=1') clean.DOCKER_BUILDKIT = '1';
  return clean;
}
