import { engineEnvs } from '../../src/rehearse/engine-env.ts';
import { TALK_IMAGES } from '../../src/rehearse/images.ts';
import { ensureStandIns } from '../../src/rehearse/stand-ins.ts';
import { checkEngine, type Engine } from '../../src/rehearse/preflight.ts';
import { engineLabel, engineKey } from '../../src/rehearse/report.ts';
import { engineAvailable, REQUIRE_ENGINES_VARIABLE, type EngineCheck } from './optional-engine.ts';

const HOW_TO_GET =
  'eval "$(bash scripts/engines.sh install && bash scripts/engines.sh start)" (root; both engines), or start Docker and set DOCKER_HOST';

/**
 * Can the rehearsal run here? The rehearsal's own preflight answers (an engine where DOCKER_HOST
 * or the default socket says, a BuildKit client, room on disk), with its own message when not.
 */
export async function dockerEngineCheck(env: NodeJS.ProcessEnv = process.env): Promise<EngineCheck> {
  const suite = 'the rehearsal tests (a real Docker Engine)';
  try {
    await checkEngine(env);
    return { suite, missing: undefined, howToGet: HOW_TO_GET };
  } catch (error) {
    return { suite, missing: (error as Error).message, howToGet: HOW_TO_GET };
  }
}

/** An engine a rehearsal test runs against: the environment that reaches it, and what it is. */
export interface TestEngine {
  /** `Engine 28.5.2 (containerd store)`, for test names. */
  label: string;
  env: NodeJS.ProcessEnv;
  engine: Engine;
}

/**
 * The engines to rehearse on: each of TALK_ENGINES (env files with DOCKER_HOST, DOCKER_CONFIG and
 * PATH_PREFIX), or else the engine DOCKER_HOST or the default socket names. An engine that does
 * not answer is skipped with one line, or fails the run under TALK_REQUIRE_ENGINES=1, which also
 * requires both image stores, so CI can never drop one unseen.
 */
export async function rehearsalEngines(env: NodeJS.ProcessEnv = process.env): Promise<TestEngine[]> {
  const candidates = engineEnvs(env);
  const found: TestEngine[] = [];
  for (const candidate of candidates) {
    const check =
      'missing' in candidate
        ? { suite: '', missing: candidate.missing, howToGet: HOW_TO_GET }
        : await dockerEngineCheck(candidate.env);
    const suite = `${check.suite} on the engine of ${candidate.source}`;
    if (!engineAvailable({ ...check, suite }, env) || 'missing' in candidate) continue;
    const engine = await checkEngine(candidate.env);
    found.push({ label: engineLabel({ ...identity(engine) }), env: candidate.env, engine });
  }
  if (env[REQUIRE_ENGINES_VARIABLE] === '1') {
    const missing = missingStores(
      requiredStores(env),
      found.map(({ engine }) => engine.store.kind),
    );
    if (missing.length > 0) {
      throw new Error(
        `docker-talk: the rehearsal tests need an engine with ${missing.map((kind) => STORE_NAMES[kind]).join(' and one with ')}; found: ${found.map(({ label }) => label).join(', ') || 'none'}. To get both engines: ${HOW_TO_GET}\n(${REQUIRE_ENGINES_VARIABLE}=1: a missing engine fails the run)`,
      );
    }
  }
  return found;
}

function identity(engine: Engine) {
  return {
    key: engineKey(engine.version, engine.store),
    version: engine.version,
    os: engine.os,
    client: engine.docker.path,
    store: engine.store,
  };
}

type StoreKind = Engine['store']['kind'];

const STORE_NAMES: Record<StoreKind, string> = {
  'graph-driver': 'the overlay2 graph driver',
  containerd: 'the containerd image store',
};

/** Which image stores must answer under TALK_REQUIRE_ENGINES=1. */
export const REQUIRE_STORES_VARIABLE = 'TALK_REQUIRE_STORES';

/**
 * The image stores the run requires: both, unless TALK_REQUIRE_STORES names some (CI splits the
 * engines between its two runs, each engine and each Node once). An unknown name is an error.
 */
export function requiredStores(env: NodeJS.ProcessEnv): StoreKind[] {
  const named = env[REQUIRE_STORES_VARIABLE];
  if (named === undefined || named.trim() === '') return ['graph-driver', 'containerd'];
  const kinds = named.split(',').map((name) => name.trim());
  const unknown = kinds.find((kind) => !(kind in STORE_NAMES));
  if (unknown !== undefined) {
    throw new Error(
      `docker-talk: ${REQUIRE_STORES_VARIABLE}=${named}: "${unknown}" is not an image store; name graph-driver, containerd or both`,
    );
  }
  return kinds as StoreKind[];
}

/** The required stores no engine found has. */
export function missingStores(required: readonly StoreKind[], found: readonly StoreKind[]): StoreKind[] {
  return required.filter((kind) => !found.includes(kind));
}

/**
 * Makes the talk's images that `references` name available on `engine` as a rehearsal would:
 * the real image when it is there, else a stand-in (cached by content), as no registry can be
 * reached here. For live tests that run a block without rehearsing the scripts before it.
 */
export async function ensureTalkImages(engine: Engine, references: readonly string[]): Promise<void> {
  const images = TALK_IMAGES.filter((image) => references.includes(image.reference));
  if (images.length !== references.length)
    throw new Error(`not all of ${references.join(', ')} are talk images`);
  await ensureStandIns(engine.docker, images, () => undefined);
}
