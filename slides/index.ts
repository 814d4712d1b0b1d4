/**
 * The talk, in order. Reordering slides is moving one line.
 */
import title from './01-title.ts';
import twoDefinitions from './02-two-definitions.ts';
import theDockerfile from './03-dockerfile.ts';
import whereDataLives from './04-where-data-lives.ts';
import dockerfileToLayers from './05-dockerfile-to-layers.ts';

export { default as config } from './deck.ts';

export const slides = [title, twoDefinitions, theDockerfile, whereDataLives, dockerfileToLayers];
