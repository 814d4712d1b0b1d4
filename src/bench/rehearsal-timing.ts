import { chooseDockerClient } from '../rehearse/docker-client.ts';
import { STAND_IN_LABEL } from '../rehearse/images.ts';
import { runRehearsal } from '../rehearse/run-rehearsal.ts';

export interface RehearsalTiming {
  seconds: number;
  problems: number;
}

/** One whole offline rehearsal, as `npm run rehearse -- --offline` runs it, timed. */
export async function measureOfflineRehearsal(env: NodeJS.ProcessEnv): Promise<RehearsalTiming> {
  const started = performance.now();
  const outcome = await runRehearsal(
    { offline: true },
    { line: () => {} },
    new AbortController().signal,
    env,
  );
  return { seconds: (performance.now() - started) / 1000, problems: outcome.failures.length };
}

/**
 * Removes the stand-in images, so the next rehearsal builds them again (the npm packages they
 * are made from stay in the cache: that download is the network's time, not the rehearsal's).
 */
export async function removeStandIns(env: NodeJS.ProcessEnv): Promise<number> {
  const { client } = await chooseDockerClient(env);
  if (!client) throw new Error('no docker client that can build with BuildKit');
  const ids = (await client.run(['images', '-q', '--filter', `label=${STAND_IN_LABEL}`])).stdout
    .split('\n')
    .filter(Boolean);
  if (ids.length > 0) await client.run(['image', 'rm', '-f', ...new Set(ids)]);
  return ids.length;
}
