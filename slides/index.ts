/**
 * The talk, in order. Reordering slides is moving one line (and renumbering the module).
 */
import title from './01-title.ts';
import definitions from './02-definitions.ts';
import insideAnImage from './03-inside-an-image.ts';
import tagsVsDigests from './04-tags-vs-digests.ts';
import theDockerfile from './05-the-dockerfile.ts';
import dockerfileToLayers from './06-dockerfile-to-layers.ts';
import deletingDoesntShrink from './07-deleting-doesnt-shrink.ts';
import buildCache from './08-build-cache.ts';
import cacheOrder from './09-cache-order.ts';
import multiStage from './10-multi-stage.ts';
import unionFilesystem from './11-union-filesystem.ts';
import copyOnWrite from './12-copy-on-write.ts';
import sharedLayers from './13-shared-layers.ts';
import diffAndCommit from './14-diff-and-commit.ts';
import whereDataLives from './15-where-data-lives.ts';
import containerIsAProcess from './16-container-is-a-process.ts';
import runtimeChain from './17-runtime-chain.ts';
import lifecycle from './18-lifecycle.ts';
import pid1AndSignals from './19-pid1-and-signals.ts';
import distribution from './20-distribution.ts';
import trustAndMoving from './21-trust-and-moving.ts';
import recap from './22-recap.ts';
import takeaways from './23-takeaways.ts';
import furtherReading from './24-further-reading.ts';

export { default as config } from './deck.ts';

export const slides = [
  title,
  definitions,
  insideAnImage,
  tagsVsDigests,
  theDockerfile,
  dockerfileToLayers,
  deletingDoesntShrink,
  buildCache,
  cacheOrder,
  multiStage,
  unionFilesystem,
  copyOnWrite,
  sharedLayers,
  diffAndCommit,
  whereDataLives,
  containerIsAProcess,
  runtimeChain,
  lifecycle,
  pid1AndSignals,
  distribution,
  trustAndMoving,
  recap,
  takeaways,
  furtherReading,
];
