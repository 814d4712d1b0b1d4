/** Every diagram of the talk, each in its own module. */
export { buildCache } from './build-cache.ts';
export { containerProcess } from './container-process.ts';
export { copyOnWrite } from './copy-on-write.ts';
export { definitions } from './definitions.ts';
export { distribution } from './distribution.ts';
export { imageLayers } from './image-layers.ts';
export { lifecycle } from './lifecycle.ts';
export { sharedLayers } from './shared-layers.ts';
export { tagVsDigest } from './tag-digest.ts';
export { unionFilesystem } from './union-fs.ts';
