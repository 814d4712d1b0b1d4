import type { DockerClient } from './docker-client.ts';

/** What the engine holds: compared before and after, so the rehearsal removes only its own. */
export interface EngineState {
  containers: Set<string>;
  images: Set<string>;
  tags: Set<string>;
  volumes: Set<string>;
  networks: Set<string>;
}

async function lines(docker: DockerClient, args: string[]): Promise<Set<string>> {
  const result = await docker.run(args);
  if (result.code !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr}`);
  return new Set(
    result.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.includes('<none>')),
  );
}

export async function readEngineState(docker: DockerClient): Promise<EngineState> {
  return {
    containers: await lines(docker, ['ps', '-aq', '--no-trunc']),
    images: await lines(docker, ['images', '-aq', '--no-trunc']),
    tags: await lines(docker, ['images', '--format', '{{.Repository}}:{{.Tag}}']),
    volumes: await lines(docker, ['volume', 'ls', '-q']),
    networks: await lines(docker, ['network', 'ls', '-q', '--no-trunc']),
  };
}

/** What `after` has that `before` had not. */
export function createdSince(before: EngineState, after: EngineState): EngineState {
  const fresh = (key: keyof EngineState) => new Set([...after[key]].filter((item) => !before[key].has(item)));
  return {
    containers: fresh('containers'),
    images: fresh('images'),
    tags: fresh('tags'),
    volumes: fresh('volumes'),
    networks: fresh('networks'),
  };
}

export function isEmpty(state: EngineState): boolean {
  return Object.values(state).every((set: Set<string>) => set.size === 0);
}

/** A short list for the output: what is left, by kind. */
export function describeState(state: EngineState): string {
  const parts: string[] = [];
  if (state.containers.size) parts.push(`${state.containers.size} container(s)`);
  if (state.tags.size) parts.push(`tags ${[...state.tags].join(', ')}`);
  else if (state.images.size) parts.push(`${state.images.size} untagged image(s)`);
  if (state.volumes.size) parts.push(`volumes ${[...state.volumes].join(', ')}`);
  if (state.networks.size) parts.push(`${state.networks.size} network(s)`);
  return parts.join('; ');
}

/**
 * Removes what the rehearsal created, and nothing else: containers first (they hold images and
 * volumes), then the new tags and images, volumes, networks. Returns what could not be removed.
 */
export async function removeCreated(docker: DockerClient, before: EngineState): Promise<string[]> {
  const created = createdSince(before, await readEngineState(docker));
  const problems: string[] = [];
  const remove = async (command: string[], items: Set<string>) => {
    if (items.size === 0) return;
    const result = await docker.run([...command, ...items]);
    if (result.code !== 0)
      problems.push(`docker ${command.join(' ')} ${[...items].join(' ')}: ${result.stderr}`);
  };
  await remove(['rm', '-f', '-v'], created.containers);
  await remove(['image', 'rm'], created.tags);
  await remove(['image', 'rm', '-f'], createdSince(before, await readEngineState(docker)).images);
  await remove(['volume', 'rm', '-f'], created.volumes);
  await remove(['network', 'rm'], created.networks);
  return problems;
}
