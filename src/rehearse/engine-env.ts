import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';

/** The engines `bash scripts/engines.sh start` started: their env files, colon-separated. */
export const ENGINES_VARIABLE = 'TALK_ENGINES';

/** An engine to reach: from its env file, or the environment as it is (DOCKER_HOST or the default). */
export type EngineEnv = { source: string; env: NodeJS.ProcessEnv } | { source: string; missing: string };

/**
 * The engines TALK_ENGINES lists (env files with DOCKER_HOST, DOCKER_CONFIG and PATH_PREFIX), each
 * as the environment that reaches it; without TALK_ENGINES, the environment itself.
 */
export function engineEnvs(env: NodeJS.ProcessEnv = process.env): EngineEnv[] {
  const files = (env[ENGINES_VARIABLE] ?? '').split(':').filter(Boolean);
  return files.length > 0 ? files.map((file) => readEngineEnv(file, env)) : [{ source: 'DOCKER_HOST', env }];
}

/** An env file's variables over `env`; PATH_PREFIX goes first on PATH (the engine's own client). */
export function readEngineEnv(file: string, env: NodeJS.ProcessEnv): EngineEnv {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { source: file, missing: `cannot read its env file: ${(error as Error).message}` };
  }
  const values = Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
      .filter((match) => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
  const { PATH_PREFIX: prefix, ...rest } = values;
  return {
    source: file,
    env: { ...env, ...rest, PATH: prefix ? `${prefix}${delimiter}${env.PATH ?? ''}` : env.PATH },
  };
}
