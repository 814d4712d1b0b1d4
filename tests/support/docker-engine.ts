import { checkEngine } from '../../src/rehearse/preflight.ts';
import type { EngineCheck } from './optional-engine.ts';

/**
 * Can the rehearsal run here? The rehearsal's own preflight answers (an engine where DOCKER_HOST
 * or the default socket says, a BuildKit client, room on disk), with its own message when not.
 */
export async function dockerEngineCheck(env: NodeJS.ProcessEnv = process.env): Promise<EngineCheck> {
  const suite = 'the rehearsal tests (a real Docker Engine)';
  const howToGet =
    'start Docker, or set DOCKER_HOST; on Debian: sudo apt-get install -y docker.io busybox-static docker-registry && sudo dockerd &';
  try {
    await checkEngine(env);
    return { suite, missing: undefined, howToGet };
  } catch (error) {
    return { suite, missing: (error as Error).message, howToGet };
  }
}
