import { dockerCandidates, engineAddress, runDocker } from '../../src/rehearse/docker-client.ts';
import type { EngineCheck } from './optional-engine.ts';

/** Is a Docker Engine reachable where DOCKER_HOST (or the default socket) says? */
export async function dockerEngineCheck(env: NodeJS.ProcessEnv = process.env): Promise<EngineCheck> {
  const suite = 'the rehearsal tests (a real Docker Engine)';
  const howToGet =
    'start Docker, or set DOCKER_HOST; on Debian: sudo apt-get install -y docker.io busybox-static docker-registry && sudo dockerd &';
  const client = dockerCandidates(env)[0];
  if (!client) return { suite, missing: 'no docker client on PATH', howToGet };
  const ping = await runDocker(client, ['version', '--format', '{{.Server.Version}}'], env, {
    timeoutMs: 10_000,
  });
  const missing = ping.code === 0 && ping.stdout ? undefined : `no Docker Engine at ${engineAddress(env)}`;
  return { suite, missing, howToGet };
}
